import type { Catalog } from './open-catalog';
import type { Edit } from '../edits/edit';
import type { Gallery } from '../../shared/api/domains/galleries';
import { KadarError } from '../../shared/errors';
import { requirePhotos } from './events-repo';
import { nowIso, sql, sqlPluck } from './statements';

interface Row {
  id: number;
  name: string;
  cover_photo_id: number | null;
  photo_count: number;
  first_photo_id: number | null;
  created_at: string;
}

const select = `SELECT g.id, g.name, g.cover_photo_id, g.created_at,
    (SELECT count(*) FROM gallery_photos WHERE gallery_id = g.id) AS photo_count,
    (SELECT photo_id FROM gallery_photos WHERE gallery_id = g.id ORDER BY position LIMIT 1) AS first_photo_id
  FROM galleries g`;

const toGallery = (r: Row): Gallery => ({
  id: r.id,
  name: r.name,
  coverPhotoId: r.cover_photo_id ?? r.first_photo_id,
  photoCount: r.photo_count,
  createdAt: r.created_at,
});

export function listGalleries(db: Catalog): Gallery[] {
  return sql<[], Row>(db, `${select} ORDER BY g.name COLLATE NOCASE, g.id`).all().map(toGallery);
}

export function requireGallery(db: Catalog, id: number, field = 'id'): Gallery {
  const row = sql<[number], Row>(db, `${select} WHERE g.id = ?`).get(id);
  if (!row) throw new KadarError('NOT_FOUND', `${field}: there is no gallery ${id}.`);
  return toGallery(row);
}

export function galleryPhotoIds(db: Catalog, id: number): number[] {
  return sqlPluck<[number], number>(
    db,
    `SELECT photo_id FROM gallery_photos WHERE gallery_id = ? ORDER BY position`,
  ).all(id);
}

export function createGallery(edit: Edit, name: string): number {
  return edit.insert('galleries', { name, created_at: nowIso() });
}

export function renameGallery(edit: Edit, id: number, name: string): void {
  edit.update('galleries', { id }, { name });
}

export function deleteGallery(edit: Edit, id: number): void {
  edit.delete('gallery_photos', { gallery_id: id });
  edit.delete('galleries', { id });
}

export function addToGallery(edit: Edit, id: number, photoIds: readonly number[]): number {
  requirePhotos(edit.db, photoIds);
  const present = new Set(galleryPhotoIds(edit.db, id));
  let position =
    sqlPluck<[number], number | null>(
      edit.db,
      `SELECT max(position) FROM gallery_photos WHERE gallery_id = ?`,
    ).get(id) ?? 0;
  let added = 0;
  for (const photoId of photoIds) {
    if (present.has(photoId)) continue;
    present.add(photoId);
    edit.insert('gallery_photos', { gallery_id: id, photo_id: photoId, position: ++position });
    added++;
  }
  return added;
}

export function removeFromGallery(edit: Edit, id: number, photoIds: readonly number[]): number {
  let removed = 0;
  for (const photoId of new Set(photoIds))
    removed += edit.delete('gallery_photos', { gallery_id: id, photo_id: photoId });
  const cover = sqlPluck<[number], number | null>(
    edit.db,
    `SELECT cover_photo_id FROM galleries WHERE id = ?`,
  ).get(id);
  if (cover != null && photoIds.includes(cover))
    edit.update('galleries', { id }, { cover_photo_id: null });
  return removed;
}

/** Numbers the photos 1, 2, 3… in the new order, writing only the positions that differ. */
export function reorderGallery(edit: Edit, id: number, photoIds: readonly number[]): void {
  const positions = new Map(
    sql<[number], { photo_id: number; position: number }>(
      edit.db,
      `SELECT photo_id, position FROM gallery_photos WHERE gallery_id = ?`,
    )
      .all(id)
      .map((r) => [r.photo_id, r.position]),
  );
  const given = new Set(photoIds);
  if (
    given.size !== photoIds.length ||
    given.size !== positions.size ||
    photoIds.some((p) => !positions.has(p))
  )
    throw new KadarError(
      'INVALID_INPUT',
      `photoIds: give each of the gallery's ${positions.size} photos once, in the new order.`,
    );
  photoIds.forEach((photoId, i) => {
    // Taking photos out leaves gaps in the numbers: compared with i + 1, not with the old order.
    if (positions.get(photoId) !== i + 1)
      edit.update('gallery_photos', { gallery_id: id, photo_id: photoId }, { position: i + 1 });
  });
}

export function setGalleryCover(edit: Edit, id: number, photoId: number | null): void {
  if (photoId != null && !galleryPhotoIds(edit.db, id).includes(photoId))
    throw new KadarError('INVALID_INPUT', `photoId: photo ${photoId} is not in the gallery.`);
  edit.update('galleries', { id }, { cover_photo_id: photoId });
}
