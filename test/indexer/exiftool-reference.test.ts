import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processPath } from '../helpers/process-path';
import { exiftoolRead, requireExiftool, type ExiftoolTags } from '../helpers/exiftool';
import { fixtureSets, readManifest } from '../helpers/fixtures';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

requireExiftool();
const cacheDir = tempDir();
afterAll(removeTempDirs);

const pick = (tags: ExiftoolTags, ...keys: string[]): unknown =>
  keys.map((k) => tags[k]).find((v) => v != null && v !== '');

function num(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d/.test(value)) return Number(value.split(' ')[0]);
  return null;
}

function text(value: unknown): string | null {
  if (value == null || value === '') return null;
  const joined = Array.isArray(value)
    ? value.map((v) => `${v as string | number}`).join('; ')
    : `${value as string | number}`;
  // Kadar treats whitespace-only fields as absent.
  return joined.trim() || null;
}

for (const set of fixtureSets()) {
  describe(`technical and descriptive fields of the ${set.name} fixtures against exiftool`, () => {
    const reference = exiftoolRead([set.dir]);
    const rows = readManifest(set.dir).filter(
      (r) => r.file_type !== 'XMP' && !r.path.startsWith('broken/'),
    );

    it.each(rows.map((r) => r.path))('%s', async (path) => {
      const absPath = join(set.dir, path);
      const tags = reference.get(absPath.replace(/\/+/g, '/'));
      expect(tags, `exiftool read ${absPath}`).toBeDefined();
      const { fields: f } = await processPath(absPath, cacheDir);
      const t = tags!;
      const close = (ours: number | null, theirs: unknown, digits: number) => {
        const expected = num(theirs);
        if (expected == null || expected <= 0) return;
        expect(ours).not.toBeNull();
        expect(ours!).toBeCloseTo(expected, digits);
      };
      close(f.fNumber, pick(t, 'ExifIFD:FNumber', 'XMP-exif:FNumber'), 2);
      close(f.exposureTime, pick(t, 'ExifIFD:ExposureTime', 'XMP-exif:ExposureTime'), 5);
      close(f.focalLength, pick(t, 'ExifIFD:FocalLength', 'XMP-exif:FocalLength'), 2);
      const iso = num(pick(t, 'ExifIFD:ISO', 'XMP-exif:ISO'));
      if (iso) expect(f.iso).toBe(iso);
      const lens = text(pick(t, 'ExifIFD:LensModel', 'XMP-aux:Lens', 'XMP-exifEX:LensModel'));
      if (lens) expect(f.lens).toBe(lens);
      expect(f.title).toBe(text(pick(t, 'XMP-dc:Title', 'IPTC:ObjectName', 'IFD0:XPTitle')));
      expect(f.creator).toBe(
        text(pick(t, 'XMP-dc:Creator', 'IPTC:By-line', 'IFD0:Artist', 'IFD0:XPAuthor')),
      );
      expect(f.credit).toBe(text(pick(t, 'XMP-photoshop:Credit', 'IPTC:Credit')));
      expect(f.city).toBe(
        text(pick(t, 'XMP-photoshop:City', 'XMP-iptcExt:LocationCreatedCity', 'IPTC:City')),
      );
      expect(f.country).toBe(
        text(
          pick(
            t,
            'XMP-photoshop:Country',
            'XMP-iptcExt:LocationCreatedCountryName',
            'IPTC:Country-PrimaryLocationName',
          ),
        ),
      );
      expect(f.copyright).toBe(
        text(pick(t, 'XMP-dc:Rights', 'IPTC:CopyrightNotice', 'IFD0:Copyright')),
      );
      const rating = num(pick(t, 'XMP-xmp:Rating'));
      if (rating != null) expect(f.rating).toBe(rating);
      if (f.gpsLatitude != null) close(f.gpsAltitude, pick(t, 'Composite:GPSAltitude'), 3);
    });
  });
}
