import type { Catalog } from './open-catalog';
import type { PhotoGroup } from '../../shared/api/contract';
import type { Photo } from '../../shared/api/photo-schema';
import {
  apiFieldNames,
  editableFields,
  photoFileFields,
  type EditableField,
  type FieldKind,
  type FieldSpec,
} from '../../shared/catalog/photo-fields';
import { absolutePath } from './absolute-path';
import type { PhotoFilter, PhotoSort } from '../../shared/api/photo-query-schema';
import {
  photoFilterSchema,
  photoPageQuerySchema,
  type PhotoPageQuery,
} from '../../shared/api/photo-query-schema';
import {
  buildPhotoQuery,
  decodeCursor,
  encodeCursor,
  keyDay,
  keyId,
  renderPhotoQuery,
  type BuiltQuery,
} from './photo-query';
import { linksEdited } from './photo-links';
import { rowsByIds } from './rows-by-id';
import { sql, sqlPluck } from './statements';
import { tagPathSeparator } from './tags-repo';

/** A photos row joined with what the API shows beside it; columns as migration 001 names them. */
type JoinedRow = Record<string, unknown> & {
  id: number;
  root_id: number;
  folder_id: number;
  rel_path: string;
  file_name: string;
  file_mtime: number;
  thumb_key: string | null;
  event_id: number | null;
  missing_since: string | null;
  added_at: string;
  indexed_at: string;
  root_path: string;
  make: string | null;
  model: string | null;
  event_title: string | null;
  project_ids: string | null;
  tag_paths: string;
  people_names: string;
  tags_edited: 0 | 1;
  project_credits: string | null;
};

export const photoSelect = `SELECT p.*, r.path AS root_path, c.make, c.model, e.title AS event_title,
  (SELECT group_concat(project_id) FROM project_events WHERE event_id = p.event_id) AS project_ids,
  (SELECT json_group_array(path) FROM (SELECT t.path FROM photo_tags pt JOIN tags t ON t.id = pt.tag_id
    WHERE pt.photo_id = p.id ORDER BY t.path COLLATE NOCASE)) AS tag_paths,
  (SELECT json_group_array(name) FROM (SELECT pe.name FROM photo_people pp JOIN people pe ON pe.id = pp.person_id
    WHERE pp.photo_id = p.id ORDER BY pe.name COLLATE NOCASE)) AS people_names,
  ${linksEdited('tag')} AS tags_edited,
  (SELECT json_object('creator', pr.creator, 'credit', pr.credit, 'copyright', pr.copyright)
    FROM project_events pe JOIN projects pr ON pr.id = pe.project_id
    WHERE pe.event_id = p.event_id AND coalesce(pr.creator, pr.credit, pr.copyright) IS NOT NULL
    ORDER BY pr.id LIMIT 1) AS project_credits`;
export const photoJoins = `JOIN roots r ON r.id = p.root_id LEFT JOIN cameras c ON c.id = p.camera_id
  LEFT JOIN events e ON e.id = p.event_id`;

export function decodeField(kind: FieldKind, value: unknown): unknown {
  if (kind === 'list') return value == null ? [] : (JSON.parse(value as string) as string[]);
  return value;
}

/**
 * What a person set for an editable field of this row, as the API shows it, or undefined when
 * they set nothing (the file's value stands). '' is how a person clears a file's text; the API
 * shows that as no value.
 */
export function userValue(row: Record<string, unknown>, spec: FieldSpec): unknown {
  const mine = row[spec.userColumn!];
  if (mine == null) return undefined;
  return mine === '' ? null : mine;
}

/** A field's value as the API shows it: the person's where they set one, else the file's. */
export function effectiveValue(row: Record<string, unknown>, spec: FieldSpec): unknown {
  const mine = spec.userColumn ? userValue(row, spec) : undefined;
  return mine === undefined ? decodeField(spec.kind, row[spec.column]) : mine;
}

