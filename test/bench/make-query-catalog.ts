import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createEvent } from '../../electron/catalog/events-repo';
import { ensureFolder } from '../../electron/catalog/folders-repo';
import { loadMigrations } from '../../electron/catalog/migrate';
import { openCatalog, type Catalog } from '../../electron/catalog/open-catalog';
import { createOrganisation } from '../../electron/catalog/organisations-repo';
import {
  insertPhoto,
  markMissing,
  type PhotoFileFields,
} from '../../electron/catalog/photo-writes';
import { createProject, linkEvents, setPartners } from '../../electron/catalog/projects-repo';
import { insertRoot } from '../../electron/catalog/roots-repo';
import { drainSearch } from '../../electron/catalog/search/drain-search';
import { writePhotoDocuments } from '../../electron/catalog/search/photo-documents';
import { sql } from '../../electron/catalog/statements';
import { ensureTagPath } from '../../electron/catalog/tags-repo';
import { tidySearchSlice } from '../../electron/catalog/search/tidy-search';
import { createEdit } from '../../electron/edits/edit';
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
import {
  eventDescription,
  eventTitle,
  planOrganisations,
  planProjects,
  type OrganisationPlan,
} from './archive-projects';
import { benchCacheDir, cachedBuild } from './bench-cache';
import { seededRandom, type Random } from './random';

/**
 * A catalog of generated photos with the shape of a real archive, written through the real
 * schema and repository functions, for timing the queries the app makes. For 1,000,000 photos:
 * five library folders; 20,000 events over 2010–2025 (titles, venues, towns, organisers), each
 * one shoot of photos taken minutes apart in a folder of its own, together 70 % of the photos;
 * the rest in shoots nobody has made an event of yet and in phones' monthly folders; 500
 * projects of ~40 events each with 2–6 partners among ~300 organisations; ~40 cameras, ~300
 * tags from very common to rare, and place names in Latin and Cyrillic. Event, project and
 * photo counts scale with the number of photos.
 */

// Bumping this regenerates cached catalogs made by older versions of this file.
const generator = 'query-catalog-v5';

const firstYear = 2010;
const lastYear = 2025;
/** Share of the photos in events, in unsorted shoots and in phones' monthly folders. */
const eventShare = 0.7;
const phoneShare = 0.08;

const roots = [
  { path: '/srv/arhiva/Fotografije', share: 0.4 },
  { path: '/mnt/nas/Foto arhiva', share: 0.25 },
  { path: '/home/marija/Slike/Projekti', share: 0.15 },
  { path: '/media/marija/WD Elements/Stara arhiva', share: 0.12 },
  // Phones' photos, copied month by month: photos in no event.
  { path: '/srv/arhiva/Mobilni telefoni', share: 0 },
];
const phoneRoot = 4;

/** Project names as they appear in folder names and keyword tags (older than the catalog's). */
const projectTags = [
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
  'Hotel Ambasador',
  'Tvrđava',
  'Gradski park',
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
    projects: projectTags.map((p) => ensureTagPath(db, ['Projekti', p])),
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

/** Shares `total` out in proportion to `weights`, so the parts add up to it exactly. */
function shareOut(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  let given = 0;
  let acc = 0;
  return weights.map((w) => {
    acc += w;
    const upTo = Math.round((total * acc) / sum);
    const part = upTo - given;
    given = upTo;
    return part;
  });
}

/** What the catalog says about an event, apart from its photos. */
interface EventPlan {
  title: string;
  startsOn: string;
  endsOn: string | null;
  startTime: string | null;
  endTime: string | null;
  venue: string | null;
  city: string | null;
  country: string | null;
  organiser: number | null;
  description: string | null;
  /** Set once the event is created. */
  id: number;
}

/** A folder of photos taken in one go: an event's, a shoot nobody made an event of, a phone's month. */
interface Shoot {
  root: number;
  day: string;
  town: Town;
  kind: string;
  cyrillic: boolean;
  folder: string;
  cameras: CameraModel[];
  photographer: string;
  /** Capture times, ms since the epoch read as local wall-clock time, in order. */
  times: number[];
  /** Tags most of the shoot's photos carry: its town, project and kind, when it has them. */
  tags: number[];
  people: number[];
  venue: string;
  event: EventPlan | null;
}

/** Capture times of a shoot of `n` photos: bursts seconds apart, pauses between sessions. */
function shootTimes(day: string, n: number, random: Random): number[] {
  let time = Date.parse(`${day}T09:00:00Z`) + random.int(0, 8 * 3600) * 1000;
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    time +=
      (random.chance(0.75)
        ? random.int(1, 5)
        : random.chance(0.9)
          ? random.int(20, 300)
          : random.int(600, 3600)) * 1000;
    times.push(time);
  }
  return times;
}

