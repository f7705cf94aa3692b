import { realpathSync, statSync } from 'node:fs';
import type { Catalog } from '../../catalog/open-catalog';
import { ensureFolder } from '../../catalog/folders-repo';
import { addLibraryRoot } from '../../catalog/library-roots';
import { findRootContaining, insertRoot } from '../../catalog/roots-repo';
import { nowIso, sql, sqlPluck } from '../../catalog/statements';
import { applyPhotoLayer, readPhotoLayer } from '../photo-layer';
import type { ArchiveDocument, ArchivePhoto } from './archive-schema';
import { joinRel, type ImportContext } from './import-context';
import { refKey } from './photo-refs';
import { putRow, type Tally } from './put-row';

const isFolder = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * The library folder a folder's own file was written in (its `folder`, or its only root when
 * an earlier file does not say), when the folder is now at `folder`: moved, or the same drive
 * mounted elsewhere, or the same folder spelt otherwise (another letter case). Null for a
 * folder at its path; for a copy of a folder's file, whose folder is still there; and for a
 * folder this catalog knows at that path (a drive not connected), which a copy does not take.
 */
export function movedFrom(db: Catalog, doc: unknown, folder: string): string | null {
  const d = doc as { folder?: unknown; roots?: { path?: unknown }[] };
  const single = Array.isArray(d.roots) && d.roots.length === 1 ? d.roots[0]?.path : null;
  const from = typeof d.folder === 'string' ? d.folder : single;
  if (typeof from !== 'string' || from === folder) return null;
  if (isFolder(from)) return sameFolder(from, folder) ? from : null;
  const known = sql<[string], { n: number }>(
    db,
    `SELECT count(*) AS n FROM roots r WHERE path = ?
       AND (last_scan_completed_at IS NOT NULL OR EXISTS (SELECT 1 FROM photos WHERE root_id = r.id))`,
  ).get(from)!.n;
  return known > 0 ? null : from;
}

const sameFolder = (a: string, b: string) => {
  try {
    return realpathSync.native(a) === realpathSync.native(b);
  } catch {
    return false;
  }
};

/**
 * The document with the library folders that moved (old path → new) at their new paths:
 * their entries in `roots`, and every photo, document and folder the file names in them.
 */
export function relocateFolders(
  doc: ArchiveDocument,
  moved: ReadonlyMap<string, string>,
): ArchiveDocument {
  // A move to a folder the file names already would give it two entries: not this file's.
  const named = new Set(doc.roots.map((r) => r.path));
  const applies = new Map([...moved].filter(([from, to]) => named.has(from) && !named.has(to)));
  if (applies.size === 0) return doc;
  const at = (path: string) => applies.get(path) ?? path;
  const relocated = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(relocated);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value))
      out[key] = key === 'root' && typeof v === 'string' ? at(v) : relocated(v);
    return out;
  };
  return {
    ...(relocated(doc) as ArchiveDocument),
    ...(doc.folder ? { folder: at(doc.folder) } : {}),
    roots: doc.roots.map((r) => ({ ...r, path: at(r.path) })),
  };
}

/** Saved searches limited to the folder `from` (or a folder in it), limited to `to` instead. */
function moveSavedSearches(db: Catalog, from: number, to: number): void {
  const searches = sql<[], { id: number; filter: string }>(
    db,
    `SELECT id, filter FROM saved_searches`,
  ).all();
  for (const search of searches) {
    const filter = JSON.parse(search.filter) as { rootId?: number; folderId?: number };
    let changed = false;
    if (filter.rootId === from) {
      filter.rootId = to;
      changed = true;
    }
    if (filter.folderId != null) {
      const folder = sql<[number], { root_id: number; rel_path: string }>(
        db,
        `SELECT root_id, rel_path FROM folders WHERE id = ?`,
      ).get(filter.folderId);
      if (folder?.root_id === from) {
        filter.folderId = ensureFolder(db, to, folder.rel_path);
        changed = true;
      }
    }
    if (changed)
      sql(db, `UPDATE saved_searches SET filter = ? WHERE id = ?`).run(
        JSON.stringify(filter),
        search.id,
      );
  }
}

/**
 * A library folder an earlier file of this rebuild named at its old path (added offline, never
 * indexed) is the moved one: what was linked in it goes to the folder at its new path.
 */
export function adoptMovedRoots(db: Catalog, moved: ReadonlyMap<string, string>): void {
  for (const [from, to] of moved) {
    const old = sql<[string], { id: number }>(
      db,
      `SELECT id FROM roots r WHERE path = ? AND status = 'offline'
         AND last_scan_completed_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM photos p WHERE p.root_id = r.id)`,
    ).get(from);
    const now = sqlPluck<[string], number>(db, `SELECT id FROM roots WHERE path = ?`).get(to);
    if (!old || now == null) continue;
    sql(db, `UPDATE documents SET root_id = ? WHERE root_id = ?`).run(now, old.id);
    moveSavedSearches(db, old.id, now);
    sql(db, `DELETE FROM roots WHERE id = ?`).run(old.id);
  }
}

