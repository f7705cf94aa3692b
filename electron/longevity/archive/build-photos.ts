import type { Catalog } from '../../catalog/open-catalog';
import { sql, sqlPluck } from '../../catalog/statements';
import { hasUserValueSql, readPhotoLayer } from '../photo-layer';
import type { ArchivePhoto } from './archive-schema';
import { byText, type PhotoRefReader } from './photo-refs';

// Every photo a person gave something: their own values, an event, tags or people added or
// taken off. The edit columns are few and mostly null; the link tables hold only such photos.
const withUserData = `
  SELECT id FROM photos WHERE ${hasUserValueSql()} OR event_id IS NOT NULL
  UNION SELECT photo_id FROM photo_tags WHERE source = 'user'
  UNION SELECT photo_id FROM photo_people WHERE source = 'user'
  UNION SELECT photo_id FROM photo_tag_removals
  UNION SELECT photo_id FROM photo_people_removals`;

/**
 * The photos the file describes: those with anything of a person's, and those it names
 * elsewhere (galleries, covers, exports), each with what re-makes it before its folder is
 * indexed again (its name, size, time and fingerprint) and what the person gave it.
 */
export function buildPhotos(db: Catalog, refs: PhotoRefReader): ArchivePhoto[] {
  const ids = new Set([...sqlPluck<[], number>(db, withUserData).all(), ...refs.named()]);
  const facts = sql<[number], { file_name: string; file_size: number; taken_at: string }>(
    db,
    `SELECT file_name, file_size, taken_at FROM photos WHERE id = ?`,
  );
  const photos: ArchivePhoto[] = [];
  for (const id of ids) {
    const ref = refs.ref(id);
    const row = facts.get(id);
    if (!ref || !row) continue;
    photos.push({
      ref,
      fileName: row.file_name,
      fileSize: row.file_size,
      takenAt: row.taken_at,
      layer: readPhotoLayer(db, id),
    });
  }
  return photos.sort(
    byText(
      (p) => p.ref.root,
      (p) => p.ref.path,
    ),
  );
}
