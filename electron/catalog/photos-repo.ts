import type { Catalog } from './open-catalog';
import type { PhotoGroup } from '../../shared/api/contract';
import type { Photo, TakenAtSource } from '../../shared/api/photo-schema';
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
  orderClause,
  whereClause,
} from './photo-query';
import { sql, sqlPluck } from './statements';

export interface PhotoRow {
  id: number;
  root_id: number;
  folder_id: number;
  rel_path: string;
  file_name: string;
  file_size: number;
  file_mtime: number;
  sidecar_mtime: number | null;
  fingerprint: string | null;
  format: string | null;
  name_prefix: string | null;
  name_number: number | null;
  taken_at: string;
  taken_at_offset: string | null;
  taken_at_source: TakenAtSource;
  camera_id: number | null;
  lens: string | null;
  focal_length: number | null;
  f_number: number | null;
  exposure_time: number | null;
  iso: number | null;
  orientation: number | null;
  width: number | null;
  height: number | null;
  gps_latitude: number | null;
  gps_longitude: number | null;
  gps_altitude: number | null;
  title: string | null;
  caption: string | null;
  keywords: string;
  creator: string | null;
  credit: string | null;
  copyright: string | null;
  city: string | null;
  location: string | null;
  region: string | null;
  country: string | null;
  event_name: string | null;
  rating: number | null;
  thumb_key: string | null;
  error_code: string | null;
  error: string | null;
  warnings: string | null;
  added_at: string;
  indexed_at: string;
  missing_since: string | null;
}

interface JoinedRow extends PhotoRow {
  root_path: string;
  make: string | null;
  model: string | null;
}

export const photoSelect = `SELECT p.*, r.path AS root_path, c.make, c.model`;
export const photoJoins = `JOIN roots r ON r.id = p.root_id LEFT JOIN cameras c ON c.id = p.camera_id`;

export function toPhoto(row: JoinedRow): Photo {
  return {
    id: row.id,
    rootId: row.root_id,
    folderId: row.folder_id,
    path: absolutePath(row.root_path, row.rel_path),
    relPath: row.rel_path,
    fileName: row.file_name,
    fileSize: row.file_size,
    fileModifiedAt: new Date(row.file_mtime).toISOString(),
    format: row.format,
    fingerprint: row.fingerprint,
    namePrefix: row.name_prefix,
    nameNumber: row.name_number,
    takenAt: row.taken_at,
    takenAtOffset: row.taken_at_offset,
    takenAtSource: row.taken_at_source,
    make: row.make || null,
    model: row.model || null,
    lens: row.lens,
    focalLength: row.focal_length,
    fNumber: row.f_number,
    exposureTime: row.exposure_time,
    iso: row.iso,
    orientation: row.orientation,
    width: row.width,
    height: row.height,
    gpsLatitude: row.gps_latitude,
    gpsLongitude: row.gps_longitude,
    gpsAltitude: row.gps_altitude,
    title: row.title,
    caption: row.caption,
    keywords: JSON.parse(row.keywords) as string[],
    creator: row.creator,
    credit: row.credit,
    copyright: row.copyright,
    city: row.city,
    location: row.location,
    region: row.region,
    country: row.country,
    event: row.event_name,
    rating: row.rating,
    hasThumbnail: row.thumb_key != null,
    errorCode: row.error_code,
    error: row.error,
    warnings: row.warnings ? (JSON.parse(row.warnings) as string[]) : [],
    missing: row.missing_since != null,
    missingSince: row.missing_since,
    addedAt: row.added_at,
    indexedAt: row.indexed_at,
  };
}

export function getPhoto(db: Catalog, id: number): Photo | undefined {
  const row = sql<[number], JoinedRow>(
    db,
    `${photoSelect} FROM photos p ${photoJoins} WHERE p.id = ?`,
  ).get(id);
  return row && toPhoto(row);
}

export function getPhotos(db: Catalog, ids: readonly number[]): Photo[] {
  const byId = new Map<number, Photo>();
  // Fixed-size chunks keep the number of distinct statements (and cache entries) small.
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    const padded = [...chunk, ...Array<number>(100 - chunk.length).fill(-1)];
    const rows = sql<number[], JoinedRow>(
      db,
      `${photoSelect} FROM photos p ${photoJoins} WHERE p.id IN (${Array(100).fill('?').join(',')})`,
    ).all(...padded);
    for (const row of rows) byId.set(row.id, toPhoto(row));
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface PhotoPage {
  items: Photo[];
  nextCursor: string | null;
}

/** One page of photos in the requested order, continued by keyset from `cursor`. */
export function listPhotos(db: Catalog, input: PhotoPageQuery): PhotoPage {
  const query = photoPageQuerySchema.parse(input);
  const built = buildPhotoQuery(db, query, query);
  const extra: string[] = [];
  const params = [...built.params];
  if (query.cursor) {
    extra.push(built.after);
    params.push(...decodeCursor(query.cursor, built.rowKeys.length));
  }
  const rows = sql<unknown[], JoinedRow>(
    db,
    `${photoSelect} FROM ${built.from} ${photoJoins} ${whereClause(built, extra)} ${orderClause(built)} LIMIT ?`,
  ).all(...params, query.limit + 1);
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
  const built = buildPhotoQuery(db, filter, sort);
  const statement = db.prepare<unknown[], JoinedRow>(
    `${photoSelect} FROM ${built.from} ${photoJoins} ${whereClause(built)} ${orderClause(built)}`,
  );
  for (const row of statement.iterate(...built.params)) yield toPhoto(row);
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
  const ids = sqlPluck<unknown[], number>(
    db,
    `SELECT p.id FROM ${built.from} ${whereClause(built)} ${orderClause(built)}`,
  ).all(...built.params);
  if (sort.sort !== 'takenAt')
    return { ids, groups: ids.length ? [{ key: '', start: 0, count: ids.length }] : [] };
  const days =
    countedDays(db, filter, built.direction) ??
    sql<unknown[], { day: string; count: number }>(
      db,
      `SELECT substr(p.taken_at, 1, 10) AS day, count(*) AS count FROM ${built.from} ${whereClause(built)}
       GROUP BY day ORDER BY day ${built.direction}`,
    ).all(...built.params);
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
  return sql<unknown[], { n: number }>(
    db,
    `SELECT count(*) AS n FROM ${built.from} ${whereClause(built)}`,
  ).get(...built.params)!.n;
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
  const built = buildPhotoQuery(db, rest, { sort: 'added', order: 'asc' });
  return sql<unknown[], { day: string; count: number }>(
    db,
    `SELECT substr(p.taken_at, 1, 10) AS day, count(*) AS count FROM ${built.from} ${whereClause(built)}
     GROUP BY day ORDER BY day`,
  ).all(...built.params);
}
