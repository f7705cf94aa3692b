// exifr's ESM build, by path: its CommonJS build's default export differs between Node's and
// Vite's interop (Vite's lacks sidecar()), and tests must exercise what ships.
import * as exifr from 'exifr/src/bundles/full.mjs';
import type { ImageFormat } from './sniff-format';
import { colourLabels, type ColourLabel } from '../../shared/catalog/photo-fields';
import { hasTimeOfDay, parseExifDate, parseIptcDate, type WallClock } from './parse-exif-date';
import {
  cleanText,
  exifText,
  first,
  iptcList,
  iptcText,
  nonEmpty,
  splitPaths,
  ucs2Text,
  uniqueTexts,
  xmpList,
  xmpText,
} from './text-values';
import { webpMetadataChunks } from './webp-chunks';
import { findEmbeddedJpegs } from './embedded-preview';
import {
  heifHasXmp,
  jpegHasOtherMetadata,
  jpegSegments,
  jpegXmpPackets,
  pictureInfoDate,
  pngCompressedXmp,
  pngHasOtherMetadata,
  TiffReader,
  type JpegSegment,
} from './vendor-segments';

/** What a file's EXIF, IPTC and XMP say, before the indexer chooses the date to use. */
export interface FileMetadata {
  dateTimeOriginal: WallClock | null;
  createDate: WallClock | null;
  dateCreated: WallClock | null;
  /**
   * IPTC DateCreated with TimeCreated: when the photo was taken, to the second. exiftool (and
   * the Metadata Working Group) read this pair as the original date, before CreateDate.
   */
  dateTimeCreated: WallClock | null;
  make: string | null;
  model: string | null;
  lens: string | null;
  focalLength: number | null;
  fNumber: number | null;
  exposureTime: number | null;
  iso: number | null;
  orientation: number | null;
  gpsLatitude: number | null;
  gpsLongitude: number | null;
  gpsAltitude: number | null;
  title: string | null;
  caption: string | null;
  keywords: string[];
  hierarchicalKeywords: string[][];
  /** IPTC Extension PersonInImage: who is in the photo, by name. */
  people: string[];
  creator: string | null;
  credit: string | null;
  copyright: string | null;
  city: string | null;
  location: string | null;
  region: string | null;
  country: string | null;
  event: string | null;
  /** Stars 0–5, or -1: rejected. */
  rating: number | null;
  label: ColourLabel | null;
  /** The pixel size EXIF declares: for RAW files, whose previews may be smaller. */
  exifWidth: number | null;
  exifHeight: number | null;
  warnings: string[];
  /**
   * Why exiftool should read this file after all, or null when exifr read it whole: exifr
   * failed, found nothing where the bytes hold metadata, or found no date where a vendor's own
   * block holds one. Set only for such files, never for a camera file exifr reads whole.
   */
  exiftoolReason: string | null;
}

type Block = Record<string, unknown>;
type Segments = Record<string, Block | undefined>;

// Binary segments in one pass, XMP in another: exifr files XMP's exif: and tiff: namespaces
// under the same keys as the EXIF IFDs, and EXIF must win where they disagree.
type ExifrOptions = NonNullable<Parameters<typeof exifr.sidecar>[1]>;

const binaryOptions: ExifrOptions = {
  tiff: true,
  exif: true,
  gps: true,
  ifd1: false,
  interop: false,
  makerNote: false,
  userComment: false,
  xmp: false,
  iptc: true,
  icc: false,
  jfif: false,
  ihdr: true,
  mergeOutput: false,
  reviveValues: false,
  translateValues: false,
  sanitize: true,
};

// IFD0 cannot be switched off in exifr; with TIFF off it only receives XMP's tiff: namespace.
const xmpOptions: ExifrOptions = {
  tiff: false,
  exif: false,
  gps: false,
  ifd1: false,
  interop: false,
  iptc: false,
  icc: false,
  jfif: false,
  ihdr: false,
  xmp: true,
  multiSegment: true,
  mergeOutput: false,
  reviveValues: false,
};

