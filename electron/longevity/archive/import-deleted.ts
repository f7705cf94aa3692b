import type { Catalog } from '../../catalog/open-catalog';
import { sql } from '../../catalog/statements';
import type { DeletedKind } from './archive-schema';
import type { ImportContext } from './import-context';

/** The table each kind of tombstone names a row of (as migration 011's triggers have it). */
const tables: Record<DeletedKind, string> = {
  event: 'events',
  project: 'projects',
  organisation: 'organisations',
  document: 'documents',
  gallery: 'galleries',
};

/** The catalog's tombstones: uid → when it was deleted. */
export function tombstones(db: Catalog): Map<string, string> {
  return new Map(
    sql<[], { uid: string; deleted_at: string }>(db, `SELECT uid, deleted_at FROM deleted_uids`)
      .all()
      .map((t) => [t.uid, t.deleted_at]),
  );
}

/**
 * Removes again what an older file made of things the catalog knew to be deleted (a folder's
 * kadar-archive.json from before the deletion). The rows go with what hangs on them, as a
 * person's deletion took them (the schema's cascades); the tombstones keep their dates.
 */
export function dropTombstoned(db: Catalog, before: Map<string, string>): void {
  if (before.size === 0) return;
  const uids = JSON.stringify([...before.keys()]);
  for (const table of Object.values(tables))
    sql(db, `DELETE FROM ${table} WHERE uid IN (SELECT value FROM json_each(?))`).run(uids);
  const restore = sql(db, `UPDATE deleted_uids SET deleted_at = ? WHERE uid = ?`);
  for (const [uid, at] of before) restore.run(at, uid);
}

/**
 * The file's tombstones, for things the catalog has no row of: a newer file, or the catalog
 * itself, that has the thing decides (an undo brought it back).
 */
export function importDeleted(ctx: ImportContext): void {
  for (const d of ctx.doc.deleted) {
    const present = sql<[string], { one: number }>(
      ctx.db,
      `SELECT 1 AS one FROM ${tables[d.kind]} WHERE uid = ?`,
    ).get(d.uid);
    if (present) continue;
    sql(ctx.db, `INSERT OR IGNORE INTO deleted_uids (uid, kind, deleted_at) VALUES (?, ?, ?)`).run(
      d.uid,
      d.kind,
      d.deletedAt,
    );
  }
}

/** Whether the catalog knows the thing with this uid to have been deleted. */
export const isDeleted = (db: Catalog, uid: string): boolean =>
  sql<[string], { one: number }>(db, `SELECT 1 AS one FROM deleted_uids WHERE uid = ?`).get(uid) !==
  undefined;
