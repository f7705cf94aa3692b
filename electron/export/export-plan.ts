import { createHash } from 'node:crypto';
import type { Catalog } from '../catalog/open-catalog';
import { captionContexts } from '../catalog/caption-photos';
import { getPhotos } from '../catalog/photos-repo';
import { requireEvent } from '../catalog/events-repo';
import { parseTemplate } from '../../shared/caption/template';
import type { ExportSource } from '../../shared/api/domains/export';
import type { PresetSettings } from '../../shared/api/domains/export-presets';
import type { KadarEvent } from '../../shared/api/domains/events';
import type { Photo } from '../../shared/api/photo-schema';
import { KadarError } from '../../shared/errors';
import { sourcePhotos, type SourcePhotos } from './export-sources';
import { createNamer, fillFileName } from './file-names';
import { embeddedMetadata, type EmbeddedMetadata } from './metadata-policy';

/** One image to make: from which original, under which name, saying what. */
export interface PlannedImage {
  photoId: number;
  absPath: string;
  originalName: string;
  format: string | null;
  orientation: number | null;
  /** The catalog last saw the original gone (its drive unplugged, or deleted). */
  missing: boolean;
  section: number;
  fileName: string;
  metadata: EmbeddedMetadata | null;
  /** For the gallery page and captions.csv, whatever the metadata policy. */
  title: string | null;
  caption: string | null;
  credit: string | null;
  takenAt: string;
  /** What the image is made from; an export's photo whose hash differs now changed since. */
  sourceHash: string;
}

export interface ExportPlan {
  source: SourcePhotos;
  images: PlannedImage[];
}

/**
 * The hash a photo exported under these settings has now (for "changed since"): its file, what
 * the image embeds, and what the gallery's page and captions.csv show of it whatever the policy.
 */
export function sourceHash(photo: Photo, metadata: EmbeddedMetadata | null): string {
  const shown = [photo.title, photo.caption, photo.credit, photo.takenAt];
  return createHash('sha1')
    .update(JSON.stringify([photo.fingerprint, photo.fileSize, shown, metadata]))
    .digest('base64url')
    .slice(0, 22);
}

/** Every image an export of `source` with `settings` makes, in gallery order. */
export function planExport(
  db: Catalog,
  source: ExportSource,
  settings: PresetSettings,
): ExportPlan {
  const from = sourcePhotos(db, source);
  const pattern = parseTemplate(settings.fileName);
  if (!pattern.ok) throw new KadarError('INVALID_INPUT', `fileName: ${pattern.error.message}`);
  const name = createNamer(settings.format);
  const events = new Map<number, KadarEvent>();
  const eventOf = (photo: Photo) =>
    photo.eventId == null
      ? null
      : (events.get(photo.eventId) ??
        events.set(photo.eventId, requireEvent(db, photo.eventId)).get(photo.eventId)!);
  const images: PlannedImage[] = [];
  from.sections.forEach((section, index) => {
    const photos = getPhotos(db, section.photoIds);
    // Numbered per section: each event of a project's gallery starts at 001.
    const contexts = captionContexts(db, section.photoIds);
    for (const photo of photos) {
      const metadata = embeddedMetadata(settings.metadata, photo, eventOf(photo));
      const context = contexts.get(photo.id)!;
      images.push({
        photoId: photo.id,
        absPath: photo.path,
        originalName: photo.fileName,
        format: photo.format,
        orientation: photo.orientation,
        missing: photo.missing,
        section: index,
        fileName: name(
          fillFileName(pattern.template, { ...context, title: photo.title }),
          photo.fileName,
        ),
        metadata,
        title: photo.title,
        caption: photo.caption,
        credit: photo.credit,
        takenAt: photo.takenAt,
        sourceHash: sourceHash(photo, metadata),
      });
    }
  });
  return { source: from, images };
}
