import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { cameraModels, cameraFileName, localOffset, towns, wallClock } from './archive-names';
import { benchCacheDir, cachedBuild } from './bench-cache';
import { commentSegment, exifSegment, spliceSegments, type ExifFields } from './exif-segment';
import { seededRandom, type Random } from './random';

/**
 * A corpus of full-size camera JPEGs: 6000 × 4000 pixels, 8–12 MB, as a 24-megapixel camera
 * writes at its finest quality. The pixels come from real photos (cropped differently and
 * upscaled), plus sensor-like noise: without it the upscaled pictures compress to a fraction of
 * a real camera's file, and decoding them would be unrealistically cheap.
 */

const width = 6000;
const height = 4000;
const quality = 92;
// Bumping this regenerates cached corpora made by older versions of this file.
const generator = 'jpeg-corpus-v1';

const fixturesDir = '/work/shared/fixtures/photos';
// Large, varied originals: landscapes, portraits, indoor and outdoor, several makers.
const sources = [
  'cameras/Canon EOS 1000D.jpg',
  'cameras/Canon PowerShot G11.jpg',
  'cameras/Nikon D70.jpg',
  'cameras/Sony DSC-H9.jpg',
  'cameras/FujiFilm FinePixS5500.jpg',
  'cameras/Olympus C720UZ.jpg',
  'phones/HMD_Nokia_8.3_5G.jpg',
  'phones/Nexus 4.jpg',
  'phones/iphone_hdr_YES.jpg',
  'phones/jolla.jpg',
  'phones/Blackberry Z10.jpg',
  'no-exif/book-beside-flowers.jpg',
];

// 24-megapixel bodies whose sensors are exactly 6000 × 4000.
const bodies = cameraModels.filter((c) => c.width === width && c.height === height);

interface Decoded {
  data: Buffer;
  width: number;
  height: number;
}

async function decode(path: string): Promise<Decoded> {
  const { data, info } = await sharp(path)
    .rotate()
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Roughly Gaussian noise (the sum of three uniform bytes), σ ≈ `sigma` levels. */
function noiseTable(length: number, sigma: number, random: Random): Int8Array {
  const table = new Int8Array(length);
  let state = random.int(1, 2 ** 31);
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const sum = (state & 0xff) + ((state >>> 8) & 0xff) + ((state >>> 16) & 0xff) - 382.5;
    table[i] = Math.max(-127, Math.min(127, Math.round((sum / 127.6) * sigma)));
  }
  return table;
}

/** A different 3:2 crop of a source for every photo, scaled up to the full sensor size. */
async function basePixels(source: Decoded, random: Random): Promise<Buffer> {
  const share = 0.55 + random.next() * 0.45;
  let cropWidth = Math.round(source.width * share);
  let cropHeight = Math.round((cropWidth * height) / width);
  if (cropHeight > source.height) {
    cropHeight = Math.round(source.height * share);
    cropWidth = Math.round((cropHeight * width) / height);
  }
  let image = sharp(source.data, {
    raw: { width: source.width, height: source.height, channels: 3 },
  })
    .extract({
      left: random.int(0, source.width - cropWidth),
      top: random.int(0, source.height - cropHeight),
      width: cropWidth,
      height: cropHeight,
    })
    .resize(width, height, { kernel: 'cubic' });
  if (random.chance(0.5)) image = image.flop();
  return image.raw().toBuffer();
}

/**
 * Sensor noise: a luminance part shared by the three channels and a weaker colour part, each
 * read from the shared table at offsets chosen per photo so no two photos get the same grain.
 */
function addNoise(base: Buffer, noise: Int8Array, random: Random): Buffer {
  const out = new Uint8ClampedArray(base.length);
  const slack = noise.length - base.length;
  const lumaAt = random.int(0, slack);
  const chromaAt = random.int(0, slack);
  for (let p = lumaAt, j = 0; j < base.length; p++, j += 3) {
    const luma = noise[p]!;
    out[j] = base[j]! + luma + (noise[chromaAt + j]! >> 1);
    out[j + 1] = base[j + 1]! + luma + (noise[chromaAt + j + 1]! >> 1);
    out[j + 2] = base[j + 2]! + luma + (noise[chromaAt + j + 2]! >> 1);
  }
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

function exifFor(index: number, takenAt: string, random: Random): ExifFields {
  const body = bodies[index % bodies.length]!;
  const town = towns[index % towns.length]!;
  const shutter = random.pick([30, 60, 80, 125, 160, 250, 500, 1000]);
  return {
    make: body.make,
    model: body.model,
    takenAt,
    offset: localOffset(takenAt),
    exposureTime: [1, shutter],
    fNumber: random.pick([2.8, 4, 5.6, 8, 11]),
    iso: random.pick([100, 200, 400, 800, 1600, 3200]),
    focalLength: random.pick([18, 24, 35, 50, 70, 105]),
    ...(body.lens ? { lens: body.lens } : {}),
    // Every tenth photo was taken with the camera turned, as cameras record it.
    ...(index % 10 === 3 ? { orientation: 6 } : {}),
    width,
    height,
    ...(index % 3 === 0
      ? {
          gps: {
            latitude: town.latitude + (random.next() - 0.5) * 0.01,
            longitude: town.longitude + (random.next() - 0.5) * 0.01,
            altitude: 200 + random.int(0, 400),
          },
        }
      : {}),
  };
}

async function build(dir: string, count: number): Promise<void> {
  const random = seededRandom(24_000_000 + count);
  const decoded = new Map<string, Promise<Decoded>>();
  const noise = noiseTable(width * height * 3 + (1 << 20), 10, random);
  const folder = join(dir, '2019', '2019-06-14 Modna revija Štip');
  mkdirSync(folder, { recursive: true });
  let time = Date.parse('2019-06-14T17:30:00Z');
  const jobs = Array.from({ length: count }, (_, index) => {
    time += random.int(1, 40) * 1000;
    return { index, takenAt: wallClock(time), seed: random.int(1, 2 ** 31) };
  });

  // Two photos at a time: one is in JavaScript adding noise while libvips encodes the other.
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const own = seededRandom(job.seed);
      const sourcePath = join(fixturesDir, sources[job.index % sources.length]!);
      if (!decoded.has(sourcePath)) decoded.set(sourcePath, decode(sourcePath));
      const pixels = addNoise(await basePixels(await decoded.get(sourcePath)!, own), noise, own);
      const jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } })
        .jpeg({ quality })
        .toBuffer();
      const exif = exifFor(job.index, job.takenAt, own);
      const body = bodies[job.index % bodies.length]!;
      const name = cameraFileName(body, job.index + 1, job.takenAt);
      writeFileSync(
        join(folder, name),
        spliceSegments(jpeg, [
          exifSegment(exif),
          commentSegment(`Kadar benchmark photo ${job.index + 1}`),
        ]),
      );
      if ((job.index + 1) % 10 === 0) console.log(`  ${job.index + 1}/${count} photos`);
    }
  };
  await Promise.all([lane(), lane()]);
}

/** The corpus of `count` photos (made once, then cached), as a folder and its files. */
export async function jpegCorpus(count: number): Promise<{ dir: string; files: string[] }> {
  const dir = await cachedBuild(
    `${count} 24-megapixel JPEGs`,
    join(benchCacheDir, `index-corpus-${count}`),
    `${generator} ${count}`,
    (path) => build(path, count),
  );
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.jpe?g$/i.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  if (files.length !== count)
    throw new Error(`The cached corpus ${dir} holds ${files.length} photos, not ${count}.`);
  return { dir, files };
}
