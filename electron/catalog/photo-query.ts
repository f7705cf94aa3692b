import type { Catalog } from './open-catalog';
import type { PhotoFilter, PhotoSort } from '../../shared/api/photo-query-schema';
import { KadarError } from '../../shared/errors';
import { searchCondition } from './search-repo';
import { sql } from './statements';

/** The FROM/WHERE of a photo query, and the columns it pages and sorts by. */
export interface BuiltQuery {
  from: string;
  where: string[];
  params: unknown[];
  /** Sort key columns, most significant first; the last is always unique. */
  keys: string[];
  /** The same keys as values on a result row (for cursors). */
  rowKeys: string[];
  direction: 'ASC' | 'DESC';
}

function tagSubtree(db: Catalog, tagId: number): number[] {
  return sql<[number], { id: number }>(
    db,
    `WITH RECURSIVE down(id) AS (SELECT ? UNION SELECT t.id FROM tags t JOIN down ON t.parent_id = down.id)
     SELECT id FROM down`,
  )
    .all(tagId)
    .map((r) => r.id);
}

/** The day after which a date prefix ends: '2015-11' covers every time up to '2015-11~'. */
const endOf = (prefix: string) => `${prefix}~`;

export function buildPhotoQuery(db: Catalog, filter: PhotoFilter, sort: PhotoSort): BuiltQuery {
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'photos p';
  let keys = ['p.taken_at', 'p.id'];

  if (filter.tagId != null) {
    const tags = tagSubtree(db, filter.tagId);
    if (tags.length === 1) {
      // One tag: drive from photo_tags, whose (tag_id, taken_at, photo_id) index is already
      // in date order, so a page of a large tag reads 200 index entries and no more.
      from = 'photo_tags pt JOIN photos p ON p.id = pt.photo_id';
      where.push('pt.tag_id = ?');
      params.push(filter.tagId);
      keys = ['pt.taken_at', 'pt.photo_id'];
    } else {
      where.push(
        `p.id IN (SELECT photo_id FROM photo_tags WHERE tag_id IN (${tags.map(() => '?').join(',')}))`,
      );
      params.push(...tags);
    }
  }
  if (filter.rootId != null) {
    where.push('p.root_id = ?');
    params.push(filter.rootId);
  }
  if (filter.folderId != null) {
    const folder = sql<[number], { root_id: number; rel_path: string }>(
      db,
      `SELECT root_id, rel_path FROM folders WHERE id = ?`,
    ).get(filter.folderId);
    if (!folder) throw new KadarError('NOT_FOUND', `There is no folder ${filter.folderId}.`);
    if (folder.rel_path === '') {
      where.push('p.root_id = ?');
      params.push(folder.root_id);
    } else {
      where.push(
        `p.folder_id IN (SELECT id FROM folders WHERE root_id = ? AND (rel_path = ? OR substr(rel_path, 1, ?) = ?))`,
      );
      params.push(
        folder.root_id,
        folder.rel_path,
        folder.rel_path.length + 1,
        `${folder.rel_path}/`,
      );
    }
  }
  if (filter.cameraId != null) {
    where.push('p.camera_id = ?');
    params.push(filter.cameraId);
  }
  if (filter.eventId != null) {
    where.push('p.id IN (SELECT photo_id FROM event_photos WHERE event_id = ?)');
    params.push(filter.eventId);
  }
  if (filter.from) {
    where.push(`${keys[0] === 'pt.taken_at' ? 'pt' : 'p'}.taken_at >= ?`);
    params.push(filter.from);
  }
  if (filter.to) {
    where.push(`${keys[0] === 'pt.taken_at' ? 'pt' : 'p'}.taken_at <= ?`);
    params.push(endOf(filter.to));
  }
  if (filter.hasGps != null) {
    where.push(filter.hasGps ? 'p.gps_latitude IS NOT NULL' : 'p.gps_latitude IS NULL');
  }
  if (filter.hasError != null) {
    where.push(filter.hasError ? 'p.error_code IS NOT NULL' : 'p.error_code IS NULL');
  }
  if (filter.missing != null) {
    where.push(filter.missing ? 'p.missing_since IS NOT NULL' : 'p.missing_since IS NULL');
  }
  if (filter.search) {
    const cond = searchCondition(filter.search);
    if (cond) {
      where.push(cond.where);
      params.push(cond.param);
    }
  }

  let rowKeys = ['taken_at', 'id'];
  if (sort.sort === 'name') {
    keys = ['p.file_name COLLATE NOCASE', 'p.id'];
    rowKeys = ['file_name', 'id'];
  } else if (sort.sort === 'added') {
    keys = ['p.id'];
    rowKeys = ['id'];
  }
  return { from, where, params, keys, rowKeys, direction: sort.order === 'asc' ? 'ASC' : 'DESC' };
}

export function whereClause(q: BuiltQuery, extra: string[] = []): string {
  const all = [...q.where, ...extra];
  return all.length ? `WHERE ${all.join(' AND ')}` : '';
}

export function orderClause(q: BuiltQuery): string {
  return `ORDER BY ${q.keys.map((k) => `${k} ${q.direction}`).join(', ')}`;
}

/** The keyset condition that continues after the row whose sort values are `after`. */
export function afterClause(q: BuiltQuery): string {
  const op = q.direction === 'DESC' ? '<' : '>';
  return q.keys.length === 1
    ? `${q.keys[0]} ${op} ?`
    : `(${q.keys.join(', ')}) ${op} (${q.keys.map(() => '?').join(', ')})`;
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length) return values;
  } catch {
    // fall through to the error below
  }
  throw new KadarError('INVALID_INPUT', 'The page cursor is not valid for this query.');
}
