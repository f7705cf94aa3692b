import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedImagePath } from '../../electron/catalog/thumbnail-cache';
import { processPath } from '../helpers/process-path';
import { fixtureSets, readManifest } from '../helpers/fixtures';
import { imageDistance } from '../helpers/image-compare';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

const cacheDir = tempDir();
afterAll(removeTempDirs);

try {
  execFileSync('vipsthumbnail', ['--vips-version'], { stdio: 'pipe' });
} catch {
  throw new Error(
    'vipsthumbnail is the reference for these tests: apt-get install libvips-tools (.ci/run does)',
  );
}

// sharp's bundled libvips sets VIPSHOME in this process; Debian's vipsthumbnail would then look
// for its loadable modules (HEIF among them) in sharp's build folder.
const { VIPSHOME: _sharpsVipsHome, ...vipsEnv } = process.env;

async function thumbnailOf(dir: string, path: string) {
  const absPath = join(dir, path);
  const { fields } = await processPath(absPath, cacheDir);
  return {
    fields,
    thumb: fields.thumbKey ? cachedImagePath(cacheDir, 'thumbs', fields.thumbKey) : null,
  };
}

for (const set of fixtureSets()) {
  describe(`thumbnails of the ${set.name} fixtures against vipsthumbnail -s 320`, () => {
    const rows = readManifest(set.dir).filter(
      (r) => r.file_type && r.file_type !== 'XMP' && r.file_type !== 'TXT',
    );
    const out = tempDir();

    it.each(rows.map((r) => r.path))('%s', async (path) => {
      const { fields, thumb } = await thumbnailOf(set.dir, path);
      if (fields.errorCode) return expect(fields.errorCode).toBe('DAMAGED');
      expect(thumb).not.toBeNull();
      const ours = await sharp(thumb!).metadata();
      expect(Math.max(ours.width, ours.height)).toBe(
        Math.min(320, Math.max(fields.width!, fields.height!)),
      );

      const reference = join(out, `${path.replace(/\W+/g, '_')}.jpg`);
      const vips = spawnSync('vipsthumbnail', ['-s', '320', join(set.dir, path), '-o', reference], {
        encoding: 'utf8',
        env: vipsEnv,
      });
      const vipsRead = existsSync(reference) && statSync(reference).size > 0;
      expect(vipsRead, `vipsthumbnail: ${vips.stderr}`).toBe(true);
      const theirs = await sharp(reference).metadata();
      let compareTo: string | Buffer = reference;
      if (Math.max(fields.width!, fields.height!) >= 320) {
        expect(Math.abs(ours.width - theirs.width)).toBeLessThanOrEqual(1);
        expect(Math.abs(ours.height - theirs.height)).toBeLessThanOrEqual(1);
      } else {
        // vipsthumbnail enlarges images smaller than 320; Kadar keeps their own size. Compare
        // at Kadar's size so the difference measured is the picture, not the resampling.
        expect(ours.width / ours.height).toBeCloseTo(theirs.width / theirs.height, 1);
        compareTo = await sharp(reference)
          .resize(ours.width, ours.height, { fit: 'fill' })
          .toBuffer();
      }
      expect(await imageDistance(thumb!, compareTo)).toBeLessThan(6);
    });
  });
}

describe('orientation', () => {
  it('shows all eight EXIF orientations of one picture the same way up', async () => {
    const set = fixtureSets()[0]!;
    const upright = (await thumbnailOf(set.dir, 'orientation/landscape_1.jpg')).thumb!;
    for (let o = 2; o <= 8; o++) {
      const { fields, thumb } = await thumbnailOf(set.dir, `orientation/landscape_${o}.jpg`);
      expect(fields.orientation).toBe(o);
      expect([fields.width, fields.height]).toEqual([600, 450]);
      expect(await imageDistance(thumb!, upright), `orientation ${o}`).toBeLessThan(6);
    }
  });
});
