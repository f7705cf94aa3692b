import type { Catalog } from '../catalog/open-catalog';
import { exportFiles, type StoredExport } from '../catalog/exports-repo';
import { getEvent } from '../catalog/events-repo';
import { getPhotos } from '../catalog/photos-repo';
import type { KadarEvent } from '../../shared/api/domains/events';
import { sourceHash } from './export-plan';
import { embeddedMetadata } from './metadata-policy';

/**
 * The exported photos of an export that changed since: their original was edited or
 * replaced, or what the export embeds of them (title, caption, keywords, event…) now reads
 * differently. A photo no longer in the catalog counts as changed.
 */
export function changedSince(
  db: Catalog,
  record: StoredExport,
): { photoIds: Set<number>; count: number } {
  const files = exportFiles(db, record.id);
  const ids = files.flatMap((f) => (f.photoId == null ? [] : [f.photoId]));
  const photos = new Map(getPhotos(db, ids).map((p) => [p.id, p]));
  const events = new Map<number, KadarEvent | undefined>();
  const eventOf = (id: number | null) => {
    if (id == null) return null;
    if (!events.has(id)) events.set(id, getEvent(db, id));
    return events.get(id) ?? null;
  };
  const changed = new Set<number>();
  let gone = 0;
  for (const file of files) {
    // A photo gone from the catalog: the exported file stands for nothing any more.
    if (file.photoId == null) {
      gone++;
      continue;
    }
    const photo = photos.get(file.photoId);
    const now =
      photo &&
      sourceHash(photo, embeddedMetadata(record.settings.metadata, photo, eventOf(photo.eventId)));
    if (now !== file.sourceHash) changed.add(file.photoId);
  }
  return { photoIds: changed, count: changed.size + gone };
}
