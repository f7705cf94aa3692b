import { join } from 'node:path';
import { ensureFolder } from '../../electron/catalog/folders-repo';
import { openCatalog, type Catalog } from '../../electron/catalog/open-catalog';
import {
  insertPhoto,
  markMissing,
  type PhotoFileFields,
} from '../../electron/catalog/photo-writes';
import { insertRoot } from '../../electron/catalog/roots-repo';
import { rebuildSearch } from '../../electron/catalog/search/drain-search';
import { ensureTagPath, setPhotoTags } from '../../electron/catalog/tags-repo';
import { parseCameraName } from '../../electron/indexer/camera-name';
import {
  cameraFileName,
  cameraModels,
  eventKinds,
  localOffset,
  personNames,
  photographers,
  shotKinds,
  topics,
  towns,
  wallClock,
  type CameraModel,
  type Town,
} from './archive-names';
import { benchCacheDir, cachedBuild } from './bench-cache';
import { seededRandom, type Random } from './random';

/**
 * A catalog of generated photos with the shape of a real archive, written through the real
 * schema and repository functions, for timing the queries the app makes: five library folders,
 * ~3000 event folders over 2010–2025 with bursts of shots on each event day, ~40 cameras,
 * ~300 tags from very common to rare, and place names in Latin and Cyrillic.
 */

// Bumping this regenerates cached catalogs made by older versions of this file.
const generator = 'query-catalog-v2';
const eventCount = 3000;

const roots = [
  { path: '/srv/arhiva/Fotografije', share: 0.4 },
  { path: '/mnt/nas/Foto arhiva', share: 0.25 },
  { path: '/home/marija/Slike/Projekti', share: 0.15 },
  { path: '/media/marija/WD Elements/Stara arhiva', share: 0.12 },
  { path: '/srv/arhiva/Mobilni telefoni', share: 0.08 },
];

const projects = [
  'Zajedno za mlade',
  'Mladi bez granica',
  'Zeleni grad',
  'Kultura spaja',
  'Moda bez granica',
  'Digitalna škola',
  'Ženski glas',
  'Romska inicijativa',
  'Заедно за Штип',
  'Млади лидери',
].flatMap((name, i) => [
  `${name} ${2011 + i}`,
  `${name} ${2012 + i} — faza II`,
  `${name} ${2014 + i}`,
  `IPA CBC RS-MK ${i + 1}`,
]);

const venues = [
  'Dom omladine',
  'Narodno pozorište',
  'Kulturni centar',
  'Gradska kuća',
  'Univerzitetska biblioteka',
  'Дом на култура',
  'Младински центар',
  'Sportska hala',
];

interface TagIds {
  towns: Map<Town, number>;
  projects: number[];
  kinds: Map<string, number>;
  /** Topics and kinds of shot, most popular first. */
  ranked: number[];
  people: number[];
  flags: number[];
}

function createTags(db: Catalog): TagIds {
  const townTags = new Map<Town, number>();
  for (const town of towns)
    townTags.set(town, ensureTagPath(db, ['Mesta', town.country, town.latin]));
  const kinds = new Map<string, number>();
  for (const kind of eventKinds) kinds.set(kind, ensureTagPath(db, ['Događaji', kind]));
  const ranked: number[] = [];
  // Interleaved so both lists have popular and unpopular members.
  for (let i = 0; i < Math.max(topics.length, shotKinds.length); i++) {
    if (topics[i]) ranked.push(ensureTagPath(db, [topics[i]!]));
    if (shotKinds[i]) ranked.push(ensureTagPath(db, [shotKinds[i]!]));
  }
  return {
    towns: townTags,
    projects: projects.map((p) => ensureTagPath(db, ['Projekti', p])),
    kinds,
    ranked,
    people: personNames(150).map((n) => ensureTagPath(db, ['Ljudi', n])),
    flags: [
      'Izbor za sajt',
      'Naslovna',
      'Štampa',
      'Godišnji izveštaj',
      'Favoriti',
      'За објава',
    ].map((f) => ensureTagPath(db, [f])),
  };
}

