import type { Database } from 'better-sqlite3';
import { drainSearch } from './search/drain-search';

/**
 * A writing transaction that leaves the search index current: whatever the triggers queued
 * while `write` ran is indexed before the commit. Every writer that is not an edit (the
 * indexer, adding folders) uses this; edits get the same from `runEdit`.
 */
export function writeTransaction<T>(db: Database, write: () => T): T {
  return db
    .transaction(() => {
      const result = write();
      drainSearch(db);
      return result;
    })
    .immediate();
}
