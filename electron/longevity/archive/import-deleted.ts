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

interface Tombstone {
  kind: DeletedKind;
  at: string;
  /** The event it was merged into, for an event merged away. */
  into: string | null;
}

/** The catalog's tombstones, by uid. */
export function tombstones(db: Catalog): Map<string, Tombstone> {
  return new Map(
    sql<[], { uid: string; kind: DeletedKind; deleted_at: string; target_uid: string | null }>(
      db,
      `SELECT d.uid, d.kind, d.deleted_at, m.target_uid
       FROM deleted_uids d LEFT JOIN event_merges m ON m.source_uid = d.uid`,
    )
      .all()
      .map((t) => [t.uid, { kind: t.kind, at: t.deleted_at, into: t.target_uid }]),
  );
}

/**
 * Removes again what a library folder's file made of things deleted after that file was
 * written (`asOf`, its exportedAt): the folder was offline when the deletion happened. A
 * tombstone older than the file does not count: the file has the thing because the deletion
 * was undone since (its row lifted the tombstone as it came in). The rows go with what hangs on
 * them, as a person's deletion took them (the schema's cascades); tombstones keep their dates.
 */
export function dropTombstoned(db: Catalog, before: Map<string, Tombstone>, asOf: string): void {
  const merged = sql(
    db,
    `INSERT OR IGNORE INTO event_merges (source_uid, target_uid) VALUES (?, ?)`,
  );
  for (const [uid, { kind, at, into }] of before) {
    // Only what this file made again (a catalog keeps many tombstones; most name nothing here).
    if (at <= asOf || !exists(db, kind, uid)) continue;
    // The row coming back lifted where it was merged to (migration 014): it holds again.
    if (into) merged.run(uid, into);
    removeAgain(db, uid, at);
  }
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

/**
 * Deletes again what a rebuild made of something deleted at `at`. An event merged away gives
 * its photos, documents and projects to the event it went into, as the merge did; what goes
 * with it (its documents) is dated as it, not as this moment.
 */
function removeAgain(db: Catalog, uid: string, at: string): void {
  const target = mergeTarget(db, uid);
  if (target) {
    const from = `(SELECT id FROM events WHERE uid = ?)`;
    sql(db, `UPDATE photos SET event_id = ? WHERE event_id = ${from}`).run(target.id, uid);
    sql(db, `UPDATE documents SET event_id = ? WHERE event_id = ${from}`).run(target.id, uid);
    sql(
      db,
      `INSERT OR IGNORE INTO project_events (project_id, event_id)
       SELECT project_id, ? FROM project_events WHERE event_id = ${from}`,
    ).run(target.id, uid);
  }
  const known = () =>
    sql<[], { uid: string }>(db, `SELECT uid FROM deleted_uids`)
      .all()
      .map((t) => t.uid);
  const before = new Set(known());
  for (const table of Object.values(tables)) sql(db, `DELETE FROM ${table} WHERE uid = ?`).run(uid);
  sql(db, `DELETE FROM restored_rows WHERE uid = ?`).run(uid);
  const dated = sql(db, `UPDATE deleted_uids SET deleted_at = ? WHERE uid = ?`);
  for (const t of known()) if (t === uid || !before.has(t)) dated.run(at, t);
}

/**
 * The file's tombstones. A thing the catalog lacks stays deleted (the latest date kept). One it
 * has goes only if the catalog made it from a file older than the deletion (an earlier folder's
 * kadar-archive.json, a sidecar); a person's, or one from a newer file, stays, and so does where
 * it was not merged to.
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
  const present = (d: Deleted) => exists(db, d.kind, d.uid);
  const stays = (d: Deleted) => {
    const asOf = restoredAsOf(db, d.uid);
    return present(d) && (asOf == null || asOf >= d.deletedAt);
  };
  const gone = ctx.doc.deleted.filter((d) => !stays(d));
  // Where merged-away events went, before any of them is removed (their photos follow).
  for (const d of gone) if (d.mergedInto) merged.run(d.uid, d.mergedInto);
  for (const d of gone) {
    if (present(d)) removeAgain(db, d.uid, d.deletedAt);
    record.run(d.uid, d.kind, d.deletedAt);
  }
}

type Deleted = ImportContext['doc']['deleted'][number];

const exists = (db: Catalog, kind: DeletedKind, uid: string) =>
  sql<[string], { one: number }>(db, `SELECT 1 AS one FROM ${tables[kind]} WHERE uid = ?`).get(
    uid,
  ) !== undefined;

/** When the thing with this uid was deleted, if the catalog knows it to be. */
export const deletedAt = (db: Catalog, uid: string): string | null =>
  sql<[string], { deleted_at: string }>(
    db,
    `SELECT deleted_at FROM deleted_uids WHERE uid = ?`,
  ).get(uid)?.deleted_at ?? null;
