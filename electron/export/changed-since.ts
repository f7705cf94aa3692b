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
export function changedPhotoIds(db: Catalog, record: StoredExport): Set<number> {
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
  for (const file of files) {
    if (file.photoId == null) continue;
    const photo = photos.get(file.photoId);
    const now =
      photo &&
      sourceHash(photo, embeddedMetadata(record.settings.metadata, photo, eventOf(photo.eventId)));
    if (now !== file.sourceHash) changed.add(file.photoId);
  }
  return changed;
}
