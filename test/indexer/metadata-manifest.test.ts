import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileOutcome } from '../../electron/indexer/process-file';
import { processPath } from '../helpers/process-path';
import { cachedImagePath, hasCachedImage } from '../../electron/catalog/thumbnail-cache';
import { fixtureSets, readManifest, type ManifestRow } from '../helpers/fixtures';
import { snapshotFiles } from '../helpers/originals';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

const cacheDir = tempDir();
afterAll(removeTempDirs);

const formats: Record<string, string | null> = {
  JPEG: 'jpeg',
  PNG: 'png',
  TIFF: 'tiff',
  'Extended WEBP': 'webp',
  HEIC: 'heif',
  HEIF: 'heif',
  AVIF: 'avif',
  TXT: null,
  '': null,
};

// exiftool cannot identify a JPEG whose first marker is damaged; Kadar reads the SOI and
// reports it as a damaged JPEG rather than "not an image".
const formatOverrides: Record<string, string> = {
  'broken/21a84b8472f6d18f5bb5c0026e97cfaa.jpg': 'jpeg',
};

// MANIFEST.tsv's camera columns were taken from EXIF alone. exiftool also reads Canon's CIFF
// block in this file's APP0 segment ([CIFF] Make, Model, DateTimeOriginal), and so does Kadar
// since issue #12 (through its exiftool fallback): what exiftool reads is expected.
const manifestOverrides: Record<string, Record<string, string>> = {
  'no-exif/sony-powershota5.jpg': {
    make: 'Canon',
    model: 'Canon PowerShot A5',
    DateTimeOriginal: '2000:10:27 22:56:26',
  },
};

// Cameras put their own name in ImageDescription; Kadar does not show that as a caption.
const boilerplate =
  /^(OLYMPUS DIGITAL CAMERA|SONY DSC|MINOLTA DIGITAL CAMERA|SANYO DIGITAL CAMERA)$/;

function read(dir: string, row: ManifestRow): Promise<FileOutcome> {
  const sidecar = join(dir, row.path.replace(/\.[^.]+$/, '.xmp'));
  return processPath(join(dir, row.path), cacheDir, existsSync(sidecar) ? sidecar : null);
}

for (const set of fixtureSets()) {
  const rows = readManifest(set.dir).filter((r) => r.file_type !== 'XMP');
  describe(`metadata of the ${set.name} fixture photos against MANIFEST.tsv (exiftool)`, () => {
    const before = snapshotFiles([set.dir]);
    afterAll(() => expect(snapshotFiles([set.dir])).toEqual(before));

    it.each(rows.map((r) => [r.path, r] as const))('%s', async (_path, manifestRow) => {
      const row: ManifestRow = { ...manifestRow, ...manifestOverrides[manifestRow.path] };
      const { fields: f } = await read(set.dir, row);
      const expectError = /throws/.test(row['sharp_0.35.5'] ?? '') && row.file_type !== 'HEIC';

      expect(f.fileSize).toBe(Number(row.size_bytes));
      expect(f.format).toBe(formatOverrides[row.path] ?? formats[row.file_type]);
      expect(f.make).toBe(row.make || null);
      expect(f.model).toBe(row.model || null);

      if (row.DateTimeOriginal) {
        expect(f.takenAtSource).toBe('DateTimeOriginal');
        expect(f.takenAt.slice(0, 19)).toBe(
          row.DateTimeOriginal.replace(/^(\d{4}):(\d{2}):(\d{2}) /, '$1-$2-$3T'),
        );
      } else if (!row.xmp) {
        expect(f.takenAtSource).not.toBe('DateTimeOriginal');
      }

      if (row.has_gps === 'yes') {
        const [lat, lon] = row.gps_lat_lon.split(',').map(Number);
        expect(f.gpsLatitude).toBeCloseTo(lat!, 5);
        expect(f.gpsLongitude).toBeCloseTo(lon!, 5);
      } else {
        expect(f.gpsLatitude).toBeNull();
        expect(f.gpsLongitude).toBeNull();
      }

      expect(f.orientation).toBe(row.orientation ? Number(row.orientation) : null);

      if (row.width_x_height && !expectError) {
        const [w, h] = row.width_x_height.split('x').map(Number);
        const swapped = (f.orientation ?? 1) >= 5;
        expect([f.width, f.height]).toEqual(swapped ? [h, w] : [w, h]);
      }

      if (row.keywords) expect(new Set(f.keywords)).toEqual(new Set(row.keywords.split('; ')));
      else expect(f.keywords).toEqual([]);

      const caption = row.caption.replace(/\\n/g, '\n');
      if (!caption || boilerplate.test(caption)) expect(f.caption).toBeNull();
      else expect(f.caption?.replace(/\r\n?/g, '\n')).toBe(caption);

      if (expectError) {
        expect(f.errorCode).not.toBeNull();
        expect(f.error).toMatch(/\w{3,}/);
      } else {
        expect(f.error).toBeNull();
        expect(f.thumbKey).toBe(f.fingerprint);
      }
      if (f.thumbKey)
        expect(hasCachedImage(cachedImagePath(cacheDir, 'thumbs', f.thumbKey))).toBe(true);
      expect(f.takenAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?$/);
    });
  });
}
