import type { Catalog } from './open-catalog';
import type { PhotoFilter, PhotoSort } from '../../shared/api/photo-query-schema';
import { KadarError } from '../../shared/errors';
import {
  cullingArms,
  effective,
  filterEvents,
  inJson,
  isDense,
  searchArms,
  type Arm,
} from './query-arms';
import { searchWords } from './search/event-matches';
import { epochShift, idBits, searchIdMask, searchKeySql } from './search/search-keys';
import { sql } from './statements';
import { tagSubtree } from './tags-repo';

/** A photo query: its filters, its order, and how to continue after a page. */
export interface BuiltQuery {
  /** Straight queries read `from`; keyed ones read the union of these (see `Arm`). */
  arms: Arm[] | null;
  /** Keyed and in date order: pages continue by search key inside each arm. */
  byKey: boolean;
  from: string;
  /** Conditions on `p` every row passes (in keyed queries, inside every arm). */
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

/** What a caller reads from a query: columns, joins, a page, a grouping. */
export interface QueryShape {
  select: string;
  joins?: string;
  /** The previous page's last row keys (`rowKeys`). */
  cursor?: unknown[];
  limit?: number;
  groupBy?: string;
  /** Replaces the query's order; null for none. */
  order?: string | null;
  /**
   * For keyed queries in date order, or with no order: what to select from the keys alone
   * (`keyId`, `keyDay`), instead of `select` over the photos' rows.
   */
  keys?: string;
}

/** The day after which a date prefix ends: '2015-11' covers every time up to '2015-11~'. */
const endOf = (prefix: string) => `${prefix}~`;

const placeholders = (n: number) => Array(n).fill('?').join(', ');

/**
 * Builds a photo query so that every date-ordered page is read from an index already in date
 * order, whatever the filter: the photos' own (taken_at, id) indexes, a tag's entries in
 * photo_tags, the search index's date keys, or the (event, search key) index of a set of events.
 * Other filters are checked row by row as the ordered rows stream past.
 */
export function buildPhotoQuery(db: Catalog, filter: PhotoFilter, sort: PhotoSort): BuiltQuery {
  const where: string[] = [];
  const params: unknown[] = [];
  const direction = sort.order === 'asc' ? 'ASC' : 'DESC';
  const op = direction === 'DESC' ? '<' : '>';
  const byDate = sort.sort === 'takenAt';
  const search = filter.search ? searchWords(db, filter.search) : null;
  const tags =
    filter.tagId == null ? null : filter.tagExact ? [filter.tagId] : tagSubtree(db, filter.tagId);
  const events = filterEvents(db, filter);
  const dense = events != null && isDense(db, events);

  let from = 'photos p';
  let dateColumn = 'p.taken_at';
  let arms: Arm[] | null = null;
  let query: Pick<BuiltQuery, 'order' | 'rowKeys' | 'after'> = {
    order: `p.taken_at ${direction}, p.id ${direction}`,
    rowKeys: ['taken_at', 'id'],
    after: `(p.taken_at, p.id) ${op} (?, ?)`,
  };

  if (search) arms = searchArms(db, search, filter, events);
  // A few events' photos' keys, from the (event, key) index: a page sorts keys, not rows.
  else if (events && !dense && byDate)
    arms = [{ from: 'photos p', key: 'p.search_key', where: [], params: [] }];
  // A person's photos' keys: a page sorts those, not the archive.
  else if (byDate && filter.personId != null)
    arms = [
      {
        // Their links in key order (photo_people keeps its photos' keys), then those rows.
        from: 'photo_people pp CROSS JOIN photos p ON p.id = pp.photo_id',
        bare: 'photo_people pp',
        key: 'pp.search_key',
        where: ['pp.person_id = ?'],
        params: [filter.personId],
      },
    ];
  else if (byDate && !tags) arms = cullingArms(db, filter);
  if (arms && byDate)
    query = {
      order: `u.k ${direction}`,
      rowKeys: ['taken_at', 'id'],
      after: `u.k ${op} ${searchKeySql('?', '?')}`,
    };

  if (tags && tags.length === 1 && byDate && !arms) {
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
  if (events) {
    // Many events: photos in date order, each checked (`+`: not looked up by event).
    where.push(`${dense ? '+' : ''}p.event_id ${inJson}`);
    params.push(JSON.stringify(events));
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
  if (filter.personId != null) {
    where.push('EXISTS (SELECT 1 FROM photo_people WHERE photo_id = p.id AND person_id = ?)');
    params.push(filter.personId);
  }
  if (filter.untagged) where.push('NOT EXISTS (SELECT 1 FROM photo_tags WHERE photo_id = p.id)');
  if (filter.noCaption) where.push(`ifnull(${effective('caption')}, '') = ''`);
  if (filter.minRating != null) {
    // `+`: checked on each row read in date order, not a range of the rating index to sort.
    where.push(`+${effective('rating')} >= ?`);
    params.push(filter.minRating);
  }
  for (const name of ['flag', 'label'] as const) {
    const value = filter[name];
    if (value === 'none') where.push(`ifnull(${effective(name)}, '') = ''`);
    else if (value) {
      where.push(`${effective(name)} = ?`);
      params.push(value);
    }
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
  return { arms, byKey: arms != null && byDate, from, where, params, direction, ...query };
}

const clause = (keyword: string, terms: string[]) =>
  terms.length ? `${keyword} ${terms.join(' AND ')}` : '';

/** The SQL and parameters that read `shape` from a built query. */
export function renderPhotoQuery(
  q: BuiltQuery,
  shape: QueryShape,
): { text: string; params: unknown[] } {
  const joins = shape.joins ?? '';
  const group = shape.groupBy ? `GROUP BY ${shape.groupBy}` : '';
  const order = shape.order === null ? '' : `ORDER BY ${shape.order ?? q.order}`;
  const limit = shape.limit != null ? 'LIMIT ?' : '';
  const limitParams = shape.limit != null ? [shape.limit] : [];
  const cursor = shape.cursor ?? null;
  if (!q.arms) {
    const where = cursor ? [...q.where, q.after] : q.where;
    return {
      text: `${shape.select} FROM ${q.from} ${joins} ${clause('WHERE', where)} ${group} ${order} ${limit}`,
      params: [...q.params, ...(cursor ?? []), ...limitParams],
    };
  }
  // Keyed, in date order: each arm reads its own first keys after the cursor, so a page reads
  // at most `limit` keys per arm, then only the page's rows.
  const { byKey } = q;
  const op = q.direction === 'DESC' ? '<' : '>';
  const params: unknown[] = [];
  const paged = byKey && shape.limit != null;
  const arms = q.arms.map((arm) => {
    const where = [...(!paged && arm.whole ? arm.whole : arm.where), ...q.where];
    params.push(...arm.params, ...q.params);
    if (byKey && cursor) {
      where.push(`${arm.key} ${op} ${searchKeySql('?', '?')}`);
      params.push(...cursor);
    }
    // Without conditions on the photos, an arm reads its index alone.
    const from = arm.bare && !q.where.length ? arm.bare : arm.from;
    const text = `SELECT ${arm.key} AS k FROM ${from} ${clause('WHERE', where)}`;
    if (!paged) return text;
    params.push(shape.limit);
    return `SELECT k FROM (${text} ORDER BY ${arm.key} ${q.direction} LIMIT ?)`;
  });
  const outerWhere = !byKey && cursor ? `WHERE ${q.after}` : '';
  if (!byKey && cursor) params.push(...cursor);
  if (shape.keys) {
    // Ids, counts and days come from the keys alone (a key holds its photo's id and capture
    // second), so a search's 100,000 matches are not each looked up in photos. The union is
    // ordered inside, so SQLite merges its arms' already ordered keys.
    const inOrder = shape.order === undefined;
    return {
      text: `${shape.keys} FROM (${arms.join(' UNION ')}${inOrder ? ` ORDER BY k ${q.direction}` : ''}) u ${group}
        ${shape.order ? `ORDER BY ${shape.order}` : ''}`,
      params,
    };
  }
  return {
    text: `${shape.select} FROM (${arms.join(' UNION ')}) u JOIN photos p ON p.id = (u.k & ${searchIdMask})
      ${joins} ${outerWhere} ${group} ${order} ${limit}`,
    params: [...params, ...limitParams],
  };
}

/** SQL over a keyed query's keys `u.k`: the photo's id, and its local capture day. */
export const keyId = `(u.k & ${searchIdMask})`;
export const keyDay = `date((u.k >> ${idBits}) - ${epochShift}, 'unixepoch')`;

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
