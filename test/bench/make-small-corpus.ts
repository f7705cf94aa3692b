import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import {
  cameraFileName,
  cameraModels,
  eventKinds,
  localOffset,
  towns,
  wallClock,
  type CameraModel,
} from './archive-names';
import { benchCacheDir, cachedBuild } from './bench-cache';
import { commentSegment, exifSegment, spliceSegments } from './exif-segment';
import { seededRandom, type Random } from './random';

/**
 * A large archive of small but valid photos, laid out as an organisation keeps them:
 * `2015/2015-11-28 Modna revija Štip/DSC_0001.JPG`, about a thousand per event folder. A few
 * templates are encoded once; every file is a template with its own EXIF (camera, time,
 * settings, sometimes GPS) and a numbered JPEG comment, so every file has its own fingerprint
 * and the whole corpus is written in well under a minute.
 */

// Bumping this regenerates cached corpora made by older versions of this file.
const generator = 'small-corpus-v1';
const filesPerFolder = 1000;

const fixturesDir = '/work/shared/fixtures/photos';
const templateSources = [
  'cameras/Canon EOS 1000D.jpg',
  'cameras/Nikon D70.jpg',
  'cameras/Sony DSC-H9.jpg',
  'cameras/Canon PowerShot G11.jpg',
  'phones/HMD_Nokia_8.3_5G.jpg',
  'phones/Nexus 4.jpg',
  'phones/jolla.jpg',
  'no-exif/book-beside-flowers.jpg',
];

interface Template {
  jpeg: Buffer;
  width: number;
  height: number;
}

async function template(source: string): Promise<Template> {
  const { data, info } = await sharp(join(fixturesDir, source))
    .rotate()
    .resize(320, 320, { fit: 'inside' })
    .jpeg({ quality: 85 })
    .toBuffer({ resolveWithObject: true });
  return { jpeg: data, width: info.width, height: info.height };
}

interface Folder {
  relPath: string;
  day: string;
  town: (typeof towns)[number];
  cameras: CameraModel[];
}

/** About one event folder per thousand photos, spread over 2010–2025, a few in Cyrillic. */
function planFolders(count: number, random: Random): Folder[] {
  const folders: Folder[] = [];
  const total = Math.max(1, Math.round(count / filesPerFolder));
  const days = new Set<string>();
  while (folders.length < total) {
    const day = wallClock(
      Date.parse('2010-01-01T00:00:00Z') + random.int(0, 16 * 365 - 1) * 86_400_000,
    ).slice(0, 10);
    if (days.has(day)) continue;
    days.add(day);
    const town = random.pick(towns);
    const kind = random.pick(eventKinds);
    const cyrillic = /\p{Script=Cyrillic}/u.test(kind);
    const name = `${day} ${kind} ${cyrillic ? town.cyrillic : town.latin}`;
    folders.push({
      relPath: `${day.slice(0, 4)}/${name}`,
      day,
      town,
      cameras: [random.pick(cameraModels), random.pick(cameraModels)],
    });
  }
  return folders.sort((a, b) => a.day.localeCompare(b.day));
}

function build(dir: string, count: number, templates: Template[]): void {
  const random = seededRandom(100_000 + count);
  const folders = planFolders(count, random);
  const counters = new Map<CameraModel, number>();
  let written = 0;
  folders.forEach((folder, f) => {
    const inFolder = Math.floor((count * (f + 1)) / folders.length) - written;
    const path = join(dir, ...folder.relPath.split('/'));
    mkdirSync(path, { recursive: true });
    const names = new Set<string>();
    let time = Date.parse(`${folder.day}T09:00:00Z`) + random.int(0, 6 * 3600) * 1000;
    for (let i = 0; i < inFolder; i++) {
      // Bursts of shots seconds apart, then pauses between speeches, sets and sessions.
      time += (random.chance(0.8) ? random.int(1, 4) : random.int(20, 600)) * 1000;
      const takenAt = wallClock(time);
      const model = folder.cameras[i % 7 === 0 ? 1 : 0]!;
      let name: string;
      do {
        const n = (counters.get(model) ?? random.int(1, 9000)) + 1;
        counters.set(model, n);
        name = cameraFileName(model, n, takenAt);
      } while (names.has(name));
      names.add(name);
      const t = templates[(written + i) % templates.length]!;
      const exif = exifSegment({
        make: model.make,
        model: model.model,
        takenAt,
        ...(takenAt >= '2017' ? { offset: localOffset(takenAt) } : {}),
        exposureTime: [1, random.pick([30, 60, 125, 250, 500])],
        fNumber: random.pick([1.8, 2.8, 4, 5.6, 8]),
        iso: random.pick([100, 200, 400, 800, 1600, 3200]),
        focalLength: random.pick([24, 35, 50, 85]),
        ...(model.lens ? { lens: model.lens } : {}),
        ...(random.chance(0.1) ? { orientation: 6 } : {}),
        width: t.width,
        height: t.height,
        ...(random.chance(0.3)
          ? {
              gps: {
                latitude: folder.town.latitude + (random.next() - 0.5) * 0.02,
                longitude: folder.town.longitude + (random.next() - 0.5) * 0.02,
                altitude: random.int(150, 900),
              },
            }
          : {}),
      });
      const comment = commentSegment(`Kadar benchmark ${String(written + i).padStart(7, '0')}`);
      writeFileSync(join(path, name), spliceSegments(t.jpeg, [exif, comment]));
    }
    written += inFolder;
    if ((f + 1) % 10 === 0) console.log(`  ${written}/${count} files`);
  });
}

/** The folder holding `count` small photos (made once, then cached). */
export async function smallCorpus(count: number): Promise<string> {
  return cachedBuild(
    `${count} small photos`,
    join(benchCacheDir, `rescan-corpus-${count}`),
    `${generator} ${count}`,
    async (path) => build(path, count, await Promise.all(templateSources.map(template))),
  );
}
