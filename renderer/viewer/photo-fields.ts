import type { Photo } from '../../shared/api/photo-schema';
import { formatInstant } from '../format/format-date';
import {
  formatAltitude,
  formatCoordinate,
  formatExposure,
  formatFileSize,
  formatFNumber,
  formatFocalLength,
  formatOrientation,
  formatRating,
} from './format-exif';

export interface PhotoField {
  key: string;
  label: string;
  value: string;
}

export interface FieldSection {
  title: string;
  fields: PhotoField[];
}

type Maybe<T> = T | null | undefined;

function field<T>(
  key: string,
  label: string,
  value: Maybe<T>,
  format: (v: T) => string = String,
): PhotoField | null {
  if (value == null || value === '') return null;
  return { key, label, value: format(value) };
}

/** What the file says where a person set their own value: theirs is shown, the file's stays visible. */
function fromFile(
  p: Photo,
  name: Exclude<keyof Photo['fromFile'], 'keywords'>,
  label: string,
): PhotoField | null {
  if (!p.edited.includes(name)) return null;
  const value = p.fromFile[name];
  return name === 'rating'
    ? field(`${name}FromFile`, label, value as number | null, formatRating)
    : field(`${name}FromFile`, label, value as string | null);
}

/**
 * Everything the catalog holds about a photo, grouped for the viewer's panel. Fields the
 * catalog has no value for are left out rather than shown empty.
 */
export function photoSections(p: Photo): FieldSection[] {
  const sections: { title: string; fields: (PhotoField | null)[] }[] = [
    {
      title: 'File',
      fields: [
        field('fileName', 'File name', p.fileName),
        field('path', 'Full path', p.path),
        field('fileSize', 'File size', p.fileSize, formatFileSize),
        field('format', 'Format', p.format),
        field(
          'dimensions',
          'Pixel size',
          p.width != null && p.height != null ? `${p.width} × ${p.height}` : null,
        ),
        field('orientation', 'Orientation', p.orientation, formatOrientation),
        field('fileModifiedAt', 'File modified', p.fileModifiedAt, formatInstant),
        field(
          'missing',
          'Missing',
          p.missing
            ? `The file has vanished${p.missingSince ? ` (since ${formatInstant(p.missingSince)})` : ''}`
            : null,
        ),
        field(
          'error',
          'Error',
          p.error ? `${p.error}${p.errorCode ? ` [${p.errorCode}]` : ''}` : null,
        ),
        field('warnings', 'Warnings', p.warnings.length ? p.warnings.join('\n') : null),
      ],
    },
    {
      title: 'Date',
      fields: [
        field('takenAt', 'Taken at', p.takenAt, (t) => t.replace('T', ' ')),
        field('takenAtOffset', 'Time zone offset', p.takenAtOffset),
        field('takenAtSource', 'Date from', p.takenAtSource),
      ],
    },
    {
      title: 'Camera',
      fields: [
        field('make', 'Make', p.make),
        field('model', 'Model', p.model),
        field('lens', 'Lens', p.lens),
        field('focalLength', 'Focal length', p.focalLength, formatFocalLength),
        field('fNumber', 'Aperture', p.fNumber, formatFNumber),
        field('exposureTime', 'Exposure', p.exposureTime, formatExposure),
        field('iso', 'ISO', p.iso),
      ],
    },
    {
      title: 'Place',
      fields: [
        field('gpsLatitude', 'Latitude', p.gpsLatitude, formatCoordinate),
        field('gpsLongitude', 'Longitude', p.gpsLongitude, formatCoordinate),
        field('gpsAltitude', 'Altitude', p.gpsAltitude, formatAltitude),
        field('location', 'Location', p.location),
        field('city', 'City', p.city),
        field('region', 'Region', p.region),
        field('country', 'Country', p.country),
      ],
    },
    {
      title: 'Archive',
      fields: [
        field('eventTitle', 'Event', p.eventTitle),
        field('tags', 'Tags', p.tags.length ? p.tags.join(', ') : null),
        field('people', 'People', p.people.length ? p.people.join(', ') : null),
      ],
    },
    {
      title: 'Description',
      fields: [
        field('title', 'Title', p.title),
        fromFile(p, 'title', 'Title in the file'),
        field('caption', 'Caption', p.caption),
        fromFile(p, 'caption', 'Caption in the file'),
        field('keywords', 'Keywords', p.keywords.length ? p.keywords.join(', ') : null),
        p.edited.includes('keywords')
          ? field('keywordsFromFile', 'Keywords in the file', p.fromFile.keywords.join(', ') || '—')
          : null,
        field('event', 'Event in the file', p.event),
        field('creator', 'Creator', p.creator),
        field('credit', 'Credit', p.credit),
        field('copyright', 'Copyright', p.copyright),
        field('rating', 'Rating', p.rating, formatRating),
        fromFile(p, 'rating', 'Rating in the file'),
        field('flag', 'Flag', p.flag),
        fromFile(p, 'flag', 'Flag in the file'),
        field('label', 'Label', p.label),
        fromFile(p, 'label', 'Label in the file'),
      ],
    },
    {
      title: 'Catalog',
      fields: [
        field('addedAt', 'Added', p.addedAt, formatInstant),
        field('indexedAt', 'Last read', p.indexedAt, formatInstant),
      ],
    },
  ];
  return sections
    .map(({ title, fields }) => ({ title, fields: fields.filter((f) => f != null) }))
    .filter((s) => s.fields.length > 0);
}
