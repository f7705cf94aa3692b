import { colourLabels, type ColourLabel } from '../../shared/catalog/photo-fields';
import type { ExiftoolTags } from './exiftool-fallback';
import { hasTimeOfDay, parseExifDate, parseIptcDate, type WallClock } from './parse-exif-date';
import { exifrFailureWarnings, withXmpOffset, type FileMetadata } from './read-metadata';
import {
  cleanText,
  decodeXmlEntities,
  first,
  nonEmpty,
  splitPaths,
  uniqueTexts,
} from './text-values';

function text(value: unknown): string | null {
  if (Array.isArray(value)) return text((value as unknown[])[0]);
  const t = cleanText(value);
  return t && t.includes('&') ? cleanText(decodeXmlEntities(t)) : t;
}

function texts(value: unknown): string[] {
  if (value == null) return [];
  const items = Array.isArray(value) ? (value as unknown[]) : [value];
  return items.map(text).filter((v): v is string => v != null);
}

function number(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

const positive = (value: unknown) => {
  const n = number(value);
  return n != null && n > 0 ? n : null;
};

/** exiftool's "2015:11:28 18:03:12.25+01:00" (any of its parts optional after the day). */
function date(value: unknown, subSeconds?: unknown, offset?: unknown): WallClock | null {
  return typeof value === 'string' ? parseExifDate(value, subSeconds, offset) : null;
}

function gps(t: ExiftoolTags): Pick<FileMetadata, 'gpsLatitude' | 'gpsLongitude' | 'gpsAltitude'> {
  const lat = number(t.GPSLatitude);
  const lon = number(t.GPSLongitude);
  // As for exifr's reading: 0, 0 is a GPS block without a fix.
  const valid =
    lat != null &&
    lon != null &&
    Math.abs(lat) <= 90 &&
    Math.abs(lon) <= 180 &&
    !(lat === 0 && lon === 0);
  const altitude = number(t.GPSAltitude);
  return {
    gpsLatitude: valid ? lat : null,
    gpsLongitude: valid ? lon : null,
    gpsAltitude: valid && altitude != null && Math.abs(altitude) < 100_000 ? altitude : null,
  };
}

function rating(t: ExiftoolTags): number | null {
  const stars = number(t.Rating);
  if (stars != null && Number.isInteger(stars) && stars >= -1 && stars <= 5) return stars;
  const percent = number(t.RatingPercent);
  if (percent != null && percent >= 0 && percent <= 100)
    return percent === 0 ? 0 : Math.min(5, Math.floor(percent / 25) + 1);
  return null;
}

function label(t: ExiftoolTags): ColourLabel | null {
  const name = text(t.Label)?.toLowerCase() ?? '';
  return (colourLabels as readonly string[]).includes(name) ? (name as ColourLabel) : null;
}

// Cameras fill ImageDescription with their own name; as in read-metadata.ts, that is no caption.
const cameraBoilerplate =
  /^(?:(?:olympus|sony|minolta|konica minolta|sanyo|samsung|leica|pentax|nikon|casio|panasonic|fujifilm|kodak|canon)\s+(?:digital\s+(?:still\s+)?camera|dsc)|digital\s+camera|exif_jpeg_picture|exif jpeg|default|dcim|picture|image|photo|untitled|unknown)$/i;

/**
 * FileMetadata from what exiftool reports, with the same choices as the exifr reading where
 * exiftool names the same tags (its own choice among duplicates, e.g. EXIF before XMP, stands).
 */
export function metadataFromExiftool(t: ExiftoolTags): FileMetadata {
  const orientation = number(t.Orientation);
  const iso = number(Array.isArray(t.ISO) ? (t.ISO as unknown[])[0] : t.ISO);
  const description = first(
    text(t.Description),
    text(t['Caption-Abstract']),
    text(t.ImageDescription),
    text(t.XPComment),
  );
  const dateTimeCreated =
    t.TimeCreated != null && typeof t.DateCreated === 'string'
      ? parseIptcDate(t.DateCreated.slice(0, 10), t.TimeCreated)
      : null;
  return {
    dateTimeOriginal: date(t.DateTimeOriginal, t.SubSecTimeOriginal, t.OffsetTimeOriginal),
    createDate: date(t.CreateDate, t.SubSecTimeDigitized, t.OffsetTimeDigitized),
    dateCreated: hasTimeOfDay(t.DateCreated)
      ? date(t.DateCreated)
      : (dateTimeCreated ?? date(t.DateCreated)),
    dateTimeCreated,
    make: text(t.Make),
    model: text(t.Model),
    lens: first(text(t.LensModel), text(t.Lens)),
    focalLength: positive(t.FocalLength),
    fNumber: positive(t.FNumber),
    exposureTime: positive(t.ExposureTime),
    iso: iso != null && iso > 0 ? Math.round(iso) : null,
    orientation:
      orientation != null && Number.isInteger(orientation) && orientation >= 1 && orientation <= 8
        ? orientation
        : null,
    ...gps(t),
    title: first(text(t.Title), text(t.ObjectName), text(t.XPTitle)),
    caption:
      description && /[\p{L}\p{N}]/u.test(description) && !cameraBoilerplate.test(description)
        ? description
        : null,
    keywords: uniqueTexts(
      nonEmpty(texts(t.Subject)) ??
        nonEmpty(texts(t.Keywords)) ??
        (text(t.XPKeywords) ?? '')
          .split(';')
          .map((k) => k.trim())
          .filter(Boolean),
    ),
    hierarchicalKeywords:
      nonEmpty(splitPaths(texts(t.HierarchicalSubject), '|')) ??
      nonEmpty(splitPaths(texts(t.TagsList), '/')) ??
      nonEmpty(splitPaths(texts(t.LastKeywordXMP), '/')) ??
      splitPaths(texts(t.CatalogSets), '|'),
    people: uniqueTexts(texts(t.PersonInImage)),
    creator: first(
      nonEmpty(texts(t.Creator))?.join('; '),
      text(t['By-line']),
      text(t.Artist),
      text(t.XPAuthor),
    ),
    credit: text(t.Credit),
    copyright: first(text(t.Rights), text(t.CopyrightNotice), text(t.Copyright)),
    city: first(text(t.City), text(t.LocationCreatedCity)),
    location: first(text(t.Location), text(t.LocationCreatedSublocation), text(t['Sub-location'])),
    region: first(text(t.State), text(t.LocationCreatedProvinceState), text(t['Province-State'])),
    country: first(
      text(t.Country),
      text(t.LocationCreatedCountryName),
      text(t['Country-PrimaryLocationName']),
    ),
    event: text(t.Event),
    rating: rating(t),
    label: label(t),
    exifWidth: positive(t.ExifImageWidth),
    exifHeight: positive(t.ExifImageHeight),
    warnings: [],
    exiftoolReason: null,
  };
}

function isEmpty(value: unknown): boolean {
  return value == null || (Array.isArray(value) && value.length === 0);
}

/**
 * Whether exiftool read any of the metadata Kadar takes from a file (not only the file's own
 * size and dates), and its warning about the file, if it gave one.
 */
export function exiftoolFoundAny(tags: ExiftoolTags): {
  read: FileMetadata;
  found: boolean;
  warning: string | null;
} {
  const metadata = metadataFromExiftool(tags);
  const read = metadata as unknown as Record<string, unknown>;
  const found = Object.entries(read).some(
    ([key, value]) => key !== 'warnings' && key !== 'exiftoolReason' && !isEmpty(value),
  );
  return { read: metadata, found, warning: typeof tags.Warning === 'string' ? tags.Warning : null };
}

// What the camera wrote: exiftool's reading first, as the fallback runs only where exifr's
// view of the file is broken or short. (IPTC and XMP DateCreated are what people or their
// tools wrote, and go with the rest of what people wrote.)
const cameraFields = new Set<keyof FileMetadata>([
  'dateTimeOriginal',
  'createDate',
  'make',
  'model',
  'lens',
  'focalLength',
  'fNumber',
  'exposureTime',
  'iso',
  'orientation',
  'gpsLatitude',
  'gpsLongitude',
  'gpsAltitude',
  'exifWidth',
  'exifHeight',
]);

/**
 * What exiftool read (`metadataFromExiftool`), merged with what exifr did, field by field, as the exifr path merges a
 * file's blocks: for what the camera wrote, exiftool's value first; for what people wrote
 * (IPTC and XMP text, keywords, people, stars, labels), exifr's first where it read one, as
 * its reading already has an XMP sidecar over the file, and decodes IPTC text as UTF-8 where
 * exiftool assumes a Windows code page. A date exiftool read without its offset takes the
 * offset exifr found for the same time (in XMP).
 */
export function withExiftoolValues(exifrMeta: FileMetadata, read: FileMetadata): FileMetadata {
  const fromExiftool = read as unknown as Record<string, unknown>;
  const fromExifr = exifrMeta as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { ...fromExifr };
  for (const key of Object.keys(fromExiftool) as (keyof FileMetadata)[]) {
    if (key === 'warnings' || key === 'exiftoolReason') continue;
    const order = cameraFields.has(key)
      ? [fromExiftool[key], fromExifr[key]]
      : [fromExifr[key], fromExiftool[key]];
    out[key] = order.find((v) => !isEmpty(v)) ?? fromExifr[key];
  }
  for (const key of ['dateTimeOriginal', 'createDate'] as const)
    out[key] = withXmpOffset(out[key] as WallClock | null, exifrMeta[key]);
  // exifr's complaints are answered: exiftool read the file.
  const answered = new Set(exifrFailureWarnings.get(exifrMeta) ?? []);
  return {
    ...(out as unknown as FileMetadata),
    warnings: exifrMeta.warnings.filter((w) => !answered.has(w)),
    exiftoolReason: exifrMeta.exiftoolReason,
  };
}
