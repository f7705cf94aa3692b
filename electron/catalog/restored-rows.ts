import type { Database } from 'better-sqlite3';
import { sql } from './statements';
import type { RowChange } from '../edits/changes';
import { editTables } from '../edits/edit-tables';

/**
 * What a catalog rebuilt from its folders made from their files, and as of when those files
 * spoke (migration 012): a tombstone dated later removes the thing, one dated earlier does not.
 * Once a person edits such a row, or points something at it (photos or documents in an event,
 * an event in a project, a partner, an organiser), it is theirs.
 */

/** Notes that the row with `uid` was made from a file written at `asOf` (ISO time). */
export function noteRestored(db: Database, uid: string, asOf: string): void {
  sql(db, `INSERT OR REPLACE INTO restored_rows (uid, as_of) VALUES (?, ?)`).run(uid, asOf);
}

/**
 * A newer file (or sidecar) names a row the rebuild made from an older one: the row is known to
 * have existed as late as `asOf`, which a tombstone must be later than to remove it.
 */
export function refreshRestored(db: Database, uid: string, asOf: string): void {
  sql(db, `UPDATE restored_rows SET as_of = max(as_of, ?) WHERE uid = ?`).run(asOf, uid);
}

/** When the file the row with `uid` was made from was written; null for a person's row. */
export const restoredAsOf = (db: Database, uid: string): string | null =>
  sql<[string], { as_of: string }>(db, `SELECT as_of FROM restored_rows WHERE uid = ?`).get(uid)
    ?.as_of ?? null;

const uidTables = new Set(['events', 'projects', 'organisations', 'documents', 'galleries']);

// A column that names a row of these tables: a change that sets it puts something in that row.
const references: Record<string, string> = {
  event_id: 'events',
  project_id: 'projects',
  organisation_id: 'organisations',
  organiser_id: 'organisations',
  gallery_id: 'galleries',
};

/** The ids, per uid table, of rows a person's changes touch or put things in. */
function touched(changes: readonly RowChange[]): Map<string, Set<unknown>> {
  const ids = new Map<string, Set<unknown>>();
  const add = (table: string, id: unknown) => {
    if (id == null) return;
    let set = ids.get(table);
    if (!set) ids.set(table, (set = new Set()));
    set.add(id);
  };
  for (const c of changes) {
    if (uidTables.has(c.table)) {
      // An update's rows start with the key (`id`); an insert's or delete's are whole rows.
      const at = c.op === 'update' ? 0 : c.columns.indexOf('id');
      for (const row of c.rows) add(c.table, row[at]);
    }
    if (c.op === 'delete') continue;
    // What the change points at: a photo put in an event, a document attached to a project, a
    // partner or organiser named. An update's rows are [...key, ...before, ...after].
    const afterAt = c.op === 'update' ? editTables[c.table].key.length + c.columns.length : 0;
    c.columns.forEach((column, j) => {
      const table = references[column];
      if (table) for (const row of c.rows) add(table, row[afterAt + j]);
    });
  }
  return ids;
}

/**
 * Takes the rows a person's edit (or undo, or redo) touched off the list: theirs now. Costs
 * one lookup in a catalog that was not rebuilt from files (the list is empty).
 */
export function claimRestored(db: Database, changes: readonly RowChange[]): void {
  if (!sql(db, `SELECT 1 FROM restored_rows LIMIT 1`).get()) return;
  for (const [table, ids] of touched(changes)) {
    sql(
      db,
      `DELETE FROM restored_rows WHERE uid IN
         (SELECT uid FROM ${table} WHERE id IN (SELECT value FROM json_each(?)))`,
    ).run(JSON.stringify([...ids]));
  }
  // A deleted row's uid is in its tombstone, not in its table any more.
  for (const c of changes)
    if (c.op === 'delete' && uidTables.has(c.table)) {
      const u = c.columns.indexOf('uid');
      const remove = sql(db, `DELETE FROM restored_rows WHERE uid = ?`);
      if (u >= 0) for (const row of c.rows) remove.run(row[u]);
    }
}
