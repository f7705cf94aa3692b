import type { Catalog } from './open-catalog';
import type { PhotoFilter, PhotoSort } from '../../shared/api/photo-query-schema';
import { KadarError } from '../../shared/errors';
import { toFtsQuery } from '../../shared/text/fold-text';
import { searchIdMask, searchKeySql } from './search/search-keys';
import { sql, sqlPluck, sqlSafe } from './statements';

/** The FROM/WHERE of a photo query, its order, and how to continue after a page. */
export interface BuiltQuery {
  from: string;
  where: string[];
  params: unknown[];
  /** The ORDER BY terms; the last one makes the order total. */
  order: string;
  /** Result-row fields a cursor keeps to continue after the row. */
  rowKeys: string[];
  /** The condition selecting rows after a cursor, with one `?` per row key. */
  after: string;
  direction: 'ASC' | 'DESC';
}

/** Events whose documents, or whose projects' documents, contain every word of the query. */
function eventsByDocumentText(db: Catalog, fts: string): number[] {
  return sqlPluck<[string, string], number>(
    db,
    `SELECT d.event_id FROM document_search(?) s JOIN documents d ON d.id = s.rowid WHERE d.event_id IS NOT NULL
     UNION SELECT pe.event_id FROM document_search(?) s JOIN documents d ON d.id = s.rowid
       JOIN project_events pe ON pe.project_id = d.project_id`,
  ).all(fts, fts);
}

/** The least and greatest search keys of a project's photos (BigInts: keys pass 2^53). */
function projectKeySpan(db: Catalog, projectId: number): { first: bigint; last: bigint } | null {
  const span = sqlSafe<[number], { first: bigint | null; last: bigint | null }>(
    db,
    `SELECT min(search_key) AS first, max(search_key) AS last FROM photos
     WHERE event_id IN (SELECT event_id FROM project_events WHERE project_id = ?)`,
  ).get(projectId);
  return span?.first != null && span.last != null ? { first: span.first, last: span.last } : null;
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

const placeholders = (n: number) => Array(n).fill('?').join(', ');

/**
 * Builds a photo query so that every date-ordered page is read from an index already in date
 * order, whatever the filter: the photos' own (taken_at, id) indexes, a tag's entries in
 * photo_tags, or the search index's date keys. Other filters are checked row by row as the
 * ordered rows stream past.
 */
export function buildPhotoQuery(db: Catalog, filter: PhotoFilter, sort: PhotoSort): BuiltQuery {
  const where: string[] = [];
  const params: unknown[] = [];
  const direction = sort.order === 'asc' ? 'ASC' : 'DESC';
  const op = direction === 'DESC' ? '<' : '>';
  const byDate = sort.sort === 'takenAt';
  const fts = filter.search ? toFtsQuery(filter.search) : null;
  const tags = filter.tagId != null ? tagSubtree(db, filter.tagId) : null;

  let from = 'photos p';
  let dateColumn = 'p.taken_at';
  let query: Pick<BuiltQuery, 'order' | 'rowKeys' | 'after'> = {
    order: `p.taken_at ${direction}, p.id ${direction}`,
    rowKeys: ['taken_at', 'id'],
    after: `(p.taken_at, p.id) ${op} (?, ?)`,
  };

  // Photos of events whose documents say the words (an invitation naming the venue) are found
  // too; most searches match no document and keep the date-ordered path below.
  const documentEvents = fts ? eventsByDocumentText(db, fts) : [];
  // An event's photos are few (hundreds at most): each is checked against the search index by
  // its key, instead of reading every match of a common word ("Niš": 126,000 of a million).
  // A project's thousand or more cost more that way than the date-ordered read below.
  const fewPhotos = filter.eventId != null;
  if (fts && documentEvents.length > 0) {
    where.push(
      `(p.id IN (SELECT rowid & ${searchIdMask} FROM photo_search(?)) OR p.event_id IN (SELECT value FROM json_each(?)))`,
    );
    params.push(fts, JSON.stringify(documentEvents));
  } else if (fts && fewPhotos) {
    where.push(
      `EXISTS (SELECT 1 FROM photo_search WHERE photo_search MATCH ? AND rowid = p.search_key)`,
    );
    params.push(fts);
  } else if (fts && byDate) {
    // The search index's rowids are date keys: read matches newest (or oldest) first.
    from = `photo_search(?) s JOIN photos p ON p.id = (s.rowid & ${searchIdMask})`;
    params.push(fts);
    // A project's photos span a few months or years: reading only the index's keys between
    // its first and last photo's spares looking up every other match of a common word.
    const span = filter.projectId != null ? projectKeySpan(db, filter.projectId) : null;
    if (span) {
      where.push('s.rowid BETWEEN ? AND ?');
      params.push(span.first, span.last);
    }
    query = {
      order: `s.rowid ${direction}`,
      rowKeys: ['taken_at', 'id'],
      after: `s.rowid ${op} ${searchKeySql('?', '?')}`,
    };
  } else if (fts) {
    where.push(`p.id IN (SELECT rowid & ${searchIdMask} FROM photo_search(?))`);
    params.push(fts);
  }

  if (tags && tags.length === 1 && byDate && !fts) {
    // One tag: its (tag_id, taken_at, photo_id) entries are already in date order.
    from = 'photo_tags pt JOIN photos p ON p.id = pt.photo_id';
    where.push('pt.tag_id = ?');
    params.push(filter.tagId);
    dateColumn = 'pt.taken_at';
    query = {
      order: `pt.taken_at ${direction}, pt.photo_id ${direction}`,
      rowKeys: ['taken_at', 'id'],
      after: `(pt.taken_at, pt.photo_id) ${op} (?, ?)`,
    };
  } else if (tags) {
    where.push(
      `EXISTS (SELECT 1 FROM photo_tags x WHERE x.photo_id = p.id AND x.tag_id IN (${placeholders(tags.length)}))`,
    );
    params.push(...tags);
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
    where.push('p.event_id = ?');
    params.push(filter.eventId);
  }
  if (filter.noEvent != null)
    where.push(filter.noEvent ? 'p.event_id IS NULL' : 'p.event_id IS NOT NULL');
  if (filter.projectId != null) {
    where.push('p.event_id IN (SELECT event_id FROM project_events WHERE project_id = ?)');
    params.push(filter.projectId);
  }
  if (filter.organisationId != null) {
    where.push(
      `p.event_id IN (SELECT id FROM events WHERE organiser_id = ?
         UNION SELECT pe.event_id FROM project_partners pp JOIN project_events pe ON pe.project_id = pp.project_id
           WHERE pp.organisation_id = ?)`,
    );
    params.push(filter.organisationId, filter.organisationId);
  }
  if (filter.from) {
    where.push(`${dateColumn} >= ?`);
    params.push(filter.from);
  }
  if (filter.to) {
    where.push(`${dateColumn} <= ?`);
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

  if (sort.sort === 'name') {
    query = {
      order: `p.file_name COLLATE NOCASE ${direction}, p.id ${direction}`,
      rowKeys: ['file_name', 'id'],
      after: `(p.file_name COLLATE NOCASE, p.id) ${op} (?, ?)`,
    };
  } else if (sort.sort === 'added') {
    query = { order: `p.id ${direction}`, rowKeys: ['id'], after: `p.id ${op} ?` };
  }
  return { from, where, params, direction, ...query };
}

export function whereClause(q: BuiltQuery, extra: string[] = []): string {
  const all = [...q.where, ...extra];
  return all.length ? `WHERE ${all.join(' AND ')}` : '';
}

export function orderClause(q: BuiltQuery): string {
  return `ORDER BY ${q.order}`;
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
