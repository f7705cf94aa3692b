import type { Catalog } from './open-catalog';
import type { Edit } from '../edits/edit';
import { KadarError } from '../../shared/errors';
import { setFileLinks } from './photo-links';
import { sql, sqlPluck } from './statements';
import { levelFromFile } from '../../shared/catalog/tag-levels';

export type TagSource = 'file' | 'user';

export interface TagNode {
  id: number;
  parentId: number | null;
  name: string;
  /** The names from the top down, joined by '/': "Place/Niš". */
  path: string;
  /** Photos tagged with it directly. */
  photoCount: number;
  /** 'file' when some photo has it from its file's keywords, else 'user'. */
  source: TagSource;
}

/** Tags are shown and typed as "Sector/Textile". */
export const tagPathSeparator = '/';

export function splitTagPath(path: string): string[] {
  return path
    .split(tagPathSeparator)
    .map((p) => p.trim())
    .filter(Boolean);
}

const findChild = (db: Catalog, parentId: number | null, name: string) =>
  sql<[number, string], { id: number }>(
    db,
    `SELECT id FROM tags WHERE ifnull(parent_id, 0) = ? AND name = ? COLLATE NOCASE`,
  ).get(parentId ?? 0, name)?.id;

/**
 * The leaf tag of a path such as ["Places", "Serbia", "Niš"], creating missing levels: through
 * the edit history when a person types it, directly when indexing reads it from a file.
 */
function ensurePath(db: Catalog, path: readonly string[], insert: (row: object) => number) {
  let parentId: number | null = null;
  let parentPath = '';
  for (const raw of path) {
    const name = raw.trim();
    if (!name) continue;
    const full = parentPath ? `${parentPath}${tagPathSeparator}${name}` : name;
    parentId = findChild(db, parentId, name) ?? insert({ parent_id: parentId, name, path: full });
    parentPath = sql<[number], { path: string }>(db, `SELECT path FROM tags WHERE id = ?`).get(
      parentId,
    )!.path;
  }
  if (parentId == null)
    throw new KadarError('INVALID_INPUT', 'tags: a tag needs a name (e.g. "Place/Niš").');
  return parentId;
}

export function ensureTagPath(db: Catalog, path: readonly string[]): number {
  return ensurePath(db, path, (row) =>
    Number(
      sql(db, `INSERT INTO tags (parent_id, name, path) VALUES (@parent_id, @name, @path)`).run(row)
        .lastInsertRowid,
    ),
  );
}

export function ensureTag(edit: Edit, path: readonly string[]): number {
  return ensurePath(edit.db, path, (row) => edit.insert('tags', { ...row }));
}

/** Replaces a photo's tags from its file's keywords; the person's own stay. */
export function setPhotoTags(db: Catalog, photoId: number, tagIds: Iterable<number>): void {
  setFileLinks(db, 'tag', photoId, tagIds);
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
  return sqlPluck<[number], string>(
    db,
    `SELECT t.path FROM photo_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.photo_id = ? ORDER BY t.path`,
  )
    .all(photoId)
    .map((path) => path.split(tagPathSeparator));
}

const tagSelect = `SELECT t.id, t.parent_id AS parentId, t.name, t.path,
    (SELECT count(*) FROM photo_tags WHERE tag_id = t.id) AS photoCount,
    CASE WHEN EXISTS (SELECT 1 FROM photo_tags WHERE tag_id = t.id AND source = 'file')
      THEN 'file' ELSE 'user' END AS source
  FROM tags t`;

/** Every tag, in path order, with the number of photos tagged with it directly. */
export function listTags(db: Catalog): TagNode[] {
  return sql<[], TagNode>(db, `${tagSelect} ORDER BY t.path COLLATE NOCASE`).all();
}

export function requireTag(db: Catalog, id: number, field = 'id'): TagNode {
  const tag = sql<[number], TagNode>(db, `${tagSelect} WHERE t.id = ?`).get(id);
  if (!tag) throw new KadarError('NOT_FOUND', `${field}: there is no tag ${id}.`);
  return tag;
}

/** A tag by its path as a person types it: "place/nis" finds "Place/Niš" only if spelt so. */
export function tagIdOfPath(db: Catalog, path: string): number {
  const wanted = splitTagPath(path).join(tagPathSeparator);
  const id = sqlPluck<[string], number>(
    db,
    `SELECT id FROM tags WHERE path = ? COLLATE NOCASE ORDER BY id LIMIT 1`,
  ).get(wanted);
  if (id == null) throw new KadarError('NOT_FOUND', `tag: there is no tag "${path}".`);
  return id;
}

/** The tags of some photos, each with how many of them have it (a selection's tags). */
export function tagsOfPhotos(
  db: Catalog,
  photoIds: readonly number[],
): { id: number; path: string; photoCount: number; fromFile: number }[] {
  return sql<[string], { id: number; path: string; photoCount: number; fromFile: number }>(
    db,
    `SELECT t.id, t.path, count(*) AS photoCount, sum(pt.source = 'file') AS fromFile
     FROM photo_tags pt JOIN tags t ON t.id = pt.tag_id
     WHERE pt.photo_id IN (SELECT value FROM json_each(?))
     GROUP BY t.id ORDER BY t.path COLLATE NOCASE`,
  ).all(JSON.stringify(photoIds));
}

