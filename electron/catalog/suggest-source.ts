import type { Catalog } from './open-catalog';
import type { SuggestPhoto } from '../archive/suggest-events';
import { sql } from './statements';

/** The photos no event holds yet (present files only), as the suggestions read them. */
export function photosInNoEvent(db: Catalog): SuggestPhoto[] {
  return sql<[], SuggestPhoto>(
    db,
    `SELECT p.id, p.taken_at AS takenAt,
       CASE WHEN p.camera_id IS NULL THEN NULL ELSE CAST(p.camera_id AS TEXT) END AS camera,
       p.folder_id AS folderId, f.rel_path AS folderPath, p.event_name AS iptcEvent,
       p.city AS iptcCity, p.location AS iptcLocation
     FROM photos p JOIN folders f ON f.id = p.folder_id
     WHERE p.event_id IS NULL AND p.missing_since IS NULL`,
  ).all();
}
