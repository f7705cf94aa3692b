import type { Photo } from '../../shared/api/photo-schema';
import type { KadarEvent } from '../../shared/api/domains/events';
import type { MetadataPolicy } from '../../shared/api/domains/export-presets';
import { noFields, type EmbeddedFields } from './embedded-fields';

/** The camera's settings an export keeps: never GPS, serial numbers, the owner or maker notes. */
export interface CameraFields {
  make: string | null;
  model: string | null;
  lens: string | null;
  focalLength: number | null;
  fNumber: number | null;
  exposureTime: number | null;
  iso: number | null;
  takenAt: string | null;
  creator: string | null;
  copyright: string | null;
}

export interface EmbeddedMetadata {
  fields: EmbeddedFields;
  camera: CameraFields | null;
}

/**
 * What one exported image says about itself under a policy, or null for none at all. The
 * description is the catalog's (what people typed wins over what the file said); the city,
 * venue and country are the event's where the photo has one.
 */
export function embeddedMetadata(
  policy: MetadataPolicy,
  photo: Photo,
  event: KadarEvent | null,
): EmbeddedMetadata | null {
  if (policy === 'strip') return null;
  if (policy === 'credit-only')
    return {
      fields: {
        ...noFields,
        caption: photo.caption,
        credit: photo.credit,
        copyright: photo.copyright,
      },
      camera: null,
    };
  return {
    fields: {
      title: photo.title,
      caption: photo.caption,
      creator: photo.creator,
      credit: photo.credit,
      copyright: photo.copyright,
      keywords: photo.keywords,
      hierarchicalKeywords: photo.tags.filter((t) => t.includes('/')),
      event: event?.title ?? photo.event,
      city: event?.city ?? photo.city,
      venue: event?.venue ?? photo.location,
      country: event?.country ?? photo.country,
      dateCreated: photo.takenAt.slice(0, 19),
      dateOffset: photo.takenAtOffset,
    },
    camera: {
      make: photo.make,
      model: photo.model,
      lens: photo.lens,
      focalLength: photo.focalLength,
      fNumber: photo.fNumber,
      exposureTime: photo.exposureTime,
      iso: photo.iso,
      takenAt: photo.takenAt.slice(0, 19),
      creator: photo.creator,
      copyright: photo.copyright,
    },
  };
}
