import type { Database } from 'better-sqlite3';
import { sql, sqlPluck } from '../statements';

// A run that wrote this many photos' documents leaves segments that the next edits would
// otherwise merge, in the middle of a person's undo (the first 10,000-photo step after a
// million photos were written took 2.4 s, the next ones 0.8 s).
export const tidyAfterDocuments = 10_000;

/** One slice of merging, in its own short transaction; false when there was nothing to merge. */
export function tidySearchSlice(db: Database): boolean {
  const changes = sqlPluck<[], number>(db, `SELECT total_changes()`);
  const before = changes.get()!;
  // Negative: merge whatever is there, not only levels already full (FTS5's 'merge' command).
  db.transaction(() =>
    sql(db, `INSERT INTO photo_search (photo_search, rank) VALUES ('merge', -2000)`).run(),
  ).immediate();
  return changes.get()! - before >= 2;
}

/**
 * Merges the photo search index's segments a little at a time, yielding between slices so
 * other calls go on; stops when nothing is left to merge or when `signal` aborts. Returns the
 * slices done.
 */
export async function tidySearchIndex(db: Database, signal?: AbortSignal): Promise<number> {
  let slices = 0;
  while (!signal?.aborted) {
    slices++;
    if (!tidySearchSlice(db)) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return slices;
}