// Old Adobe tools wrote the xmp: namespace with the prefix xap:.
const prefixAliases: Record<string, string> = {
  xap: 'xmp',
  xapRights: 'xmpRights',
  xapMM: 'xmpMM',
};

export function normaliseXmp(raw: Segments | undefined): Segments {
  const out: Segments = {};
  if (!raw) return out;
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'xmlns' || typeof value !== 'object' || value === null) continue;
    const name = prefixAliases[key] ?? (key === 'ifd0' ? 'tiff' : key);
    out[name] = { ...(out[name] ?? {}), ...value };
  }
  return out;
}

/** What exifr could not read, as warnings for the person and failures for the fallback. */
interface Problems {
  warnings: string[];
  failures: string[];
}

async function parseSafely(
  input: Buffer,
  options: ExifrOptions,
  problems: Problems,
  what: string,
): Promise<Segments> {
  try {
    const result = (await exifr.parse(input, options)) as
      (Segments & { errors?: unknown[] }) | undefined;
    if (result?.errors?.length) {
      problems.warnings.push(`Some ${what} could not be read: ${String(result.errors[0])}`);
      problems.failures.push(String(result.errors[0]));
      delete result.errors;
    }
    return result ?? {};
  } catch (error) {
    const message = (error as Error).message;
    if (!/unknown file format/i.test(message)) {
      problems.warnings.push(`The ${what} could not be read: ${message}`);
      problems.failures.push(message);
    }
    return {};
  }
}

export async function parseSidecarXmp(xmp: Buffer | string, warnings: string[]): Promise<Segments> {
  try {
    return (
      ((await exifr.sidecar(Buffer.from(xmp), xmpOptions, 'xmp')) as Segments | undefined) ?? {}
    );
  } catch (error) {
    warnings.push(`The XMP metadata could not be read: ${(error as Error).message}`);
    return {};
  }
}

export type { Segments };

/** The warnings of a reading that say exifr failed, which a reading by exiftool answers. */
export const exifrFailureWarnings = new WeakMap<FileMetadata, string[]>();

interface Sources {
  binary: Segments;
  xmp: Segments;
  /** What exifr failed to read and Kadar could not recover. */
  failures: string[];
  /** Whether the container holds metadata exifr does not read (when it found nothing). */
  holdsOther: () => boolean;
}

const hasContent = (block: Block | undefined) => block != null && Object.keys(block).length > 0;

/** The segments exifr can find in `buf`, by container format. */
async function readSources(buf: Buffer, format: ImageFormat, warnings: string[]): Promise<Sources> {
  const binaryProblems: Problems = { warnings, failures: [] };
  const xmpProblems: Problems = { warnings: [], failures: [] };
  if (format === 'webp') {
    const chunks = webpMetadataChunks(buf);
    return {
      binary: chunks.exif
        ? await parseSafely(chunks.exif, binaryOptions, binaryProblems, 'EXIF metadata')
        : {},
      xmp: chunks.xmp ? normaliseXmp(await parseSidecarXmp(chunks.xmp, warnings)) : {},
      failures: binaryProblems.failures,
      holdsOther: () => chunks.exif != null || chunks.xmp != null,
    };
  }
  let input = buf;
  if (format === 'raw') {
    const magic = buf.toString('latin1', 0, 4);
    // Olympus and Panasonic RAWs are TIFF under another magic number.
    if (magic === 'IIRO' || magic === 'IIRS' || magic === 'IIU\0')
      input = Buffer.concat([Buffer.from('II*\0', 'latin1'), buf.subarray(4)]);
  }
  let binary = await parseSafely(input, binaryOptions, binaryProblems, 'EXIF/IPTC metadata');
  let xmp = await parseSafely(input, xmpOptions, xmpProblems, 'XMP metadata');
  if (binaryProblems.failures.length && (format === 'tiff' || format === 'raw'))
    binary = await recoverTiff(input, binary, binaryProblems);
  if (format === 'raw' && !binary.ifd0 && !binary.exif) {
    // RAF, CR3 and the like: the embedded preview JPEG usually carries the camera's EXIF.
    const preview = findEmbeddedJpegs(buf)[0];
    if (preview) {
      const jpeg = buf.subarray(preview.offset, preview.offset + preview.length);
      binary = await parseSafely(jpeg, binaryOptions, binaryProblems, 'EXIF metadata');
      if (Object.keys(xmp).length === 0)
        xmp = await parseSafely(jpeg, xmpOptions, xmpProblems, 'XMP metadata');
    }
  }
  let segments: JpegSegment[] | null = null;
  const jpeg = () => (segments ??= jpegSegments(buf));
  let packet: string | null = null;
  // exifr reads XMP only as UTF-8, and a PNG's XMP only uncompressed; both are read here.
  if (xmpProblems.failures.length && format === 'jpeg') {
    packet = jpegXmpPackets(buf, jpeg())[0] ?? null;
  } else if (format === 'png' && !hasAnyXmp(xmp)) {
    packet = pngCompressedXmp(buf);
  }
  if (packet != null) {
    const recovered: string[] = [];
    const parsed = await parseSidecarXmp(packet, recovered);
    if (recovered.length === 0 && hasAnyXmp(parsed)) {
      xmp = parsed;
      xmpProblems.failures = [];
      xmpProblems.warnings = [];
    }
  }
  warnings.push(...xmpProblems.warnings);
  return {
    binary,
    xmp: normaliseXmp(xmp),
    failures: [...binaryProblems.failures, ...xmpProblems.failures],
    holdsOther: () => {
      if (format === 'jpeg') return jpegHasOtherMetadata(buf, jpeg());
      if (format === 'png') return pngHasOtherMetadata(buf);
      if (format === 'heif' || format === 'avif') return heifHasXmp(buf);
      return format === 'tiff' || format === 'raw';
    },
  };
}

