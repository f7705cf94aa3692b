import type { Catalog } from '../catalog/open-catalog';
import { listRoots } from '../catalog/roots-repo';
import { runIndexJob } from '../indexer/index-job';
import { importArchiveFiles, withArchiveFiles } from '../longevity/folder-archive';
import type { IndexPool } from '../indexer/index-pool';
import type { IndexState } from '../../shared/api/contract';
import {
  emptyIndexSummary,
  type IndexProgress,
  type IndexSummary,
} from '../../shared/api/progress-schema';
import { toApiError } from '../../shared/errors';
import type { Emit } from './api-context';

/**
 * One indexing run at a time for the whole app. Roots asked for while a run is going are
 * queued and indexed by the next run, so "add folder" never waits or fails.
 */
export function createIndexService(
  db: Catalog,
  cacheDir: string,
  pool: () => IndexPool,
  emit: Emit,
  documentsDir: string,
) {
  let running: Promise<void> | null = null;
  let controller: AbortController | null = null;
  let progress: IndexProgress | null = null;
  let lastSummary: IndexSummary | null = null;
  const queued = new Set<number>();
  let lastChange = 0;

  const runNext = (): void => {
    const rootIds = [...queued];
    queued.clear();
    controller = new AbortController();
    const signal = controller.signal;
    // A folder's kadar-archive.json is read before and after its first indexing.
    running = importArchiveFiles(db, rootIds)
      .then(async (before) => {
        const summary = await runIndexJob({
          db,
          cacheDir,
          pool: pool(),
          rootIds,
          kind: 'rescan',
          signal,
          progressInterval: 200,
          onProgress(p) {
            progress = p;
            emit('index.progress', p);
            // New photos appear in the grid while the run goes, about once a second.
            if (performance.now() - lastChange > 1000) {
              lastChange = performance.now();
              emit('catalog.changed', { reason: 'index', kinds: ['photos', 'roots'] });
            }
          },
        });
        return withArchiveFiles(db, before, summary, { documentsDir, cacheDir, pool });
      })
      .then((summary) => {
        lastSummary = summary;
        emit('index.finished', summary);
      })
      .catch((error: unknown) => {
        const { message } = toApiError(error);
        lastSummary = emptyIndexSummary(progress?.runId ?? 0, 'failed', [
          { path: '', code: 'INDEX_FAILED', message },
        ]);
        emit('index.finished', lastSummary);
      })
      .finally(() => {
        emit('catalog.changed', { reason: 'index', kinds: ['photos', 'roots'] });
        running = null;
        controller = null;
        progress = null;
        if (queued.size > 0 && !signal.aborted) runNext();
        else queued.clear();
      });
  };

  return {
    /** Indexes the given roots (all of them when none are given), now or after the current run. */
    start(rootIds?: number[]): { started: boolean } {
      const ids = rootIds ?? listRoots(db).map((r) => r.id);
      if (ids.length === 0) return { started: false };
      for (const id of ids) queued.add(id);
      if (!running) runNext();
      return { started: true };
    },
    cancel(): { cancelled: boolean } {
      if (!controller) return { cancelled: false };
      queued.clear();
      controller.abort();
      return { cancelled: true };
    },
    state(): IndexState {
      return { running: running != null, progress, lastSummary };
    },
    /** Resolves when the current run (and any queued after it) has finished. */
    async idle(): Promise<void> {
      while (running) await running;
    },
  };
}

export type IndexService = ReturnType<typeof createIndexService>;
