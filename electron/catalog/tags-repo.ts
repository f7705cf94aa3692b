import type { Catalog } from './open-catalog';
import { sql } from './statements';

export type TagSource = 'file' | 'user';

export interface TagNode {
  id: number;
  parentId: number | null;
  name: string;
  photoCount: number;
}

/** The leaf tag of a path such as ["Places", "Serbia", "Niš"], creating missing levels. */
export function ensureTagPath(db: Catalog, path: readonly string[]): number {
  let parentId: number | null = null;
  for (const raw of path) {
    const name = raw.trim();
    if (!name) continue;
    const found: { id: number } | undefined = sql<[number, string], { id: number }>(
      db,
      `SELECT id FROM tags WHERE ifnull(parent_id, 0) = ? AND name = ? COLLATE NOCASE`,
    ).get(parentId ?? 0, name);
    parentId = found
      ? found.id
      : Number(
          sql(db, `INSERT INTO tags (parent_id, name) VALUES (?, ?)`).run(parentId, name)
            .lastInsertRowid,
        );
  }
  if (parentId == null) throw new Error('A tag path needs at least one non-empty name');
  return parentId;
}

/** Replaces the tags of one source on a photo, leaving the other source's tags alone. */
export function setPhotoTags(
  db: Catalog,
  photoId: number,
  tagIds: Iterable<number>,
  source: TagSource,
): void {
  sql(db, `DELETE FROM photo_tags WHERE photo_id = ? AND source = ?`).run(photoId, source);
  const insert = sql(
    db,
    `INSERT OR IGNORE INTO photo_tags (photo_id, tag_id, source) VALUES (?, ?, ?)`,
  );
  for (const tagId of new Set(tagIds)) insert.run(photoId, tagId, source);
}

export function addPhotoTag(
  db: Catalog,
  photoId: number,
  tagId: number,
  source: TagSource = 'user',
): void {
  sql(db, `INSERT OR IGNORE INTO photo_tags (photo_id, tag_id, source) VALUES (?, ?, ?)`).run(
    photoId,
    tagId,
    source,
  );
}

export function photoTagPaths(db: Catalog, photoId: number): string[][] {
  const rows = sql<[number], { path: string }>(
    db,
    `WITH RECURSIVE up(leaf, id, parent_id, path) AS (
       SELECT t.id, t.id, t.parent_id, t.name FROM photo_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.photo_id = ?
       UNION ALL
       SELECT up.leaf, t.id, t.parent_id, t.name || char(31) || up.path FROM tags t JOIN up ON t.id = up.parent_id
     )
     SELECT path FROM up WHERE parent_id IS NULL ORDER BY path`,
  ).all(photoId);
  return rows.map((r) => r.path.split('\u001f'));
}

/** All tags with the number of photos tagged with them directly. */
export function listTags(db: Catalog): TagNode[] {
  return sql<[], TagNode>(
    db,
    `SELECT t.id, t.parent_id AS parentId, t.name, count(pt.photo_id) AS photoCount
     FROM tags t LEFT JOIN photo_tags pt ON pt.tag_id = t.id
     GROUP BY t.id ORDER BY t.name COLLATE NOCASE`,
  ).all();
}

/**
 * Tags from a file's keywords: each hierarchical path becomes a chain, and each flat keyword
 * that is not already a level of one of those chains becomes a top-level tag.
 */
export function fileKeywordTags(
  db: Catalog,
  keywords: readonly string[],
  hierarchical: readonly string[][],
): number[] {
  const ids: number[] = [];
  const covered = new Set<string>();
  for (const path of hierarchical) {
    const clean = path.map((p) => p.trim()).filter(Boolean);
    if (clean.length === 0) continue;
    ids.push(ensureTagPath(db, clean));
    for (const level of clean) covered.add(level.toLowerCase());
  }
  for (const keyword of keywords) {
    const clean = keyword.trim();
    if (clean && !covered.has(clean.toLowerCase())) ids.push(ensureTagPath(db, [clean]));
  }
  return ids;
}
