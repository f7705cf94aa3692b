import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { processFile } from '../../electron/indexer/process-file';
import { isImageFileName } from '../../electron/indexer/sniff-format';
import type { PhotoFileFields } from '../../electron/catalog/photo-writes';
import { systemExiftool } from '../helpers/exiftool';

/**
 * How often Kadar reads the same value as exiftool, field by field, over every image in some
 * folders. Kadar's side is `processFile`, the indexer's whole path for one file (exifr, the
 * exiftool fallback, the thumbnail's pixel size); exiftool's is `exiftool -j -n` (the system's,
 * the reference the tests use, not the copy Kadar's fallback runs), with its own choice among
 * duplicate tags.
 *
 * The comparison rules:
 *
 * - A field counts for a file when either side has a value for it; when neither has one it is
 *   not counted at all (an empty field on both sides says nothing about reading).
 * - make, model: exiftool's Make and Model, the same text after trimming white space.
 * - date taken: exiftool's DateTimeOriginal, else CreateDate, else DateTimeCreated (IPTC
 *   DateCreated with TimeCreated), else DateCreated; Kadar's takenAt when it came from the
 *   file's metadata (DateTimeOriginal, CreateDate or DateCreated), not from the file name or
 *   the file's time. Equal to the second, as wall-clock time (offsets and fractions ignored); a
 *   date without a time is midnight.
 * - orientation: exiftool's Orientation when it is 1–8 (other numbers are no orientation);
 *   the same number.
 * - pixel size: exiftool's ImageWidth × ImageHeight, swapped when exiftool's Orientation turns
 *   the image a quarter (5–8) or, in an HEIF file, its Rotation (the irot box) is 90 or 270,
 *   against Kadar's width × height (the upright size it shows).
 * - GPS: exiftool's GPSLatitude and GPSLongitude (signed degrees), both needed; equal to 5
 *   decimals (within 0.000005°). A position of exactly 0, 0 is no position on either side: it is
 *   what a GPS block without a fix holds, and Kadar drops it on purpose.
 * - keywords: exiftool's Subject (XMP dc:subject), else Keywords (IPTC), else XPKeywords split
 *   at ';', as a set of trimmed texts, repeated spellings that differ only in case counted once
 *   (as Kadar keeps them); the same set.
 * - XMP sidecars are not given to Kadar: exiftool reads each image alone, and so does Kadar here.
 */

export const comparedFields = [
  'make',
  'model',
  'date taken',
  'orientation',
  'pixel size',
  'GPS',
  'keywords',
] as const;
export type ComparedField = (typeof comparedFields)[number];

export interface Disagreement {
  file: string;
  field: ComparedField;
  ours: string;
  exiftool: string;
}

export interface Tally {
  agree: number;
  counted: number;
}

export interface AgreementReport {
  files: number;
  perField: Record<ComparedField, Tally>;
  total: Tally;
  disagreements: Disagreement[];
}

type Tags = Record<string, unknown>;

/** Every file under `dir` whose name is one of the image types Kadar indexes (hidden folders skipped). */
export function imageFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && isImageFileName(entry.name)) out.push(path);
    }
  };
  walk(resolve(dir));
  return out.sort();
}

