import type { Database } from 'better-sqlite3';
import { sql, sqlPluck } from '../statements';
import { writeArchiveDocuments } from './archive-documents';
import { writePhotoDocuments } from './photo-documents';

/**
 * Brings the search index up to date with every change since the last drain: triggers queue
 * what changed (migration 001), this rewrites those documents. Call it inside the writing
 * transaction, last, so what commits is always searchable as committed.
 */
export function drainSearch(db: Database): void {
  const photos = sqlPluck<[], number>(db, `SELECT photo_id FROM search_dirty`).all();
  if (photos.length) {
    writePhotoDocuments(db, photos);
    sql(db, `DELETE FROM search_dirty`).run();
  }
  const archive = sqlPluck<[], number>(db, `SELECT key FROM archive_dirty`).all();
  if (archive.length) {
    writeArchiveDocuments(db, archive);
    sql(db, `DELETE FROM archive_dirty`).run();
  }
}

/** Refills both indexes from scratch, in one transaction (after a migration asks for it). */
export function rebuildSearch(db: Database): void {
  db.transaction(() => {
    db.exec(`DELETE FROM photo_search; DELETE FROM archive_search; DELETE FROM document_search; UPDATE photos SET search_key = NULL;
      INSERT OR IGNORE INTO search_dirty SELECT id FROM photos;
      INSERT OR IGNORE INTO archive_dirty SELECT id * 4 FROM events
        UNION ALL SELECT id * 4 + 1 FROM projects UNION ALL SELECT id * 4 + 2 FROM organisations
        UNION ALL SELECT id * 4 + 3 FROM documents;`);
    drainSearch(db);
    sql(db, `DELETE FROM settings WHERE key = 'search.rebuild'`).run();
  }).immediate();
}

/**
 * On opening: a migration that changes what is searchable sets `search.rebuild`, and a
 * process killed between a trigger and its drain cannot leave anything queued (both commit
 * together), but a catalog written by a tool other than Kadar could.
 */
export function prepareSearch(db: Database): void {
  const flagged = sql<[], { value: string }>(
    db,
    `SELECT value FROM settings WHERE key = 'search.rebuild'`,
  ).get();
  if (flagged?.value === '1') rebuildSearch(db);
  else if (
    sql(db, `SELECT 1 FROM search_dirty UNION ALL SELECT 1 FROM archive_dirty LIMIT 1`).get()
  )
    db.transaction(() => drainSearch(db)).immediate();
}