/** A phone's month: a few photos on many days, at any hour. */
function phoneTimes(month: string, n: number, random: Random): number[] {
  const start = Date.parse(`${month}-01T00:00:00Z`);
  const days = new Date(start).getUTCMonth() === 1 ? 28 : 30;
  const times = Array.from(
    { length: n },
    () => start + random.int(0, days - 1) * 86_400_000 + random.int(7 * 3600, 23 * 3600) * 1000,
  ).sort((a, b) => a - b);
  // Phones name files by the second: two in one second would be one file name.
  for (let i = 1; i < n; i++) if (times[i]! <= times[i - 1]!) times[i] = times[i - 1]! + 1000;
  return times;
}

function planShoots(
  rows: number,
  eventCount: number,
  tags: TagIds,
  organisers: () => number | null,
  random: Random,
): Shoot[] {
  // Later years have more events: cheaper cameras, phones, more projects.
  const start = Date.parse(`${firstYear}-01-01T00:00:00Z`);
  const years = lastYear - firstYear + 1;
  const pickDay = () =>
    wallClock(start + Math.floor(years * Math.sqrt(random.next()) * 365.25) * 86_400_000).slice(
      0,
      10,
    );
  const popularCamera = zipf(cameraModels.length, 1.1);
  const popularPerson = zipf(tags.people.length, 1.2);
  const rootPick = () => {
    let acc = 0;
    const x = random.next();
    return Math.max(
      0,
      roots.findIndex((r) => (acc += r.share) > x),
    );
  };
  const folders = new Set<string>();
  const unsortedCount = Math.round((eventCount * (1 - eventShare - phoneShare)) / eventShare);
  const phoneMonths = Math.max(6, Math.round((rows * phoneShare) / 150));
  const eventRows = Math.round(rows * eventShare);
  const phoneRows = Math.round(rows * phoneShare);
  // Photos per shoot: log-normal, so most shoots are small and a few have hundreds.
  const weights = (n: number) => Array.from({ length: n }, () => Math.exp(0.9 * gaussian(random)));
  const eventSizes = shareOut(eventRows, weights(eventCount));
  const unsortedSizes = shareOut(rows - eventRows - phoneRows, weights(unsortedCount));
  const phoneSizes = shareOut(phoneRows, weights(phoneMonths));

  const shoots: Shoot[] = [];
  const eventShoot = (photos: number, isEvent: boolean): Shoot => {
    const day = pickDay();
    const town = random.pick(towns);
    const kind = random.pick(eventKinds);
    const cyrillic =
      /\p{Script=Cyrillic}/u.test(kind) || (town.country !== 'Srbija' && random.chance(0.3));
    const root = rootPick();
    const project = random.pick(projectTags);
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
    const shootTags: number[] = [];
    if (random.chance(0.6)) shootTags.push(tags.towns.get(town)!);
    if (random.chance(0.5)) shootTags.push(tags.projects[projectTags.indexOf(project)]!);
    if (random.chance(0.4)) shootTags.push(tags.kinds.get(kind)!);
    const times = shootTimes(day, photos, random);
    const venue = random.pick(venues);
    let event: EventPlan | null = null;
    if (isEvent) {
      const first = wallClock(times[0] ?? Date.parse(`${day}T10:00:00Z`));
      const last = wallClock(times.at(-1) ?? Date.parse(`${day}T10:00:00Z`));
      event = {
        title: eventTitle(kind, town, day.slice(0, 4), cyrillic, random),
        startsOn: first.slice(0, 10),
        endsOn: last.slice(0, 10) > first.slice(0, 10) ? last.slice(0, 10) : null,
        startTime: random.chance(0.6) ? first.slice(11, 16) : null,
        endTime: random.chance(0.3) && last > first ? last.slice(11, 16) : null,
        venue: random.chance(0.7) ? venue : null,
        city: random.chance(0.9) ? place : null,
        country: random.chance(0.5) ? town.country : null,
        organiser: organisers(),
        description: random.chance(0.3) ? eventDescription(kind, town, random) : null,
        id: 0,
      };
    }
    return {
      root,
      day,
      town,
      kind,
      cyrillic,
      folder,
      cameras: Array.from({ length: random.int(1, 3) }, () => cameraModels[popularCamera(random)]!),
      photographer: random.pick(photographers),
      times,
      tags: shootTags,
      people: Array.from({ length: random.int(2, 8) }, () => tags.people[popularPerson(random)]!),
      venue,
      event,
    };
  };
  for (const n of eventSizes) shoots.push(eventShoot(n, true));
  for (const n of unsortedSizes) shoots.push(eventShoot(n, false));
  // Phones: three staff phones' folders per month, the newest years busiest.
  const phones = cameraModels.filter((m) => m.prefix === 'phone' || m.make === 'Apple');
  phoneSizes.forEach((n, i) => {
    const month = pickDay().slice(0, 7);
    const phone = phones[i % phones.length]!;
    let folder = `${month.slice(0, 4)}/${month} ${phone.model}`;
    while (folders.has(`${phoneRoot}/${folder}`)) folder += ' 2';
    folders.add(`${phoneRoot}/${folder}`);
    const town = random.pick(towns);
    shoots.push({
      root: phoneRoot,
      day: `${month}-01`,
      town,
      kind: random.pick(eventKinds),
      cyrillic: town.country !== 'Srbija' && random.chance(0.3),
      folder,
      cameras: [phone],
      photographer: random.pick(photographers),
      times: phoneTimes(month, n, random),
      tags: [],
      people: [random.pick(tags.people)],
      venue: random.pick(venues),
      event: null,
    });
  });
  // The order a folder walk would index them in: by library folder, then path.
  return shoots.sort(
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

function caption(e: Shoot, year: string, random: Random): string {
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
  e: Shoot,
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
  const described = e.root !== phoneRoot;
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
    title: described && random.chance(0.08) ? `${e.kind} ${place} ${year}` : null,
    caption: described && random.chance(0.3) ? caption(e, year, random) : null,
    keywords: [],
    creator: random.chance(0.5) ? e.photographer : null,
    credit: described && random.chance(0.3) ? 'Udruženje građana Kadar' : null,
    copyright: described && random.chance(0.2) ? `© ${year} Udruženje građana Kadar` : null,
    city: described && random.chance(0.4) ? place : null,
    location: described && random.chance(0.15) ? e.venue : null,
    region: null,
    country: described && random.chance(0.4) ? e.town.country : null,
    // What photographers type into the camera's or the editor's IPTC Event field.
    event: described && random.chance(0.2) ? (e.event?.title ?? `${e.kind} ${place}`) : null,
    rating: random.chance(0.05) ? random.int(1, 5) : null,
    // Lightroom users' culls: a few rejects and colour labels in the files.
    flag: random.chance(0.01) ? 'reject' : null,
    label: random.chance(0.02) ? random.pick(['red', 'yellow', 'green', 'blue', 'purple']) : null,
    thumbKey: damaged ? null : fingerprint,
    errorCode: damaged ? 'DAMAGED' : null,
    error: damaged
      ? 'The image data is damaged and cannot be decoded (Premature end of JPEG file).'
      : null,
    warnings: [],
  };
}

/** Timings of the build's phases, printed as it goes and summed up at the end. */
class Phases {
  private readonly lines: string[] = [];
  run<T>(name: string, what: string, count: (result: T) => number, work: () => T): T {
    const started = performance.now();
    const result = work();
    const seconds = (performance.now() - started) / 1000;
    const n = count(result);
    const line = `${name}: ${n.toLocaleString('en')} ${what} in ${seconds.toFixed(1)} s (${Math.round(n / seconds).toLocaleString('en')}/s)`;
    this.lines.push(line);
    console.log(`  ${line}`);
    return result;
  }
  summary(): void {
    console.log(`  Build phases:\n${this.lines.map((l) => `    ${l}`).join('\n')}`);
  }
}

function createArchive(
  db: Catalog,
  phases: Phases,
  shoots: Shoot[],
  organisations: OrganisationPlan[],
  projectCount: number,
  random: Random,
): void {
  // Organisations, events and projects go through the repositories' own writes (an Edit, as a
  // person's commands do), in one transaction and without history steps.
  const organisationIds = phases.run(
    'organisations',
    'rows',
    (ids) => ids.length,
    () =>
      db
        .transaction(() => {
          const edit = createEdit(db);
          return organisations.map((o) =>
            createOrganisation(edit, {
              name: o.name,
              shortName: o.shortName,
              city: o.city,
              country: o.country,
              website: o.website,
            }),
          );
        })
        .immediate(),
  );
  const events = shoots.flatMap((s) => (s.event ? [s.event] : []));
  phases.run(
    'events',
    'rows',
    () => events.length,
    () =>
      db
        .transaction(() => {
          const edit = createEdit(db);
          // In date order, as staff would have entered them.
          for (const e of [...events].sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1)))
            e.id = createEvent(edit, {
              title: e.title,
              startsOn: e.startsOn,
              endsOn: e.endsOn,
              startTime: e.startTime,
              endTime: e.endTime,
              venue: e.venue,
              city: e.city,
              country: e.country,
              organiserId: e.organiser == null ? null : organisationIds[e.organiser]!,
              description: e.description,
            });
        })
        .immediate(),
  );
  const byDay = [...events].sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1));
  const projects = planProjects(projectCount, firstYear, lastYear, random);
  const popularPartner = zipf(organisationIds.length - 1, 0.8);
  phases.run(
    'projects, partners and event links',
    'links',
    (n) => n,
    () =>
      db
        .transaction(() => {
          const edit = createEdit(db);
          let links = 0;
          for (const p of projects) {
            const id = createProject(edit, p);
            const partners = new Set<number>();
            // The archive's organisation leads most of its projects; partners from anywhere.
            const lead = random.chance(0.7) ? 0 : 1 + popularPartner(random);
            partners.add(lead);
            const count = random.int(2, 6);
            while (partners.size < count) partners.add(1 + popularPartner(random));
            setPartners(
              edit,
              id,
              [...partners].map((o, i) => ({
                organisationId: organisationIds[o]!,
                role: i === 0 ? 'lead' : random.chance(0.15) ? 'associate' : 'partner',
              })),
            );
            // About 40 of the events held while it ran.
            let lo = 0;
            while (lo < byDay.length && byDay[lo]!.startsOn < p.startsOn) lo++;
            let hi = lo;
            while (hi < byDay.length && byDay[hi]!.startsOn <= p.endsOn) hi++;
            const wanted = Math.min(hi - lo, Math.max(5, Math.round(40 + 12 * gaussian(random))));
            const picked = new Set<number>();
            while (picked.size < wanted) picked.add(byDay[random.int(lo, hi - 1)]!.id);
            linkEvents(edit, id, [...picked]);
            links += picked.size;
          }
          return links;
        })
        .immediate(),
  );
}