/**
 * The file's library folders, added without a scan. One the catalog has, or has inside one of
 * its own, is matched; one that is here is added as `kadar index` would add it (taking in
 * library folders inside it); one that is not (a drive not connected) is added offline.
 */
export function importRoots(
  db: Catalog,
  doc: ArchiveDocument,
  tally: Tally,
  keep = false,
  folder?: string,
): void {
  for (const root of doc.roots) {
    let id = sqlPluck<[string], number>(db, `SELECT id FROM roots WHERE path = ?`).get(root.path);
    if (id == null && findRootContaining(db, root.path)) {
      tally.note('roots', root.path, 'unchanged');
      continue;
    }
    let created = false;
    if (id == null && isFolder(root.path)) {
      const added = addLibraryRoot(db, root.path);
      created = added.created;
      // A folder reached through a link is the library folder of its real path.
      if (realpathSync(root.path) !== root.path) {
        tally.note('roots', root.path, created ? 'created' : 'unchanged');
        continue;
      }
      id = added.rootId;
    } else if (id == null) {
      id = insertRoot(db, root.path);
      sql(db, `UPDATE roots SET status = 'offline' WHERE id = ?`).run(id);
      created = true;
    }
    // Kept: a folder's setting comes from its file only in a catalog that never indexed it,
    // and from its own file only: another folder's file (perhaps another catalog's, copied
    // there) does not switch on writing into it. Its own file says so when it is indexed.
    const fresh = sql<[number], { fresh: number }>(
      db,
      `SELECT sidecars IS NULL AND last_scan_completed_at IS NULL AS fresh FROM roots WHERE id = ?`,
    ).get(id)!.fresh;
    const own = folder == null || root.path === folder;
    const { outcome } =
      keep && ((!created && !fresh) || !own)
        ? { outcome: created ? ('created' as const) : ('unchanged' as const) }
        : putRow(
            db,
            'roots',
            id,
            keep ? { sidecars: root.sidecars } : { name: root.name, sidecars: root.sidecars },
          );
    tally.note('roots', root.path, created ? 'created' : outcome);
  }
}

/**
 * A photo whose folder has not been indexed (yet) in this catalog: the file's name, size, time
 * and fingerprint, marked missing, with a modification time no file has, so the next index of
 * its folder reads the file and fills in the rest while the person's values stay.
 */
function insertPlaceholder(ctx: ImportContext, photo: ArchivePhoto): number | null {
  const place = ctx.root(photo.ref.root);
  if (!place) return null;
  const relPath = joinRel(place.prefix, photo.ref.path);
  const cut = relPath.lastIndexOf('/');
  const now = nowIso();
  return Number(
    sql(
      ctx.db,
      `INSERT INTO photos (root_id, folder_id, rel_path, file_name, file_size, file_mtime,
         fingerprint, taken_at, taken_at_source, keywords, warnings, added_at, indexed_at, missing_since)
       VALUES (?, ?, ?, ?, ?, -1, ?, ?, 'FileTime', '[]', '[]', ?, ?, ?)`,
    ).run(
      place.rootId,
      ensureFolder(ctx.db, place.rootId, cut < 0 ? '' : relPath.slice(0, cut)),
      relPath,
      photo.fileName,
      photo.fileSize,
      photo.ref.fingerprint,
      photo.takenAt,
      now,
      now,
      now,
    ).lastInsertRowid,
  );
}

/**
 * What people gave each photo the file describes, added to what the catalog has (a value the
 * file sets replaces the catalog's; nothing the file lacks is taken away). Photos the catalog
 * does not have get a placeholder with `placeholders`, else are counted as not found.
 */
export function importPhotos(ctx: ImportContext): void {
  ctx.doc.photos.forEach((photo, i) => {
    if (photo.layer.event != null) ctx.uid('events', photo.layer.event, `photos.${i}.layer.event`);
    const key = refKey(photo.ref);
    let id = ctx.photos.find(photo.ref);
    if (id == null) {
      id = ctx.placeholders ? insertPlaceholder(ctx, photo) : null;
      if (id == null) {
        ctx.photos.photo(photo.ref);
        return;
      }
      ctx.photos.remember(photo.ref, id);
      applyPhotoLayer(ctx.db, id, photo.layer);
      ctx.tally.note('photos', key, 'created');
      return;
    }
    const before = JSON.stringify(readPhotoLayer(ctx.db, id));
    applyPhotoLayer(ctx.db, id, photo.layer);
    const after = JSON.stringify(readPhotoLayer(ctx.db, id));
    ctx.tally.note('photos', key, before === after ? 'unchanged' : 'updated');
  });
}
