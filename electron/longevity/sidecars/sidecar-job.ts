import { dirname, join } from 'node:path';
import type { Catalog } from '../../catalog/open-catalog';
import { sql } from '../../catalog/statements';
import { writeTransaction } from '../../catalog/write-transaction';
import { ProgressMeter } from '../../indexer/progress-meter';
import type { SidecarNaming } from '../../indexer/sidecar-names';
import { photoSidecars } from './sidecar-content';
import type { SidecarPool } from './sidecar-pool';
import type { FolderTask, SidecarOutcome } from './write-sidecars';

export interface SidecarProgress {
  done: number;
  total: number;
  written: number;
  failed: number;
  rate: number;
  etaSeconds: number | null;
}

export interface SidecarRunSummary {
  written: number;
  unchanged: number;
  failed: number;
  failures: { path: string; message: string }[];
  cancelled: boolean;
}

interface DirtyRow {
  photo_id: number;
  mark: Buffer;
  root_path: string;
  rel_path: string;
  sidecars: SidecarNaming;
}

const batchSize = 200;
const maxListedFailures = 100;

/**
 * Rows still owed a sidecar, in folders that are switched on and reachable, of photos whose
 * original is there (a missing one's row waits until the photo is found again).
 */
function pendingCount(db: Catalog): number {
  return (
    sql<[], { n: number }>(
      db,
      `SELECT count(*) AS n FROM sidecar_dirty d CROSS JOIN photos p ON p.id = d.photo_id
       JOIN roots r ON r.id = p.root_id
       WHERE r.sidecars IS NOT NULL AND r.status = 'online' AND p.missing_since IS NULL`,
    ).get()?.n ?? 0
  );
}

/**
 * Brings every owed sidecar up to date, a batch at a time: the catalog is read on this thread
 * (the one connection), the XML is merged and written by the pool's thread, and each photo's
 * new sidecar time is recorded with the run's other results in one transaction, so the next
 * rescan sees an unchanged sidecar. A change made meanwhile re-marks its photo (the row's mark
 * differs), and the photo is written again in a later batch.
 */
export async function writeOwedSidecars(
  db: Catalog,
  pool: SidecarPool,
  options: { signal?: AbortSignal; onProgress?: (p: SidecarProgress) => void } = {},
): Promise<SidecarRunSummary> {
  // Rows of folders switched off, or of photos gone from the catalog, are not owed anything.
  // (Read from the marks, which are few, not from the folders' photos.)
  sql(
    db,
    `DELETE FROM sidecar_dirty WHERE photo_id IN (
       SELECT d.photo_id FROM sidecar_dirty d LEFT JOIN photos p ON p.id = d.photo_id
       LEFT JOIN roots r ON r.id = p.root_id WHERE r.sidecars IS NULL)`,
  ).run();
  const total = pendingCount(db);
  const meter = new ProgressMeter();
  const summary: SidecarRunSummary = {
    written: 0,
    unchanged: 0,
    failed: 0,
    failures: [],
    cancelled: false,
  };
  let done = 0;
  let afterId = 0;
  const report = () =>
    options.onProgress?.({
      done,
      total: Math.max(total, done),
      written: summary.written,
      failed: summary.failed,
      rate: meter.rate(),
      etaSeconds: meter.eta(total - done),
    });
  report();
  for (;;) {
    const rows = sql<[number, number], DirtyRow>(
      db,
      `SELECT d.photo_id, d.mark, r.path AS root_path, p.rel_path, r.sidecars
       FROM sidecar_dirty d CROSS JOIN photos p ON p.id = d.photo_id JOIN roots r ON r.id = p.root_id
       WHERE d.photo_id > ? AND r.sidecars IS NOT NULL AND r.status = 'online'
         AND p.missing_since IS NULL
       ORDER BY d.photo_id LIMIT ?`,
    ).all(afterId, batchSize);
    if (rows.length === 0) break;
    // Cancelled only with something left: a last batch that ended as time ran out is done.
    if (options.signal?.aborted) {
      summary.cancelled = true;
      break;
    }
    afterId = rows.at(-1)!.photo_id;
    const contents = new Map(
      photoSidecars(
        db,
        rows.map((r) => r.photo_id),
      ).map((s) => [s.photo.id, s]),
    );
    const folders = new Map<string, FolderTask>();
    for (const row of rows) {
      const sidecar = contents.get(row.photo_id);
      if (!sidecar) continue;
      const abs = join(row.root_path, row.rel_path);
      const dir = dirname(abs);
      let task = folders.get(dir);
      if (!task) folders.set(dir, (task = { dir, naming: row.sidecars, items: [] }));
      task.items.push({
        photoId: row.photo_id,
        fileName: sidecar.photo.fileName,
        create: sidecar.hasUserData,
        content: sidecar.content,
      });
    }
    const outcomes: SidecarOutcome[] = (
      await Promise.all([...folders.values()].map((task) => pool.run(task)))
    ).flat();
    const marks = new Map(rows.map((r) => [r.photo_id, r.mark]));
    writeTransaction(db, () => {
      const setTime = sql(db, `UPDATE photos SET sidecar_mtime = ? WHERE id = ?`);
      const clear = sql(db, `DELETE FROM sidecar_dirty WHERE photo_id = ? AND mark = ?`);
      for (const o of outcomes) {
        if (o.status === 'written' || o.status === 'unchanged')
          setTime.run(o.sidecarMtimeMs, o.photoId);
        if (o.status === 'written') summary.written++;
        else if (o.status === 'unchanged') summary.unchanged++;
        else if (o.status === 'failed') {
          summary.failed++;
          const row = rows.find((r) => r.photo_id === o.photoId)!;
          if (summary.failures.length < maxListedFailures)
            summary.failures.push({ path: join(row.root_path, row.rel_path), message: o.error });
        }
        // A failed write keeps its mark (a drive unplugged, a full disk): the next run tries
        // again. This run goes on past it, so it is not retried in a loop.
        if (o.status !== 'failed') clear.run(o.photoId, marks.get(o.photoId)!);
      }
    });
    done += rows.length;
    meter.tick(rows.length);
    report();
  }
  return summary;
}