function hasAnyXmp(xmp: Segments): boolean {
  return Object.entries(xmp).some(([ns, block]) => ns !== 'xmlns' && hasContent(block));
}

// exifr's own IPTC reader, for IPTC bytes found without it.
const exifrParts = exifr as unknown as {
  segmentParsers: Map<
    string,
    new (chunk: Uint8Array, options: unknown) => { parse(): Promise<Block> }
  >;
  Options: new (options: ExifrOptions) => unknown;
};

/**
 * A TIFF or RAW whose IPTC block (IFD0 tag 0x83bb) is declared as LONGs, as Photoshop and
 * several cameras write it, makes exifr drop the whole IFD0. Read without IPTC, then read the
 * IPTC bytes here.
 */
async function recoverTiff(input: Buffer, failed: Segments, problems: Problems): Promise<Segments> {
  const retry: Problems = { warnings: [], failures: [] };
  const binary = await parseSafely(input, { ...binaryOptions, iptc: false }, retry, 'EXIF');
  if (retry.failures.length || !hasContent(binary.ifd0)) return failed;
  const iptcBytes = TiffReader.at(input)?.iptcBytes();
  if (iptcBytes) {
    try {
      const Iptc = exifrParts.segmentParsers.get('iptc')!;
      const options = new exifrParts.Options({
        iptc: true,
        reviveValues: false,
        translateValues: false,
      });
      binary.iptc = await new Iptc(iptcBytes, options).parse();
    } catch {
      return failed;
    }
  }
  // Everything was read after all: the failure and its warning go.
  problems.failures.length = 0;
  problems.warnings.pop();
  return binary;
}

function positive(value: unknown): number | null {
  const n = rational(value);
  return n != null && n > 0 ? n : null;
}