/** Whether a photos row has a thumbnail and its file is there, as records and cells show it. */
export const fileState = (row: { thumb_key: string | null; missing_since: string | null }) => ({
  hasThumbnail: row.thumb_key != null,
  missing: row.missing_since != null,
});

export function toPhoto(row: JoinedRow): Photo {
  const photo: Record<string, unknown> = {};
  for (const name of apiFieldNames) {
    const spec: FieldSpec = photoFileFields[name];
    photo[name] = decodeField(spec.kind, row[spec.column]);
  }
  const fromFile: Record<string, unknown> = {};
  const edited: (EditableField | 'keywords')[] = [];
  for (const name of editableFields) {
    const spec: FieldSpec = photoFileFields[name];
    fromFile[name] = photo[name];
    const mine = userValue(row, spec);
    if (mine !== undefined) {
      photo[name] = mine;
      edited.push(name);
    }
  }
  // A project's creator, credit and copyright, for its photos that do not say their own.
  if (row.project_credits) {
    const credits = JSON.parse(row.project_credits) as Record<
      'creator' | 'credit' | 'copyright',
      string | null
    >;
    for (const name of ['creator', 'credit', 'copyright'] as const) photo[name] ??= credits[name];
  }
  const tags = JSON.parse(row.tag_paths) as string[];
  fromFile.keywords = photo.keywords;
  if (row.tags_edited) {
    // Once a person changed a photo's tags, its keywords are what its tags say.
    photo.keywords = [...new Set(tags.map((path) => path.split(tagPathSeparator).at(-1)!))];
    edited.push('keywords');
  }
  return {
    ...photo,
    tags,
    people: JSON.parse(row.people_names) as string[],
    id: row.id,
    rootId: row.root_id,
    folderId: row.folder_id,
    path: absolutePath(row.root_path, row.rel_path),
    relPath: row.rel_path,
    fileName: row.file_name,
    fileModifiedAt: new Date(row.file_mtime).toISOString(),
    make: row.make || null,
    model: row.model || null,
    fromFile: fromFile as Photo['fromFile'],
    edited,
    eventId: row.event_id,
    eventTitle: row.event_title,
    projectIds: row.project_ids ? row.project_ids.split(',').map(Number) : [],
    ...fileState(row),
    missingSince: row.missing_since,
    addedAt: row.added_at,
    indexedAt: row.indexed_at,
  } as Photo;
}

export function getPhoto(db: Catalog, id: number): Photo | undefined {
  const row = sql<[number], JoinedRow>(
    db,
    `${photoSelect} FROM photos p ${photoJoins} WHERE p.id = ?`,
  ).get(id);
  return row && toPhoto(row);
}

export function getPhotos(db: Catalog, ids: readonly number[]): Photo[] {
  return rowsByIds<JoinedRow>(
    db,
    `${photoSelect} FROM photos p ${photoJoins} WHERE p.id IN`,
    ids,
  ).map(toPhoto);
}

export interface PhotoPage {
  items: Photo[];
  nextCursor: string | null;
}

/** One page of photos in the requested order, continued by keyset from `cursor`. */
export function listPhotos(db: Catalog, input: PhotoPageQuery): PhotoPage {
  const query = photoPageQuerySchema.parse(input);
  const built = buildPhotoQuery(db, query, query);
  const { text, params } = renderPhotoQuery(built, {
    select: photoSelect,
    joins: photoJoins,
    cursor: query.cursor ? decodeCursor(query.cursor, built.rowKeys.length) : undefined,
    limit: query.limit + 1,
  });
  const rows = sql<unknown[], JoinedRow>(db, text).all(...params);
  const more = rows.length > query.limit;
  const page = more ? rows.slice(0, query.limit) : rows;
  const last = page.at(-1) as unknown as Record<string, unknown> | undefined;
  return {
    items: page.map(toPhoto),
    nextCursor: more && last ? encodeCursor(built.rowKeys.map((k) => last[k])) : null,
  };
}

