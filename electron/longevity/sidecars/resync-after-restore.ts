import type { Catalog } from '../../catalog/open-catalog';
import { sql } from '../../catalog/statements';
import { writeTransaction } from '../../catalog/write-transaction';
import { openSqliteFile } from '../sqlite-file';

/**
 * A restored catalog is older than the sidecars beside its photos: they still say what was
 * undone (a batch edit), for digiKam and Lightroom to show and for a catalog rebuilt from the
 * folders to bring back. So the restore leaves this flag in the copy it puts in place, in the
 * same file, and the first opening marks every sidecar of the restored catalog as owed. A stop
 * in between leaves the flag, and the next opening does it.
 */
const flagKey = 'sidecars.resync';

/** Sets the flag in a catalog file not yet open as the catalog (a restore's copy). */
export function flagSidecarsForResync(file: string): void {
  const db = openSqliteFile(file);
  try {
    db.prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES (?, '1')`).run(flagKey);
  } finally {
    db.close();
  }
}

/**
 * On opening: when the catalog was just restored, marks every photo of the folders that have
 * sidecars on, and clears the flag, in one transaction. Every photo, not only those the
 * restored catalog knows a sidecar of: one written after the backup (for a photo first
 * described by the edit undone) must lose what Kadar put in it. The writer reads only the
 * sidecars that are there, and leaves those Kadar did not write alone. Returns how many were
 * marked.
 */
export function markSidecarsAfterRestore(db: Catalog): number {
  if (sql(db, `SELECT 1 FROM settings WHERE key = ?`).get(flagKey) === undefined) return 0;
  return writeTransaction(db, () => {
    const marked = sql(
      db,
      `INSERT INTO sidecar_dirty (photo_id, mark)
       SELECT p.id, randomblob(8) FROM photos p JOIN roots r ON r.id = p.root_id
       WHERE r.sidecars IS NOT NULL
       ON CONFLICT DO UPDATE SET mark = excluded.mark`,
    ).run().changes;
    sql(db, `DELETE FROM settings WHERE key = ?`).run(flagKey);
    return marked;
  });
}