/** Numbers, "1/160" rationals and [n] arrays as a finite number. */
function rational(value: unknown): number | null {
  // exifr returns multi-value tags ("ISO 200 0") as arrays or typed arrays.
  if (Array.isArray(value) || ArrayBuffer.isView(value))
    return rational((value as ArrayLike<unknown>)[0]);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const m = /^\s*(-?\d+(?:\.\d+)?)\s*(?:\/\s*(\d+(?:\.\d+)?))?\s*$/.exec(value);
    if (!m) return null;
    const n = m[2] ? Number(m[1]) / Number(m[2]) : Number(m[1]);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function integer(value: unknown): number | null {
  const n = rational(value);
  return n == null ? null : Math.round(n);
}

// Cameras fill ImageDescription with their own name; that is not a caption anyone wrote.
const cameraBoilerplate =
  /^(?:(?:olympus|sony|minolta|konica minolta|sanyo|samsung|leica|pentax|nikon|casio|panasonic|fujifilm|kodak|canon)\s+(?:digital\s+(?:still\s+)?camera|dsc)|digital\s+camera|exif_jpeg_picture|exif jpeg|default|dcim|picture|image|photo|untitled|unknown)$/i;

function caption(value: string | null): string | null {
  if (!value || !/[\p{L}\p{N}]/u.test(value) || cameraBoilerplate.test(value)) return null;
  return value;
}

function orientationOf(value: unknown): number | null {
  const n = integer(value);
  return n != null && n >= 1 && n <= 8 ? n : null;
}

/** XMP exif:GPSLatitude "38,53.4142N" or "38,53,24.85N" as signed degrees. */
function xmpCoordinate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d+(?:\.\d+)?),(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?\s*([NSEW])\s*$/i.exec(value);
  if (!m) return null;
  const degrees = Number(m[1]) + Number(m[2]) / 60 + Number(m[3] ?? 0) / 3600;
  return /[SW]/i.test(m[4]!) ? -degrees : degrees;
}

function gpsOf(
  binary: Segments,
  xmp: Segments,
): Pick<FileMetadata, 'gpsLatitude' | 'gpsLongitude' | 'gpsAltitude'> {
  const gps = binary.gps ?? {};
  let lat = rational(gps.latitude);
  let lon = rational(gps.longitude);
  if (lat == null || lon == null) {
    lat = xmpCoordinate(xmp.exif?.GPSLatitude);
    lon = xmpCoordinate(xmp.exif?.GPSLongitude);
  }
  // A GPS block with no fix is written as 0/0; nobody photographs an event at Null Island.
  const valid =
    lat != null &&
    lon != null &&
    Math.abs(lat) <= 90 &&
    Math.abs(lon) <= 180 &&
    !(lat === 0 && lon === 0);
  let altitude = rational(gps.GPSAltitude);
  const ref =
    gps.GPSAltitudeRef instanceof Uint8Array ? gps.GPSAltitudeRef[0] : rational(gps.GPSAltitudeRef);
  if (altitude != null && ref === 1) altitude = -altitude;
  return {
    gpsLatitude: valid ? lat : null,
    gpsLongitude: valid ? lon : null,
    gpsAltitude: valid && altitude != null && Math.abs(altitude) < 100_000 ? altitude : null,
  };
}

/** xmp:Label as one of Kadar's colour labels (Lightroom's names; other names are not colours). */
function labelOf(xmp: Segments): ColourLabel | null {
  const label = xmp.xmp?.Label;
  const name = typeof label === 'string' ? label.trim().toLowerCase() : '';
  return (colourLabels as readonly string[]).includes(name) ? (name as ColourLabel) : null;
}

function ratingOf(xmp: Segments, ifd0: Block): number | null {
  const stars = integer(xmp.xmp?.Rating);
  if (stars != null && stars >= -1 && stars <= 5) return stars;
  const percent = integer(xmp.MicrosoftPhoto?.Rating) ?? integer(ifd0.RatingPercent);
  if (percent != null && percent >= 0 && percent <= 100)
    return percent === 0 ? 0 : Math.min(5, Math.floor(percent / 25) + 1);
  const windows = integer(ifd0.Rating);
  return windows != null && windows >= 0 && windows <= 5 ? windows : null;
}

function firstBlock(value: unknown): Block {
  const v = Array.isArray(value) ? (value[0] as unknown) : value;
  return typeof v === 'object' && v !== null ? (v as Block) : {};
}

/** An EXIF time, given the offset from XMP when XMP records the very same moment with one. */
export function withXmpOffset(exif: WallClock | null, xmp: WallClock | null): WallClock | null {
  if (!exif) return xmp;
  if (!exif.offset && xmp?.offset && xmp.local.slice(0, 19) === exif.local.slice(0, 19)) {
    return { local: exif.local, offset: xmp.offset };
  }
  return exif;
}

