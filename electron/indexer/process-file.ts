import { readFile } from 'node:fs/promises';
import type { PhotoFileFields } from '../catalog/photo-writes';
import { blankFileValues } from '../../shared/catalog/photo-fields';
import { cachedImagePath, thumbnailSize, writeCachedImage } from '../catalog/thumbnail-cache';
import { parseCameraName } from './camera-name';
import { makeThumbnail, type FileProblem } from './make-thumbnail';
import { wallClockOfInstant } from './parse-exif-date';
import { FileReadError, readFileOnce, type FileBytes } from './read-file-once';
import { readMetadata, type FileMetadata } from './read-metadata';
import { readWithExiftool } from './exiftool-fallback';
import { exiftoolFoundAny, withExiftoolValues } from './exiftool-metadata';
import { describeNonImage, sniffFormat } from './sniff-format';
import type { RestoredPhoto } from '../longevity/restore-photo';
import { fileValuesUnder, readRestored } from '../longevity/sidecars/read-restored';

/** One file for a worker to read: where it is and what the folder walk saw. */
export interface FileTask {
  absPath: string;
  fileName: string;
  size: number;
  mtimeMs: number;
  sidecarPath: string | null;
  sidecarMtimeMs: number | null;
  cacheDir: string;
}

export interface FileOutcome {
  fields: PhotoFileFields;
  hierarchicalKeywords: string[][];
  people: string[];
  /** What a sidecar Kadar wrote says a person gave the photo (for a catalog rebuilt from it). */
  restored?: RestoredPhoto | null;
}

// Buffers cannot hold more; a file this large is a video or a disk image, not a photo.
const maxFileBytes = 2 ** 31 - 1;

function emptyFields(task: FileTask): PhotoFileFields {
  const name = parseCameraName(task.fileName);
  const when = name.timestamp
    ? { local: name.timestamp, offset: null, source: 'FileName' as const }
    : { ...wallClockOfInstant(task.mtimeMs), source: 'FileTime' as const };
  return {
    ...blankFileValues(),
    make: null,
    model: null,
    fileSize: task.size,
    fileMtime: Math.trunc(task.mtimeMs),
    sidecarMtime: task.sidecarMtimeMs == null ? null : Math.trunc(task.sidecarMtimeMs),
    namePrefix: name.prefix,
    nameNumber: name.number,
    takenAt: when.local,
    takenAtOffset: when.offset,
    takenAtSource: when.source,
  };
}

function failed(task: FileTask, problem: FileProblem): FileOutcome {
  return {
    fields: { ...emptyFields(task), errorCode: problem.code, error: problem.message },
    hierarchicalKeywords: [],
    people: [],
  };
}

/** The date to sort by: what the camera recorded, else what a person recorded, else the name's or the file's time. */
function takenAt(
  meta: FileMetadata,
  base: PhotoFileFields,
): Pick<PhotoFileFields, 'takenAt' | 'takenAtOffset' | 'takenAtSource'> {
  const chosen =
    (meta.dateTimeOriginal && { ...meta.dateTimeOriginal, source: 'DateTimeOriginal' as const }) ||
    // IPTC's day and time of day say when the photo was taken, as exiftool reads them: before
    // CreateDate, which is when it was digitised (scanned, or written by an editor).
    (meta.dateTimeCreated && { ...meta.dateTimeCreated, source: 'DateCreated' as const }) ||
    (meta.createDate && { ...meta.createDate, source: 'CreateDate' as const }) ||
    (meta.dateCreated && { ...meta.dateCreated, source: 'DateCreated' as const });
  if (!chosen)
    return {
      takenAt: base.takenAt,
      takenAtOffset: base.takenAtOffset,
      takenAtSource: base.takenAtSource,
    };
  return { takenAt: chosen.local, takenAtOffset: chosen.offset, takenAtSource: chosen.source };
}

/**
 * The file's metadata as exiftool reads it, completed by exifr's; a failure of exiftool itself
 * is a warning, and exifr's reading stands.
 */
async function readWithExiftoolFallback(
  absPath: string,
  meta: FileMetadata,
): Promise<FileMetadata> {
  try {
    const tags = await readWithExiftool(absPath);
    const { read: byExiftool, found, warning } = exiftoolFoundAny(tags);
    if (!found)
      return {
        ...meta,
        warnings: [
          ...meta.warnings,
          `exiftool found no metadata in it either${warning ? ` (${warning})` : ''}.`,
        ],
      };
    const read = withExiftoolValues(meta, byExiftool);
    return {
      ...read,
      warnings: [...read.warnings, `Read with exiftool, as ${meta.exiftoolReason}.`],
    };
  } catch (error) {
    return {
      ...meta,
      warnings: [
        ...meta.warnings,
        `exiftool could not read the file either (${(error as Error).message}).`,
      ],
    };
  }
}