function build(file: string, rows: number): void {
  const random = seededRandom(1_000_000 + rows);
  const scale = rows / 1_000_000;
  const eventCount = Math.max(20, Math.round(20_000 * scale));
  const projectCount = Math.max(5, Math.round(500 * scale));
  const organisationCount = Math.min(300, Math.max(30, Math.round(3000 * scale)));
  const phases = new Phases();
  // The schema, as the app makes it. openCatalog also gathers planner statistics of the empty
  // tables (PRAGMA optimize): with them the planner scans FTS5's whole data table for each
  // page a segment merge frees, and filling the search index turns quadratic. A catalog grown
  // by indexing has them refreshed by the indexer's PRAGMA optimize; here they are dropped, the
  // writes go through a connection that never loaded them, and the end refreshes them.
  const created = openCatalog(file);
  if (created.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'`).get())
    created.exec(`DELETE FROM sqlite_stat1`);
  created.close();
  const db = new Database(file);
  try {
    // openCatalog's settings, with a larger page cache for this connection only: the indexes
    // being filled stay in memory.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -1000000');

    const rootIds = db.transaction(() => roots.map((r) => insertRoot(db, r.path))).immediate();
    const tags = db.transaction(() => createTags(db)).immediate();
    const tagNames = new Map(
      db
        .prepare<[], { id: number; name: string }>('SELECT id, name FROM tags')
        .all()
        .map((t) => [t.id, t.name]),
    );
    const organisations = planOrganisations(towns, organisationCount, random);
    // Organisers: the archive's own organisation most often, then a few busy partners.
    const popularOrganiser = zipf(organisations.length - 1, 1.0);
    const organiser = () =>
      random.chance(0.1) ? null : random.chance(0.55) ? 0 : 1 + popularOrganiser(random);
    const shoots = planShoots(rows, eventCount, tags, organiser, random);
    createArchive(db, phases, shoots, organisations, projectCount, random);

    const popularRanked = zipf(tags.ranked.length, 1.0);
    const counters = new Map<CameraModel, number>();
    const missing: number[] = [];
    const setEvent = sql(db, `UPDATE photos SET event_id = ? WHERE id BETWEEN ? AND ?`);
    // A shoot's keyword tags in one statement (what setPhotoTags writes for a new photo).
    const insertTags = sql(
      db,
      `INSERT INTO photo_tags (photo_id, tag_id, source) SELECT value ->> 0, value ->> 1, 'file' FROM json_each(?)`,
    );
    const now = new Date().toISOString();
    phases.run(
      'photos (with their tags, folders and events)',
      'photos',
      (n) => n,
      () => {
        let written = 0;
        let s = 0;
        let reported = 0;
        const started = performance.now();
        while (s < shoots.length) {
          db.transaction(() => {
            // About 20,000 photos per transaction: whole folders, as the indexer commits them.
            const stopAt = written + 20_000;
            for (; s < shoots.length && written < stopAt; s++) {
              const shoot = shoots[s]!;
              const rootId = rootIds[shoot.root]!;
              const folderId = ensureFolder(db, rootId, shoot.folder);
              const names = new Set<string>();
              const photoTagRows: [number, number][] = [];
              let first = 0;
              let last = 0;
              for (const time of shoot.times) {
                const takenAt = wallClock(time);
                const model = shoot.cameras[random.int(0, shoot.cameras.length - 1)]!;
                let fileName: string;
                do {
                  const n = (counters.get(model) ?? random.int(1, 9000)) + 1;
                  counters.set(model, n);
                  fileName = cameraFileName(model, n, takenAt);
                } while (names.has(fileName));
                names.add(fileName);
                const photoTags = new Set<number>();
                for (const t of shoot.tags) if (random.chance(0.85)) photoTags.add(t);
                const extra = random.pick([0, 0, 0, 1, 1, 1, 2, 2, 3]);
                for (let k = 0; k < extra; k++) photoTags.add(tags.ranked[popularRanked(random)]!);
                if (random.chance(0.2)) photoTags.add(random.pick(shoot.people));
                if (random.chance(0.01)) photoTags.add(random.pick(tags.flags));
                const tagIds = [...photoTags].slice(0, 5);
                const fields = photoFields(shoot, model, takenAt, fileName, random);
                fields.keywords = tagIds.map((t) => tagNames.get(t)!);
                const id = insertPhoto(
                  db,
                  { rootId, folderId, relPath: `${shoot.folder}/${fileName}`, fileName },
                  fields,
                  now,
                );
                for (const t of tagIds) photoTagRows.push([id, t]);
                if (random.chance(0.001)) missing.push(id);
                if (!first) first = id;
                last = id;
                written++;
              }
              if (photoTagRows.length) insertTags.run(JSON.stringify(photoTagRows));
              // A shoot's photos have consecutive ids: one statement puts them in its event.
              if (shoot.event && first) setEvent.run(shoot.event.id, first, last);
            }
          }).immediate();
          if (written - reported >= 100_000 || s === shoots.length) {
            reported = written;
            const seconds = (performance.now() - started) / 1000;
            console.log(
              `    ${written}/${rows} photos, ${Math.round(written / seconds).toLocaleString('en')}/s`,
            );
          }
        }
        db.transaction(() => markMissing(db, missing)).immediate();
        return written;
      },
    );

    // People: the "Ljudi" tags' names as people, in the photos those tags are on (as IPTC
    // PersonInImage would bring them), and a few picks people made while culling.
    phases.run(
      'people in photos, picks',
      'links',
      (n) => n,
      () =>
        db
          .transaction(() => {
            db.exec(`INSERT INTO people (name) SELECT t.name FROM tags t
            JOIN tags parent ON parent.id = t.parent_id WHERE parent.name = 'Ljudi'`);
            const linked = db
              .prepare(
                `INSERT INTO photo_people (photo_id, person_id, source)
               SELECT pt.photo_id, pe.id, 'file' FROM photo_tags pt JOIN tags t ON t.id = pt.tag_id
                 JOIN tags parent ON parent.id = t.parent_id AND parent.name = 'Ljudi'
                 JOIN people pe ON pe.name = t.name`,
              )
              .run().changes;
            db.exec(`UPDATE photos SET user_flag = 'pick' WHERE id % 97 = 0`);
            return linked;
          })
          .immediate(),
    );

    // The search index, filled once (rebuildSearch's work, in transactions of 50,000 photos so
    // its progress shows): the product's own document writer, in the order the queue holds.
    const queued = db.prepare(`SELECT photo_id FROM search_dirty`).pluck().all() as number[];
    phases.run(
      'search documents (writePhotoDocuments)',
      'photos',
      () => queued.length,
      () => {
        const started = performance.now();
        const dequeue = db.prepare(`DELETE FROM search_dirty WHERE photo_id BETWEEN ? AND ?`);
        for (let i = 0; i < queued.length; i += 50_000) {
          const part = queued.slice(i, i + 50_000);
          db.transaction(() => {
            writePhotoDocuments(db, part);
            dequeue.run(part[0], part.at(-1));
          }).immediate();
          const done = i + part.length;
          if (done % 200_000 === 0 || done === queued.length) {
            const seconds = (performance.now() - started) / 1000;
            console.log(
              `    ${done}/${queued.length} photos, ${Math.round(done / seconds).toLocaleString('en')}/s`,
            );
          }
        }
      },
    );
    phases.run(
      'search documents of events, projects, organisations (drainSearch)',
      'documents',
      (n) => n,
      () => {
        const n = db.prepare(`SELECT count(*) FROM archive_dirty`).pluck().get() as number;
        db.transaction(() => drainSearch(db)).immediate();
        return n;
      },
    );
    phases.run(
      "merging the search index's segments (tidySearchSlice, as after an index run)",
      'slices',
      (n) => n,
      () => {
        let slices = 1;
        while (tidySearchSlice(db)) slices++;
        return slices;
      },
    );
    phases.run(
      'planner statistics (PRAGMA optimize, as after an index run)',
      'tables',
      (n) => n,
      () => {
        db.pragma('optimize=0x10002');
        return db.prepare(`SELECT count(DISTINCT tbl) FROM sqlite_stat1`).pluck().get() as number;
      },
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    phases.summary();
  } finally {
    db.close();
  }
}

/** The path of a catalog of `rows` generated photos (made once, then cached). */
export function queryCatalog(rows: number): Promise<string> {
  return cachedBuild(
    `catalog of ${rows} photos`,
    join(benchCacheDir, `query-catalog-${rows}.sqlite`),
    // The schema's own text too: the baseline migration is still amended now and then.
    `${generator} ${rows} schema ${createHash('sha256')
      .update(
        loadMigrations()
          .map((m) => m.sql)
          .join('\n'),
      )
      .digest('hex')
      .slice(0, 12)}`,
    (path) => build(path, rows),
  );
}
