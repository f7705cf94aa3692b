import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedImagePath } from '../../electron/catalog/thumbnail-cache';
import { findEmbeddedJpegs } from '../../electron/indexer/embedded-preview';
import { processPath } from '../helpers/process-path';
import { repoFixtures } from '../helpers/fixtures';
import { imageDistance } from '../helpers/image-compare';
import { makeRaf, makeTiffRaw } from '../helpers/make-raw';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

const dir = tempDir();
afterAll(removeTempDirs);

async function index(name: string, bytes: Buffer) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const { fields } = await processPath(path, join(dir, 'cache'));
  return {
    fields,
    thumb: fields.thumbKey ? cachedImagePath(join(dir, 'cache'), 'thumbs', fields.thumbKey) : null,
  };
}

describe('RAW files', () => {
  it('read their metadata and use the largest embedded preview, oriented', async () => {
    const source = join(repoFixtures, 'cameras/tanners_ridge.jpg');
    const preview = await sharp(source).resize(1200, 800).jpeg().toBuffer();
    const thumbnail = await sharp(source).resize(160, 107).jpeg().toBuffer();
    for (const ext of ['NEF', 'CR2', 'ARW', 'DNG']) {
      const raw = makeTiffRaw({
        make: 'NIKON CORPORATION',
        model: 'NIKON D750',
        orientation: 6,
        dateTimeOriginal: '2015:11:28 18:03:12',
        preview,
        thumbnail,
      });
      expect(findEmbeddedJpegs(raw).map((j) => [j.width, j.height])).toEqual([
        [1200, 800],
        [160, 107],
      ]);
      const { fields, thumb } = await index(`DSC_2208.${ext}`, raw);
      expect(fields).toMatchObject({
        format: 'raw',
        make: 'NIKON CORPORATION',
        model: 'NIKON D750',
        orientation: 6,
        takenAt: '2015-11-28T18:03:12',
        takenAtSource: 'DateTimeOriginal',
        fNumber: 5.6,
        exposureTime: 0.008,
        iso: 400,
        focalLength: 35,
        width: 800,
        height: 1200,
        error: null,
        namePrefix: 'DSC_',
        nameNumber: 2208,
      });
      const meta = await sharp(thumb!).metadata();
      expect([meta.width, meta.height]).toEqual([213, 320]);
      expect(await imageDistance(thumb!, await sharp(preview).rotate(90).toBuffer())).toBeLessThan(
        6,
      );
    }
  });

  it('read a RAF through the EXIF of its preview', async () => {
    const withExif = readFileSync(join(repoFixtures, 'gps/DSCN0010.jpg'));
    const { fields, thumb } = await index('DSCF0001.RAF', makeRaf(withExif));
    expect(fields).toMatchObject({
      format: 'raw',
      make: 'NIKON',
      model: 'COOLPIX P6000',
      takenAt: '2008-10-22T16:28:39',
      error: null,
    });
    expect(fields.gpsLatitude).toBeCloseTo(43.467448, 5);
    expect(await imageDistance(thumb!, withExif)).toBeLessThan(6);
  });

  it('say so when a RAW has no preview to show', async () => {
    const raw = makeTiffRaw({
      make: 'Canon',
      model: 'Canon EOS 600D',
      orientation: 1,
      dateTimeOriginal: '2015:06:12 13:40:32',
      preview: Buffer.alloc(0),
      thumbnail: Buffer.alloc(0),
    });
    const { fields } = await index('IMG_5218.CR2', raw);
    expect(fields).toMatchObject({
      format: 'raw',
      make: 'Canon',
      errorCode: 'UNSUPPORTED',
      thumbKey: null,
    });
    expect(fields.error).toMatch(/no embedded preview/);
  });
});
