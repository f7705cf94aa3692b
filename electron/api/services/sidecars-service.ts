import { sql } from '../../catalog/statements';
import { anySidecarsOn, requireRoot } from '../../catalog/roots-repo';
import { markOwedSidecars } from '../../longevity/sidecars/mark-owed';
import { markSidecarsAfterRestore } from '../../longevity/sidecars/resync-after-restore';
import { createSidecarPool, type SidecarPool } from '../../longevity/sidecars/sidecar-pool';
import { writeOwedSidecars } from '../../longevity/sidecars/sidecar-job';
import { writeArchiveFiles } from '../../longevity/archive-files';
import type {
  sidecarMethods,
  SidecarProgress,
  SidecarSummary,
} from '../../../shared/api/domains/sidecars';
import type { ApiContext, DomainHandlers } from '../api-context';
import { entityKinds, type EntityKind } from '../../../shared/api/entity-kinds';

/** How long edits settle before their sidecars are written: a burst of keystrokes is one write. */
const settleMs = 400;

/** How long closing may spend on owed sidecars (quitting the app must not wait for 100,000). */
const closeBudgetMs = 10_000;

/** What kadar-archive.json holds: a change to any of these rewrites it; a photo's rating does not. */
const archiveFileKinds: readonly EntityKind[] = entityKinds.filter(
  (k) => k !== 'photos' && k !== 'history',
);

/**
 * XMP sidecars and each folder's kadar-archive.json, kept current: every change marks what it
 * touches (triggers, migration 010), and after changes settle the owed sidecars are written on
 * a worker thread. One run at a time; changes during a run are picked up by the next.
 */
export function createSidecarsService(ctx: ApiContext) {
  const { db } = ctx;
  let pool: SidecarPool | null = null;
  let running: Promise<SidecarSummary> | null = null;
  let again = false;
  let progress: SidecarProgress | null = null;
  let lastRun: SidecarSummary | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  // Whether the folders' archive files may be out of date (true at start: a change may have
  // been made by a process that died before writing them).
  let archiveStale = true;
  const controller = new AbortController();
  // The run under way's own, for `sidecars.cancel`; `controller` stops every run, at closing.
  let stopRun: AbortController | null = null;
  // Set by a cancel until the next change: what was left is not written at closing either.
  let held = false;

  const anyOn = () => anySidecarsOn(db);

  const run = (): Promise<SidecarSummary> => {
    if (running) {
      again = true;
      return running;
    }
    const thisRun = new AbortController();
    stopRun = thisRun;
    running = (async () => {
      pool ??= createSidecarPool();
      const summary = await writeOwedSidecars(db, pool, {
        signal: AbortSignal.any([controller.signal, thisRun.signal]),
        onProgress(p) {
          progress = p;
          if (p.total > 0) ctx.emit('sidecars.progress', p);
        },
      });
      if (archiveStale) {
        archiveStale = false;
        // A folder that could not be written to is tried again after the next run.
        if (writeArchiveFiles(db).failed.length > 0) archiveStale = true;
      }
      return summary;
    })()
      .then((summary) => {
        lastRun = summary;
        if (summary.written + summary.failed > 0) ctx.emit('sidecars.finished', summary);
        return summary;
      })
      .finally(() => {
        running = null;
        stopRun = null;
        progress = null;
        // Changes made meanwhile are written by the next run (after a stop, only those made
        // after it: see sidecars.cancel).
        if (again && !closed) {
          again = false;
          void run().catch(() => undefined);
        }
      });
    return running;
  };

  const schedule = (kinds: readonly EntityKind[] = []) => {
    if (kinds.some((k) => archiveFileKinds.includes(k))) archiveStale = true;
    if (closed || !anyOn()) return;
    held = false;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void run().catch(() => undefined);
    }, settleMs);
    timer.unref();
  };

  const status = () => {
    // Read from the marks (few, or none) rather than from each folder's photos (a million).
    const pending = new Map(
      sql<[], { root_id: number; n: number }>(
        db,
        `SELECT p.root_id, count(*) AS n FROM sidecar_dirty d JOIN photos p ON p.id = d.photo_id
         WHERE p.missing_since IS NULL GROUP BY p.root_id`,
      )
        .all()
        .map((r) => [r.root_id, r.n]),
    );
    return {
      roots: sql<[], { id: number; path: string; sidecars: 'digikam' | 'lightroom' | null }>(
        db,
        `SELECT id, path, sidecars FROM roots ORDER BY path`,
      )
        .all()
        .map((r) => ({
          rootId: r.id,
          path: r.path,
          naming: r.sidecars,
          pending: pending.get(r.id) ?? 0,
        })),
      running: progress,
      lastRun,
    };
  };

  const handlers: DomainHandlers<typeof sidecarMethods> = {
    'sidecars.status': status,
    'sidecars.set': ({ rootId, naming }) => {
      requireRoot(db, rootId, 'rootId');
      sql(db, `UPDATE roots SET sidecars = ? WHERE id = ?`).run(naming, rootId);
      const pending = naming ? markOwedSidecars(db, rootId) : 0;
      archiveStale = true;
      ctx.emit('catalog.changed', { reason: 'roots', kinds: ['roots'] });
      if (naming) void run().catch(() => undefined);
      return { rootId, naming, pending };
    },
    'sidecars.write': () => run(),
    'sidecars.cancel': () => {
      if (timer) clearTimeout(timer);
      timer = null;
      const cancelled = stopRun != null && !stopRun.signal.aborted;
      stopRun?.abort();
      // What changed before the stop waits, with the rest, for the next change; a change
      // after it starts the writing again.
      again = false;
      held = true;
      return { cancelled };
    },
  };

  // A restored catalog's sidecars are rewritten from it; left over from a run that was killed,
  // written when the catalog opens again.
  markSidecarsAfterRestore(db);
  schedule();

  return {
    handlers,
    /** Called for every change the API announces, with the kinds of thing it changed. */
    changed: (kinds: readonly EntityKind[]) => schedule(kinds),
    /**
     * Writes what is still owed (a command's edits), for at most `closeBudgetMs`, unless a
     * person stopped the writing: what is left keeps its marks and is written by the next
     * Kadar that opens the catalog. Then lets the thread go.
     */
    async close(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = null;
      closed = true;
      const budget = setTimeout(() => controller.abort(), closeBudgetMs);
      try {
        while (running) await running.catch(() => undefined);
        if (anyOn() && !held && !controller.signal.aborted) await run().catch(() => undefined);
      } finally {
        clearTimeout(budget);
        controller.abort();
        if (pool) await pool.destroy();
      }
    },
  };
}
