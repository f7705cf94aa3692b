import { openCatalog } from '../../catalog/open-catalog';
import { archiveKinds, type ArchiveKind } from '../../../shared/api/domains/archive-file';
import { toApiError } from '../../../shared/errors';
import type { WorkerAnswer } from '../one-off-worker';
import { writeArchiveFile } from './archive-file';
import { buildArchive } from './build-archive';

export interface ArchiveExportTask {
  catalogPath: string;
  target: string;
}

/**
 * A worker thread's task (piscina) that writes the whole catalog's archive file: reading every
 * described photo and writing the JSON take seconds for a large catalog, which the API's
 * thread must not wait through. It reads the catalog through a connection of its own, which
 * sees what the app's connection has committed.
 */
export default function exportArchive(
  task: ArchiveExportTask,
): WorkerAnswer<Record<ArchiveKind, number>> {
  let db: ReturnType<typeof openCatalog> | null = null;
  try {
    const binding = process.env.KADAR_SQLITE_BINDING;
    db = openCatalog(task.catalogPath, {
      readonly: true,
      ...(binding ? { nativeBinding: binding } : {}),
    });
    // One read transaction: the app may write meanwhile, and the file must be one moment's.
    const doc = db.transaction(() => buildArchive(db!, { photos: true }))();
    writeArchiveFile(task.target, doc);
    return {
      ok: true,
      value: Object.fromEntries(archiveKinds.map((k) => [k, doc[k].length])) as Record<
        ArchiveKind,
        number
      >,
    };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  } finally {
    db?.close();
  }
}