/** Reads every metadata field Kadar keeps from an image already in memory. Never throws. */
export async function readMetadata(
  buf: Buffer,
  format: ImageFormat,
  sidecar?: Buffer | null,
): Promise<FileMetadata> {
  const warnings: string[] = [];
  const sources = await readSources(buf, format, warnings);
  const fromExifr = sources.failures.length ? [...warnings] : [];
  const { binary, xmp: embeddedXmp } = sources;
  // A sidecar written by Lightroom, darktable or digiKam overrides what the file holds.
  const xmp = sidecar
    ? mergeXmp(embeddedXmp, normaliseXmp(await parseSidecarXmp(sidecar, warnings)))
    : embeddedXmp;
  const meta = describe(binary, xmp, warnings);
  let segments: JpegSegment[] | null = null;
  const jpeg = () => (segments ??= jpegSegments(buf));
  const undated = !meta.dateTimeOriginal && !meta.createDate && !meta.dateCreated;
  if (undated && format === 'jpeg') {
    // Olympus, Agfa and Epson cameras of the 1990s dated their photos in an APP12 text block.
    meta.dateTimeOriginal = pictureInfoDate(buf, jpeg());
  }
  meta.exiftoolReason = exiftoolReason(buf, format, sources, meta, jpeg);
  if (fromExifr.length) exifrFailureWarnings.set(meta, fromExifr);
  return meta;
}

/** Why exiftool should read the file (see FileMetadata.exiftoolReason), or null. */
function exiftoolReason(
  buf: Buffer,
  format: ImageFormat,
  { binary, xmp, failures, holdsOther }: Sources,
  meta: FileMetadata,
  jpeg: () => JpegSegment[],
): string | null {
  if (failures.length) return `exifr could not read it: ${failures[0]}`;
  const found =
    ['ifd0', 'exif', 'gps', 'iptc'].some((key) => hasContent(binary[key])) || hasAnyXmp(xmp);
  if (!found && !meta.dateTimeOriginal) return holdsOther() ? 'exifr found no metadata' : null;
  if (meta.dateTimeOriginal || meta.createDate || meta.dateCreated) return null;
  // exifr drops the whole EXIF IFD, silently, over one value in it whose offset points
  // outside the file: the date, exposure and ISO with it.
  const tiff =
    format === 'jpeg'
      ? TiffReader.ofJpeg(buf, jpeg())
      : format === 'tiff' || format === 'raw'
        ? TiffReader.at(buf)
        : null;
  if (!hasContent(binary.exif) && tiff?.hasExifIfd()) return 'exifr dropped the EXIF block';
  // No date at all, where a vendor's own block may hold one (a maker note, a vendor segment).
  const vendor =
    (format === 'jpeg' && jpegHasOtherMetadata(buf, jpeg())) || tiff?.hasMakerNote() === true;
  return vendor ? 'exifr found no date' : null;
}

