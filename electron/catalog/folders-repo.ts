import type { Catalog } from './open-catalog';
import { sql } from './statements';

export interface FolderNode {
  id: number;
  parentId: number | null;
  relPath: string;
  name: string;
  /** Photos in this folder and every folder below it. */
  photoCount: number;
}

/** The id of the folder `relDir` ('/'-separated, '' for the root) in `rootId`, creating parents. */
export function ensureFolder(db: Catalog, rootId: number, relDir: string): number {
  const existing = sql<[number, string], { id: number }>(
    db,
    `SELECT id FROM folders WHERE root_id = ? AND rel_path = ?`,
  ).get(rootId, relDir);
  if (existing) return existing.id;
  const cut = relDir.lastIndexOf('/');
  const parentDir = cut < 0 ? '' : relDir.slice(0, cut);
  const parentId = ensureFolder(db, rootId, parentDir);
  const result = sql(
    db,
    `INSERT INTO folders (root_id, parent_id, rel_path, name) VALUES (?, ?, ?, ?)`,
  ).run(rootId, parentId, relDir, relDir.slice(cut + 1));
  return Number(result.lastInsertRowid);
}

/** Every folder of a root that holds photos (or is an ancestor of one), with total counts. */
export function folderTree(db: Catalog, rootId: number): FolderNode[] {
  const rows = sql<
    [number],
    { id: number; parent_id: number | null; rel_path: string; name: string; own: number }
  >(
    db,
    `SELECT f.id, f.parent_id, f.rel_path, f.name,
       (SELECT count(*) FROM photos p WHERE p.folder_id = f.id) AS own
     FROM folders f WHERE f.root_id = ? ORDER BY f.rel_path`,
  ).all(rootId);
  const nodes = new Map<number, FolderNode>();
  for (const r of rows) {
    nodes.set(r.id, {
      id: r.id,
      parentId: r.parent_id,
      relPath: r.rel_path,
      name: r.name,
      photoCount: r.own,
    });
  }
  // Children sort after their parents by rel_path, so walking backwards sums bottom-up.
  for (const r of [...rows].reverse()) {
    const node = nodes.get(r.id)!;
    if (node.parentId != null) nodes.get(node.parentId)!.photoCount += node.photoCount;
  }
  return [...nodes.values()].filter((n) => n.photoCount > 0 || n.parentId == null);
}

/** Folders left without photos or subfolders after files moved away. */
export function pruneEmptyFolders(db: Catalog, rootId: number): number {
  let removed = 0;
  for (;;) {
    const result = sql(
      db,
      `DELETE FROM folders WHERE root_id = ? AND parent_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM photos p WHERE p.folder_id = folders.id)
         AND NOT EXISTS (SELECT 1 FROM folders c WHERE c.parent_id = folders.id)`,
    ).run(rootId);
    if (result.changes === 0) return removed;
    removed += result.changes;
  }
}