/**
 * Reads a file once and learns everything from that one buffer: fingerprint, metadata and
 * thumbnail. Problems with the file are part of the outcome; only bugs throw.
 */
export async function processFile(task: FileTask): Promise<FileOutcome> {
  if (task.size > maxFileBytes) {
    return failed(task, {
      code: 'TOO_LARGE',
      message: `The file is ${(task.size / 2 ** 30).toFixed(1)} GiB; Kadar reads photos up to 2 GiB.`,
    });
  }
  try {
    return await readFileOnce(task.absPath, (file) => describeFile(task, file));
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    return failed(task, {
      code: 'READ_FAILED',
      message: `The file could not be read (${error.code}: ${error.message}).`,
    });
  }
}

/** Everything learnt from the file's bytes: metadata, thumbnail, or what is wrong with it. */
async function describeFile(
  task: FileTask,
  { bytes: buf, fingerprint }: FileBytes,
): Promise<FileOutcome> {
  if (buf.length === 0)
    return failed({ ...task, size: 0 }, { code: 'EMPTY', message: 'The file is empty (0 bytes).' });
  const format = sniffFormat(buf, task.fileName);
  if (!format) {
    return {
      fields: {
        ...failed(task, { code: 'NOT_AN_IMAGE', message: describeNonImage(buf) }).fields,
        fingerprint,
        fileSize: buf.length,
      },
      hierarchicalKeywords: [],
      people: [],
    };
  }
  let sidecar: Buffer | null = null;
  const warnings: string[] = [];
  if (task.sidecarPath) {
    try {
      sidecar = await readFile(task.sidecarPath);
    } catch (error) {
      warnings.push(`The XMP sidecar could not be read (${(error as Error).message}).`);
    }
  }
  const restored = sidecar ? await readRestored(sidecar) : null;
  let meta = await readMetadata(buf, format, sidecar);
  // The few files exifr cannot read (or reads short) are read again by exiftool, by path.
  if (meta.exiftoolReason) meta = await readWithExiftoolFallback(task.absPath, meta);
  // Where Kadar's sidecar holds a person's values, the file's own are read without it.
  if (restored) meta = fileValuesUnder(meta, await readMetadata(buf, format, null), restored);
  const thumb = await makeThumbnail(
    buf,
    format,
    meta.orientation,
    [meta.exifWidth, meta.exifHeight],
    { size: thumbnailSize, quality: 80 },
  );
  if (thumb.jpeg)
    writeCachedImage(cachedImagePath(task.cacheDir, 'thumbs', fingerprint), thumb.jpeg);
  const base = emptyFields({ ...task, size: buf.length });
  return {
    fields: {
      ...base,
      ...takenAt(meta, base),
      fingerprint,
      format,
      make: meta.make,
      model: meta.model,
      lens: meta.lens,
      focalLength: meta.focalLength,
      fNumber: meta.fNumber,
      exposureTime: meta.exposureTime,
      iso: meta.iso,
      orientation: meta.orientation,
      width: thumb.width,
      height: thumb.height,
      gpsLatitude: meta.gpsLatitude,
      gpsLongitude: meta.gpsLongitude,
      gpsAltitude: meta.gpsAltitude,
      title: meta.title,
      caption: meta.caption,
      keywords: meta.keywords,
      creator: meta.creator,
      credit: meta.credit,
      copyright: meta.copyright,
      city: meta.city,
      location: meta.location,
      region: meta.region,
      country: meta.country,
      event: meta.event,
      // XMP's rating -1 is a reject, not a number of stars.
      rating: meta.rating === -1 ? null : meta.rating,
      flag: meta.rating === -1 ? 'reject' : null,
      label: meta.label,
      thumbKey: thumb.jpeg ? fingerprint : null,
      errorCode: thumb.problem?.code ?? null,
      error: thumb.problem?.message ?? null,
      warnings: [...warnings, ...meta.warnings, ...thumb.warnings],
    },
    hierarchicalKeywords: meta.hierarchicalKeywords,
    people: meta.people,
    restored,
  };
}