/** An index drawn with probability ∝ 1 / (rank + 1)^s: few very common, many rare. */
function zipf(n: number, s: number): (random: Random) => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (let k = 1; k <= n; k++) cumulative.push((sum += 1 / k ** s));
  return (random) => {
    const x = random.next() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

interface Event {
  root: number;
  day: string;
  town: Town;
  kind: string;
  cyrillic: boolean;
  folder: string;
  cameras: CameraModel[];
  photographer: string;
  photos: number;
  /** Tags most of the event's photos carry: its town, project and kind, when it has them. */
  tags: number[];
  people: number[];
  venue: string;
}

function planEvents(rows: number, tags: TagIds, random: Random): Event[] {
  // Later years have more events: cheaper cameras, phones, more projects.
  const start = Date.parse('2010-01-01T00:00:00Z');
  const pickDay = () => {
    const years = 16 * Math.sqrt(random.next());
    return wallClock(start + Math.floor(years * 365.25) * 86_400_000).slice(0, 10);
  };
  const popularCamera = zipf(cameraModels.length, 1.1);
  const popularPerson = zipf(tags.people.length, 1.2);
  const rootPick = (x: number) => {
    let acc = 0;
    return roots.findIndex((r) => (acc += r.share) > x);
  };
  const weights: number[] = [];
  const events: Event[] = [];
  const folders = new Set<string>();
  for (let i = 0; i < eventCount; i++) {
    const day = pickDay();
    const town = random.pick(towns);
    const kind = random.pick(eventKinds);
    const cyrillic =
      /\p{Script=Cyrillic}/u.test(kind) || (town.country !== 'Srbija' && random.chance(0.3));
    const root = Math.max(0, rootPick(random.next()));
    const project = random.pick(projects);
    const place = cyrillic ? town.cyrillic : town.latin;
    let folder =
      root === 1
        ? `Projekti/${project}/${day} ${kind} ${place}`
        : root === 3
          ? `${day.slice(0, 4)}/${day.slice(0, 7)}/${day} ${kind} ${place}`
          : `${day.slice(0, 4)}/${day} ${kind} ${place}`;
    // Two events of a kind in one town on one day: staff number the second folder.
    while (folders.has(`${root}/${folder}`)) folder += ' 2';
    folders.add(`${root}/${folder}`);
    const eventTags: number[] = [];
    if (random.chance(0.6)) eventTags.push(tags.towns.get(town)!);
    if (random.chance(0.5)) eventTags.push(tags.projects[projects.indexOf(project)]!);
    if (random.chance(0.4)) eventTags.push(tags.kinds.get(kind)!);
    weights.push(Math.exp(0.9 * gaussian(random)));
    events.push({
      root,
      day,
      town,
      kind,
      cyrillic,
      folder,
      cameras: Array.from({ length: random.int(1, 3) }, () => cameraModels[popularCamera(random)]!),
      photographer: random.pick(photographers),
      photos: 0,
      tags: eventTags,
      people: Array.from({ length: random.int(2, 8) }, () => tags.people[popularPerson(random)]!),
      venue: random.pick(venues),
    });
  }
  // Share the rows out in proportion to the weights, so the total is exact.
  const total = weights.reduce((a, b) => a + b, 0);
  let given = 0;
  let acc = 0;
  events.forEach((e, i) => {
    acc += weights[i]!;
    const upTo = Math.round((rows * acc) / total);
    e.photos = upTo - given;
    given = upTo;
  });
  // The order a folder walk would index them in: by library folder, then path.
  return events.sort(
    (a, b) => a.root - b.root || (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0),
  );
}

// An XXH64 fingerprint's shape: 16 hex digits.
const hex = (random: Random) =>
  Array.from({ length: 2 }, () =>
    random
      .int(0, 2 ** 32 - 1)
      .toString(16)
      .padStart(8, '0'),
  ).join('');

function caption(e: Event, year: string, random: Random): string {
  const t = e.town;
  if (e.cyrillic)
    return random.pick([
      `${e.kind} во ${t.cyrillic}`,
      `Учесници, ${e.kind.toLowerCase()}, ${t.cyrillic} ${year}`,
    ]);
  return random.pick([
    `${e.kind} u ${t.locative}`,
    `Učesnici: ${e.kind.toLowerCase()}, ${t.latin} ${year}.`,
    `${e.kind} in ${t.latin}, ${year}`,
    `${e.venue}, ${t.latin}`,
  ]);
}

function photoFields(
  e: Event,
  model: CameraModel,
  takenAt: string,
  fileName: string,
  random: Random,
): PhotoFileFields {
  const name = parseCameraName(fileName);
  const fingerprint = hex(random);
  const orientation = random.chance(0.15) ? 6 : random.chance(0.02) ? 8 : 1;
  const phone = model.prefix === 'phone' || model.make === 'Apple';
  const place = e.cyrillic ? e.town.cyrillic : e.town.latin;
  const year = takenAt.slice(0, 4);
  const damaged = random.chance(0.0005);
  return {
    fileSize: random.int(2_500_000, 12_000_000),
    fileMtime: Date.parse(`${takenAt}Z`) + random.int(0, 5000),
    sidecarMtime: null,
    fingerprint,
    format: 'jpeg',
    namePrefix: name.prefix,
    nameNumber: name.number,
    takenAt,
    takenAtOffset: year >= '2017' ? localOffset(takenAt) : null,
    takenAtSource: 'DateTimeOriginal',
    make: model.make,
    model: model.model,
    lens: model.lens,
    focalLength: random.pick([18, 24, 35, 50, 85, 105]),
    fNumber: random.pick([1.8, 2.8, 4, 5.6, 8]),
    exposureTime: 1 / random.pick([30, 60, 125, 250, 500]),
    iso: random.pick([100, 200, 400, 800, 1600, 3200, 6400]),
    orientation,
    width: orientation === 1 ? model.width : model.height,
    height: orientation === 1 ? model.height : model.width,
    gpsLatitude: null,
    gpsLongitude: null,
    gpsAltitude: null,
    ...(random.chance(phone ? 0.9 : 0.08)
      ? {
          gpsLatitude: e.town.latitude + (random.next() - 0.5) * 0.03,
          gpsLongitude: e.town.longitude + (random.next() - 0.5) * 0.03,
          gpsAltitude: random.int(150, 900),
        }
      : {}),
    title: random.chance(0.08) ? `${e.kind} ${place} ${year}` : null,
    caption: random.chance(0.3) ? caption(e, year, random) : null,
    keywords: [],
    creator: random.chance(0.5) ? e.photographer : null,
    credit: random.chance(0.3) ? 'Udruženje građana Kadar' : null,
    copyright: random.chance(0.2) ? `© ${year} Udruženje građana Kadar` : null,
    city: random.chance(0.4) ? place : null,
    location: random.chance(0.15) ? e.venue : null,
    region: null,
    country: random.chance(0.4) ? e.town.country : null,
    event: random.chance(0.2) ? `${e.kind} ${place}` : null,
    rating: random.chance(0.05) ? random.int(1, 5) : null,
    thumbKey: damaged ? null : fingerprint,
    errorCode: damaged ? 'DAMAGED' : null,
    error: damaged
      ? 'The image data is damaged and cannot be decoded (Premature end of JPEG file).'
      : null,
    warnings: [],
  };
}

function build(file: string, rows: number): void {
  const random = seededRandom(1_000_000 + rows);
  const db = openCatalog(file);
  try {
    const rootIds = db.transaction(() => roots.map((r) => insertRoot(db, r.path))).immediate();
    const tags = db.transaction(() => createTags(db)).immediate();
    const tagNames = new Map(
      db
        .prepare<[], { id: number; name: string }>('SELECT id, name FROM tags')
        .all()
        .map((t) => [t.id, t.name]),
    );
    const events = planEvents(rows, tags, random);
    const popularRanked = zipf(tags.ranked.length, 1.0);
    const counters = new Map<CameraModel, number>();
    const missing: number[] = [];
    let written = 0;
    let e = 0;
    const now = new Date().toISOString();
    while (e < events.length) {
      db.transaction(() => {
        // About 10 000 photos per transaction: whole events, as the indexer commits them.
        const stopAt = written + 10_000;
        for (; e < events.length && written < stopAt; e++) {
          const event = events[e]!;
          const rootId = rootIds[event.root]!;
          const folderId = ensureFolder(db, rootId, event.folder);
          let time = Date.parse(`${event.day}T09:00:00Z`) + random.int(0, 8 * 3600) * 1000;
          const names = new Set<string>();
          for (let i = 0; i < event.photos; i++) {
            // Bursts seconds apart; pauses between sessions; long events run into the next day.
            time +=
              (random.chance(0.75)
                ? random.int(1, 5)
                : random.chance(0.9)
                  ? random.int(20, 300)
                  : random.int(600, 3600)) * 1000;
            const takenAt = wallClock(time);
            const model = event.cameras[random.int(0, event.cameras.length - 1)]!;
            let fileName: string;
            do {
              const n = (counters.get(model) ?? random.int(1, 9000)) + 1;
              counters.set(model, n);
              fileName = cameraFileName(model, n, takenAt);
            } while (names.has(fileName));
            names.add(fileName);
            const photoTags = new Set<number>();
            for (const t of event.tags) if (random.chance(0.85)) photoTags.add(t);
            const extra = random.pick([0, 0, 0, 1, 1, 1, 2, 2, 3]);
            for (let k = 0; k < extra; k++) photoTags.add(tags.ranked[popularRanked(random)]!);
            if (random.chance(0.2)) photoTags.add(random.pick(event.people));
            if (random.chance(0.01)) photoTags.add(random.pick(tags.flags));
            const tagIds = [...photoTags].slice(0, 5);
            const fields = photoFields(event, model, takenAt, fileName, random);
            fields.keywords = tagIds.map((t) => tagNames.get(t)!);
            const id = insertPhoto(
              db,
              { rootId, folderId, relPath: `${event.folder}/${fileName}`, fileName },
              fields,
              now,
            );
            setPhotoTags(db, id, tagIds, 'file');
            if (random.chance(0.001)) missing.push(id);
            written++;
          }
        }
      }).immediate();
      console.log(`  ${written}/${rows} photos`);
    }
    db.transaction(() => markMissing(db, missing)).immediate();
    console.log('  filling the search index (rebuildSearch)…');
    rebuildSearch(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** The path of a catalog of `rows` generated photos (made once, then cached). */
export function queryCatalog(rows: number): Promise<string> {
  return cachedBuild(
    `catalog of ${rows} photos`,
    join(benchCacheDir, `query-catalog-${rows}.sqlite`),
    `${generator} ${rows}`,
    (path) => build(path, rows),
  );
}
