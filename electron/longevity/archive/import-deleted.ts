import type { Catalog } from '../../catalog/open-catalog';
import { sql } from '../../catalog/statements';
import type { DeletedKind } from './archive-schema';
import { restoredAsOf } from '../../catalog/restored-rows';
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
 * Removes again what a library folder's file made of things deleted after that file was
 * written (`asOf`, its exportedAt): the folder was offline when the deletion happened. A
 * tombstone older than the file does not count: the file has the thing because the deletion
 * was undone since (its row lifted the tombstone as it came in). The rows go with what hangs on
 * them, as a person's deletion took them (the schema's cascades); tombstones keep their dates.
 */
export function dropTombstoned(db: Catalog, before: Map<string, string>, asOf: string): void {
  const later = [...before].filter(([, at]) => at > asOf);
  if (later.length === 0) return;
  removeAgain(
    db,
    later.map(([uid]) => uid),
  );
  const restore = sql(db, `UPDATE deleted_uids SET deleted_at = ? WHERE uid = ?`);
  for (const [uid, at] of later) restore.run(at, uid);
}

/**
 * The event an event merged away went into (followed through later merges), if the catalog
 * has it.
 */
export function mergeTarget(db: Catalog, uid: string): { id: number; uid: string } | null {
  let at = uid;
  for (let hops = 0; hops < 64; hops++) {
    const next = sql<[string], { target_uid: string }>(
      db,
      `SELECT target_uid FROM event_merges WHERE source_uid = ?`,
    ).get(at)?.target_uid;
    if (next == null) return null;
    const id = sql<[string], { id: number }>(db, `SELECT id FROM events WHERE uid = ?`).get(
      next,
    )?.id;
    if (id != null) return { id, uid: next };
    at = next;
  }
  return null;
}

/** Deletes what a rebuild made again; photos of an event merged away go where it went. */
function removeAgain(db: Catalog, uids: readonly string[]): void {
  for (const uid of uids) {
    const target = mergeTarget(db, uid);
    if (target)
      sql(
        db,
        `UPDATE photos SET event_id = ? WHERE event_id = (SELECT id FROM events WHERE uid = ?)`,
      ).run(target.id, uid);
  }
  const list = JSON.stringify(uids);
  for (const table of Object.values(tables))
    sql(db, `DELETE FROM ${table} WHERE uid IN (SELECT value FROM json_each(?))`).run(list);
  sql(db, `DELETE FROM restored_rows WHERE uid IN (SELECT value FROM json_each(?))`).run(list);
}

/**
 * The file's tombstones. A thing the catalog lacks stays deleted (the latest date kept). One it
 * has goes only if the catalog made it from a file older than the deletion (an earlier folder's
 * kadar-archive.json, a sidecar); a person's, or one from a newer file, stays.
 */
export function importDeleted(ctx: ImportContext): void {
  const { db } = ctx;
  const record = sql(
    db,
    `INSERT INTO deleted_uids (uid, kind, deleted_at) VALUES (?, ?, ?)
     ON CONFLICT (uid) DO UPDATE SET deleted_at = max(deleted_at, excluded.deleted_at)`,
  );
  const merged = sql(
    db,
    `INSERT OR IGNORE INTO event_merges (source_uid, target_uid) VALUES (?, ?)`,
  );
  for (const d of ctx.doc.deleted) if (d.mergedInto) merged.run(d.uid, d.mergedInto);
  for (const d of ctx.doc.deleted) {
    const table = tables[d.kind];
    const present =
      sql<[string], { one: number }>(db, `SELECT 1 AS one FROM ${table} WHERE uid = ?`).get(
        d.uid,
      ) !== undefined;
    if (present) {
      const asOf = restoredAsOf(db, d.uid);
      if (asOf == null || asOf >= d.deletedAt) continue;
      removeAgain(db, [d.uid]);
    }
    record.run(d.uid, d.kind, d.deletedAt);
  }
}

/** When the thing with this uid was deleted, if the catalog knows it to be. */
export const deletedAt = (db: Catalog, uid: string): string | null =>
  sql<[string], { deleted_at: string }>(
    db,
    `SELECT deleted_at FROM deleted_uids WHERE uid = ?`,
  ).get(uid)?.deleted_at ?? null;