/** A tag and every tag below it. */
export function tagSubtree(db: Catalog, tagId: number): number[] {
  return sqlPluck<[number], number>(
    db,
    `WITH RECURSIVE down(id) AS (SELECT ? UNION SELECT t.id FROM tags t JOIN down ON t.parent_id = down.id)
     SELECT id FROM down`,
  ).all(tagId);
}

/** Rewrites the paths of a tag and everything below it after a rename or a move. */
function repath(edit: Edit, id: number): void {
  const tag = sql<[number], { parent_id: number | null; name: string }>(
    edit.db,
    `SELECT parent_id, name FROM tags WHERE id = ?`,
  ).get(id)!;
  const parentPath =
    tag.parent_id == null
      ? ''
      : sql<[number], { path: string }>(edit.db, `SELECT path FROM tags WHERE id = ?`).get(
          tag.parent_id,
        )!.path + tagPathSeparator;
  edit.update('tags', { id }, { path: parentPath + tag.name });
  for (const child of sqlPluck<[number], number>(
    edit.db,
    `SELECT id FROM tags WHERE parent_id = ?`,
  ).all(id))
    repath(edit, child);
}

function checkFree(db: Catalog, parentId: number | null, name: string, except: number): void {
  const other = findChild(db, parentId, name);
  if (other != null && other !== except)
    throw new KadarError(
      'INVALID_INPUT',
      `name: there is already a tag "${name}" there (${requireTag(db, other).path}); merge them instead.`,
    );
}

export function renameTag(edit: Edit, id: number, name: string): void {
  const tag = requireTag(edit.db, id);
  const clean = name.trim();
  if (!clean || clean.includes(tagPathSeparator))
    throw new KadarError('INVALID_INPUT', `name: a tag's name is not empty and has no "/".`);
  checkFree(edit.db, tag.parentId, clean, id);
  edit.update('tags', { id }, { name: clean });
  repath(edit, id);
}

/** Puts a tag (with everything below it) under another one, or at the top (null). */
export function moveTag(edit: Edit, id: number, parentId: number | null): void {
  const tag = requireTag(edit.db, id);
  if (parentId != null) {
    requireTag(edit.db, parentId, 'parentId');
    if (tagSubtree(edit.db, id).includes(parentId))
      throw new KadarError('INVALID_INPUT', `parentId: a tag cannot go under itself.`);
  }
  checkFree(edit.db, parentId, tag.name, id);
  edit.update('tags', { id }, { parent_id: parentId });
  repath(edit, id);
}

/**
 * Merges a tag into another: its photos get the other tag (keeping where each came from), its
 * children move under the other (merging those of the same name), and it is deleted.
 */
export function mergeTag(edit: Edit, id: number, intoId: number): void {
  if (id === intoId) return;
  requireTag(edit.db, id);
  requireTag(edit.db, intoId, 'intoId');
  if (tagSubtree(edit.db, id).includes(intoId))
    throw new KadarError('INVALID_INPUT', `intoId: a tag cannot merge into one below it.`);
  const links = sql<[number], { photo_id: number; source: TagSource }>(
    edit.db,
    `SELECT photo_id, source FROM photo_tags WHERE tag_id = ?`,
  ).all(id);
  const has = new Set(
    sqlPluck<[number], number>(edit.db, `SELECT photo_id FROM photo_tags WHERE tag_id = ?`).all(
      intoId,
    ),
  );
  for (const { photo_id, source } of links) {
    edit.delete('photo_tags', { photo_id, tag_id: id });
    if (!has.has(photo_id)) edit.insert('photo_tags', { photo_id, tag_id: intoId, source });
  }
  for (const photo_id of sqlPluck<[number], number>(
    edit.db,
    `SELECT photo_id FROM photo_tag_removals WHERE tag_id = ?`,
  ).all(id))
    edit.delete('photo_tag_removals', { photo_id, tag_id: id });
  for (const child of sql<[number], { id: number; name: string }>(
    edit.db,
    `SELECT id, name FROM tags WHERE parent_id = ?`,
  ).all(id)) {
    const same = findChild(edit.db, intoId, child.name);
    if (same != null) mergeTag(edit, child.id, same);
    else {
      edit.update('tags', { id: child.id }, { parent_id: intoId });
      repath(edit, child.id);
    }
  }
  edit.delete('tags', { id });
}

/** Deletes a tag and those below it; photos lose them, nothing else. */
export function deleteTag(edit: Edit, id: number): void {
  requireTag(edit.db, id);
  for (const child of sqlPluck<[number], number>(
    edit.db,
    `SELECT id FROM tags WHERE parent_id = ?`,
  ).all(id))
    deleteTag(edit, child);
  // Row by row, so undo brings each back (the foreign keys would cascade unrecorded).
  edit.delete('photo_tags', { tag_id: id });
  edit.delete('photo_tag_removals', { tag_id: id });
  edit.delete('tags', { id });
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
    const clean = path.map(levelFromFile).filter(Boolean);
    if (clean.length === 0) continue;
    ids.push(ensureTagPath(db, clean));
    for (const level of clean) covered.add(level.toLowerCase());
  }
  for (const keyword of keywords) {
    const clean = levelFromFile(keyword);
    if (clean && !covered.has(clean.toLowerCase())) ids.push(ensureTagPath(db, [clean]));
  }
  return ids;
}