/** What the system's exiftool reads in `files`, keyed by path. */
export function exiftoolTags(files: string[]): Map<string, Tags> {
  const out = new Map<string, Tags>();
  // Batches keep the command line short; exiftool exits 1 when a file is unreadable and still
  // reports the others.
  for (let i = 0; i < files.length; i += 200) {
    const batch = files.slice(i, i + 200);
    const run = spawnSync(systemExiftool(), ['-j', '-n', '-charset', 'filename=utf8', ...batch], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (run.error) throw new Error(`exiftool could not be run: ${run.error.message}`);
    const text = run.stdout.trim();
    if (!text.startsWith('[')) {
      if (run.status === 1 && !text) continue; // none of the batch was readable
      throw new Error(`exiftool failed: ${run.stderr}`);
    }
    for (const row of JSON.parse(text) as (Tags & { SourceFile: string })[])
      out.set(resolve(row.SourceFile), row);
  }
  return out;
}

const present = (v: unknown) => v != null && !(typeof v === 'string' && v.trim() === '');

function textOf(v: unknown): string | null {
  if (!present(v)) return null;
  if (typeof v === 'string') return v.trim();
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

/** 'YYYY-MM-DDTHH:MM:SS' from exiftool's '2015:11:28 18:03:12.25+01:00' or a date alone. */
export function secondOf(value: unknown): string | null {
  const text = textOf(value);
  if (!text) return null;
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (!m || m[1] === '0000') return null;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}`;
}

function keywordSet(values: unknown[]): string[] {
  const seen = new Map<string, string>();
  for (const v of values) {
    const t = textOf(v);
    if (t && !seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  }
  return [...seen.values()].sort();
}

function list(value: unknown): unknown[] {
  if (!present(value)) return [];
  return Array.isArray(value) ? (value as unknown[]) : [value];
}

function exiftoolKeywords(t: Tags): string[] {
  const subject = keywordSet(list(t.Subject));
  if (subject.length) return subject;
  const iptc = keywordSet(list(t.Keywords));
  if (iptc.length) return iptc;
  const xp = textOf(t.XPKeywords);
  return xp ? keywordSet(xp.split(';')) : [];
}

function orientationOf(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 8 ? v : null;
}

function position(lat: unknown, lon: unknown): [number, number] | null {
  if (typeof lat !== 'number' || typeof lon !== 'number') return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || (lat === 0 && lon === 0)) return null;
  return [lat, lon];
}

const metadataDates = new Set(['DateTimeOriginal', 'CreateDate', 'DateCreated']);

/** One file's fields, each as a comparable text or null (absent), on both sides. */
export function compareFile(
  f: PhotoFileFields,
  t: Tags,
): Record<ComparedField, { ours: string | null; exiftool: string | null; same: boolean }> {
  const pair = (ours: string | null, exiftool: string | null, same = ours === exiftool) => ({
    ours,
    exiftool,
    same,
  });
  const theirDate =
    secondOf(t.DateTimeOriginal) ??
    secondOf(t.CreateDate) ??
    secondOf(t.DateTimeCreated) ??
    secondOf(t.DateCreated);
  const ourDate = metadataDates.has(f.takenAtSource) ? f.takenAt.slice(0, 19) : null;

  const theirOrientation = orientationOf(t.Orientation);
  const w = typeof t.ImageWidth === 'number' ? t.ImageWidth : null;
  const h = typeof t.ImageHeight === 'number' ? t.ImageHeight : null;
  const turned = (theirOrientation ?? 1) >= 5 || t.Rotation === 90 || t.Rotation === 270;
  const theirSize = w && h ? (turned ? `${h}x${w}` : `${w}x${h}`) : null;
  const ourSize = f.width && f.height ? `${f.width}x${f.height}` : null;

  const theirGps = position(t.GPSLatitude, t.GPSLongitude);
  const ourGps = position(f.gpsLatitude, f.gpsLongitude);
  const gpsText = (p: [number, number] | null) =>
    p ? `${p[0].toFixed(6)}, ${p[1].toFixed(6)}` : null;
  const gpsSame =
    theirGps && ourGps
      ? Math.abs(theirGps[0] - ourGps[0]) <= 5e-6 && Math.abs(theirGps[1] - ourGps[1]) <= 5e-6
      : theirGps === ourGps;

  const theirKeywords = exiftoolKeywords(t);
  const ourKeywords = keywordSet(f.keywords);
  const keywordText = (k: string[]) => (k.length ? k.join('; ') : null);

  return {
    make: pair(textOf(f.make), textOf(t.Make)),
    model: pair(textOf(f.model), textOf(t.Model)),
    'date taken': pair(ourDate, theirDate),
    orientation: pair(
      f.orientation == null ? null : String(f.orientation),
      theirOrientation == null ? null : String(theirOrientation),
    ),
    'pixel size': pair(ourSize, theirSize),
    GPS: pair(gpsText(ourGps), gpsText(theirGps), gpsSame),
    keywords: pair(keywordText(ourKeywords), keywordText(theirKeywords)),
  };
}

/** Runs Kadar's indexer path and exiftool over every image under `dirs` and tallies agreement. */
export async function measureAgreement(dirs: string[]): Promise<AgreementReport> {
  const files = dirs.flatMap(imageFiles);
  const reference = exiftoolTags(files);
  const cacheDir = mkdtempSync(join(tmpdir(), 'kadar-agreement-'));
  const perField = Object.fromEntries(
    comparedFields.map((f) => [f, { agree: 0, counted: 0 }]),
  ) as Record<ComparedField, Tally>;
  const total: Tally = { agree: 0, counted: 0 };
  const disagreements: Disagreement[] = [];
  try {
    for (const file of files) {
      const stat = statSync(file);
      const { fields } = await processFile({
        absPath: file,
        fileName: basename(file),
        size: stat.size,
        mtimeMs: stat.mtimeMs,
        sidecarPath: null,
        sidecarMtimeMs: null,
        cacheDir,
      });
      const compared = compareFile(fields, reference.get(file) ?? {});
      for (const field of comparedFields) {
        const { ours, exiftool, same } = compared[field];
        if (ours == null && exiftool == null) continue;
        perField[field].counted++;
        total.counted++;
        if (same) {
          perField[field].agree++;
          total.agree++;
        } else {
          disagreements.push({ file, field, ours: ours ?? '—', exiftool: exiftool ?? '—' });
        }
      }
    }
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return { files: files.length, perField, total, disagreements };
}

export const percent = ({ agree, counted }: Tally) =>
  counted === 0 ? 100 : (100 * agree) / counted;
