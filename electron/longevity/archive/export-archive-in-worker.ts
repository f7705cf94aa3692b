import type { ArchiveKind } from '../../../shared/api/domains/archive-file';
import { runInWorker } from '../one-off-worker';
import type { ArchiveExportTask } from './archive-export-worker';

/** The whole catalog's archive file, written by a worker thread; returns its counts by kind. */
export function exportArchiveInWorker(
  task: ArchiveExportTask,
): Promise<Record<ArchiveKind, number>> {
  return runInWorker(import.meta.url, './archive-export-worker', task);
}