/** FileMetadata from exifr's segments (and a sidecar's XMP merged into `xmp`). */
export function describe(binary: Segments, xmp: Segments, warnings: string[]): FileMetadata {
  const ifd0 = binary.ifd0 ?? {};
  const exif = binary.exif ?? {};
  const iptc = binary.iptc ?? {};
  const x = (ns: string) => xmp[ns] ?? {};
  const location = firstBlock(x('Iptc4xmpExt').LocationCreated);

  const keywords = uniqueTexts([
    ...first(
      nonEmpty(xmpList(x('dc').subject)),
      nonEmpty(iptcList(iptc.Keywords)),
      nonEmpty(splitList(ucs2Text(ifd0.XPKeywords))),
      [],
    )!,
  ]);
  const hierarchicalKeywords =
    nonEmpty(splitPaths(xmpList(x('lr').hierarchicalSubject), '|')) ??
    nonEmpty(splitPaths(xmpList(x('digiKam').TagsList), '/')) ??
    nonEmpty(splitPaths(xmpList(x('MicrosoftPhoto').LastKeywordXMP), '/')) ??
    splitPaths(xmpList(x('mediapro').CatalogSets), '|');

  const people = uniqueTexts(xmpList(x('Iptc4xmpExt').PersonInImage));
  const dateTimeCreated =
    iptc.TimeCreated != null ? parseIptcDate(iptc.DateCreated, iptc.TimeCreated) : null;

  return {
    people,
    dateTimeOriginal: withXmpOffset(
      parseExifDate(exif.DateTimeOriginal, exif.SubSecTimeOriginal, exif.OffsetTimeOriginal),
      parseExifDate(x('exif').DateTimeOriginal),
    ),
    createDate: withXmpOffset(
      parseExifDate(exif.CreateDate, exif.SubSecTimeDigitized, exif.OffsetTimeDigitized),
      parseExifDate(x('exif').DateTimeDigitized) ?? parseExifDate(x('xmp').CreateDate),
    ),
    // A day and a time of day before a day alone: Photo Mechanic and others write
    // photoshop:DateCreated as a day while IPTC holds the time too.
    dateCreated: hasTimeOfDay(x('photoshop').DateCreated)
      ? parseExifDate(x('photoshop').DateCreated)
      : (dateTimeCreated ??
        parseExifDate(x('photoshop').DateCreated) ??
        parseIptcDate(iptc.DateCreated, iptc.TimeCreated)),
    dateTimeCreated,
    make: first(exifText(ifd0.Make), xmpText(x('tiff').Make)),
    model: first(exifText(ifd0.Model), xmpText(x('tiff').Model)),
    lens: first(exifText(exif.LensModel), xmpText(x('aux').Lens), xmpText(x('exifEX').LensModel)),
    focalLength: positive(exif.FocalLength) ?? positive(x('exif').FocalLength),
    fNumber: positive(exif.FNumber) ?? positive(x('exif').FNumber),
    exposureTime: positive(exif.ExposureTime) ?? positive(x('exif').ExposureTime),
    iso: integer(exif.ISO) || integer(exif.ISOSpeed) || integer(x('exif').ISOSpeedRatings) || null,
    orientation: orientationOf(ifd0.Orientation) ?? orientationOf(x('tiff').Orientation),
    ...gpsOf(binary, xmp),
    title: first(xmpText(x('dc').title), iptcText(iptc.ObjectName), ucs2Text(ifd0.XPTitle)),
    caption: caption(
      first(
        xmpText(x('dc').description),
        iptcText(iptc.Caption),
        exifText(ifd0.ImageDescription),
        ucs2Text(ifd0.XPComment),
      ),
    ),
    keywords,
    hierarchicalKeywords,
    creator: first(
      nonEmpty(xmpList(x('dc').creator))?.join('; '),
      iptcText(iptc.Byline),
      exifText(ifd0.Artist),
      ucs2Text(ifd0.XPAuthor),
    ),
    credit: first(xmpText(x('photoshop').Credit), iptcText(iptc.Credit)),
    copyright: first(
      xmpText(x('dc').rights),
      iptcText(iptc.CopyrightNotice),
      cleanText(ifd0.Copyright),
    ),
    city: first(xmpText(x('photoshop').City), xmpText(location.City), iptcText(iptc.City)),
    location: first(
      xmpText(x('Iptc4xmpCore').Location),
      xmpText(location.Sublocation),
      iptcText(iptc.Sublocation),
    ),
    region: first(
      xmpText(x('photoshop').State),
      xmpText(location.ProvinceState),
      iptcText(iptc.State),
    ),
    country: first(
      xmpText(x('photoshop').Country),
      xmpText(location.CountryName),
      iptcText(iptc.Country),
    ),
    event: xmpText(x('Iptc4xmpExt').Event),
    rating: ratingOf(xmp, ifd0),
    label: labelOf(xmp),
    exifWidth: integer(exif.ExifImageWidth) || integer(exif.PixelXDimension) || null,
    exifHeight: integer(exif.ExifImageHeight) || integer(exif.PixelYDimension) || null,
    warnings,
    exiftoolReason: null,
  };
}

function mergeXmp(base: Segments, override: Segments): Segments {
  const out: Segments = { ...base };
  for (const [ns, block] of Object.entries(override)) out[ns] = { ...(out[ns] ?? {}), ...block };
  return out;
}

function splitList(text: string | null): string[] {
  return text
    ? text
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}