/** Every photo of a query, in order, one at a time (for exports and `kadar photos`). */
export function* iteratePhotos(
  db: Catalog,
  filter: PhotoFilter,
  sort: PhotoSort,
): Generator<Photo> {
  const { text, params } = renderPhotoQuery(buildPhotoQuery(db, filter, sort), {
    select: photoSelect,
    joins: photoJoins,
  });
  for (const row of db.prepare<unknown[], JoinedRow>(text).iterate(...params)) yield toPhoto(row);
}

export interface PhotoIdList {
  ids: number[];
  /** Runs of `ids` taken on one local day (date order), or one unnamed run (other orders). */
  groups: PhotoGroup[];
}

/** The ids of every photo a query selects, in order, with their day groups: what a virtual
 * grid lays out. Ids come plucked and the days counted by the day index, not per row. */
export function photoIds(db: Catalog, filter: PhotoFilter, sort: PhotoSort): PhotoIdList {
  const built = buildPhotoQuery(db, filter, sort);
  const idQuery = renderPhotoQuery(built, {
    select: 'SELECT p.id',
    ...(built.byKey ? { keys: `SELECT ${keyId} AS id` } : {}),
  });
  const ids = sqlPluck<unknown[], number>(db, idQuery.text).all(...idQuery.params);
  if (sort.sort !== 'takenAt')
    return { ids, groups: ids.length ? [{ key: '', start: 0, count: ids.length }] : [] };
  const days = countedDays(db, filter, built.direction) ?? countDays(db, built, built.direction);
  let start = 0;
  const groups = days.map(({ day, count }) => {
    const group = { key: day, start, count };
    start += count;
    return group;
  });
  return { ids, groups };
}

export function countPhotos(db: Catalog, filter: PhotoFilter): number {
  const built = buildPhotoQuery(db, filter, { sort: 'added', order: 'asc' });
  const { text, params } = renderPhotoQuery(built, {
    select: 'SELECT count(*) AS n',
    keys: 'SELECT count(*) AS n',
    order: null,
  });
  return sql<unknown[], { n: number }>(db, text).get(...params)!.n;
}

// Every filter but the root: any of them set means counting the photos themselves.
const narrowingKeys = Object.keys(photoFilterSchema.shape).filter(
  (key): key is Exclude<keyof PhotoFilter, 'rootId'> => key !== 'rootId',
);

/**
 * Photos per day from the counts the catalog keeps (migration 007), when the filter is the
 * whole library or one root; null for any other filter, which has to count its photos.
 */
function countedDays(
  db: Catalog,
  filter: PhotoFilter,
  direction: 'ASC' | 'DESC',
): { day: string; count: number }[] | null {
  if (narrowingKeys.some((key) => filter[key] !== undefined)) return null;
  const { rootId } = filter;
  return sql<unknown[], { day: string; count: number }>(
    db,
    `SELECT day, sum(photos) AS count FROM photo_day_counts
     ${rootId === undefined ? '' : 'WHERE root_id = ?'} GROUP BY day ORDER BY day ${direction}`,
  ).all(...(rootId === undefined ? [] : [rootId]));
}

/** Photo counts per local day, for the year → month → day tree. */
export function photoDays(db: Catalog, filter: PhotoFilter): { day: string; count: number }[] {
  const { from: _from, to: _to, ...rest } = filter;
  const counted = countedDays(db, rest, 'ASC');
  if (counted) return counted;
  return countDays(db, buildPhotoQuery(db, rest, { sort: 'added', order: 'asc' }), 'ASC');
}

/** A query's photos per local day. */
function countDays(
  db: Catalog,
  built: BuiltQuery,
  direction: 'ASC' | 'DESC',
): { day: string; count: number }[] {
  const { text, params } = renderPhotoQuery(built, {
    select: 'SELECT substr(p.taken_at, 1, 10) AS day, count(*) AS count',
    keys: `SELECT ${keyDay} AS day, count(*) AS count`,
    groupBy: 'day',
    order: `day ${direction}`,
  });
  return sql<unknown[], { day: string; count: number }>(db, text).all(...params);
}
