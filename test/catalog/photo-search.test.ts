import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, assignPhotos } from '../../electron/catalog/events-repo';
import { ensureFolder } from '../../electron/catalog/folders-repo';
import { openCatalog, type Catalog } from '../../electron/catalog/open-catalog';
import { createOrganisation } from '../../electron/catalog/organisations-repo';
import { buildPhotoQuery, renderPhotoQuery } from '../../electron/catalog/photo-query';
import { insertPhoto, type PhotoFileFields } from '../../electron/catalog/photo-writes';
import { countPhotos, listPhotos, photoIds } from '../../electron/catalog/photos-repo';
import { createProject, linkEvents, setPartners } from '../../electron/catalog/projects-repo';
import { insertRoot } from '../../electron/catalog/roots-repo';
import { writeTransaction } from '../../electron/catalog/write-transaction';
import { runEdit } from '../../electron/edits/history';
import type { PhotoFilter } from '../../shared/api/photo-query-schema';

// A model of what a search finds, checked against the catalog's queries on every combination
// of filter, words and order: a photo matches when each word begins a word of its own text or
// of its event's (title, town, organiser, projects, partners).

interface ModelPhoto {
  id: number;
  takenAt: string;
  own: string[];
  event: number | null;
}
interface ModelEvent {
  id: number;
  words: string[];
  organiser: number | null;
  projects: number[];
}

let db: Catalog;
const photos: ModelPhoto[] = [];
const events = new Map<number, ModelEvent>();
const ids: Record<string, number> = {};

function photoFields(takenAt: string, city: string): PhotoFileFields {
  return {
    ...{ fileSize: 1, fileMtime: 0, sidecarMtime: null, fingerprint: null, format: 'jpeg' },
    ...{ namePrefix: null, nameNumber: null, takenAt, takenAtOffset: null },
    ...{ takenAtSource: 'DateTimeOriginal', make: null, model: null, lens: null },
    ...{ focalLength: null, fNumber: null, exposureTime: null, iso: null, orientation: 1 },
    ...{ width: 10, height: 10, gpsLatitude: null, gpsLongitude: null, gpsAltitude: null },
    ...{ title: null, caption: null, keywords: [], creator: null, credit: null },
    ...{ copyright: null, city, location: null, region: null, country: null, event: null },
    ...{
      rating: null,
      flag: null,
      label: null,
      thumbKey: null,
      errorCode: null,
      error: null,
      warnings: [],
    },
  };
}

const towns = ['alpha', 'beta', 'gamma'];
const titles = ['delta', 'epsilon', 'zeta', 'alpha'];

beforeAll(() => {
  db = openCatalog(':memory:');
  const rootId = insertRoot(db, '/archive');
  const folderId = ensureFolder(db, rootId, '');
  writeTransaction(db, () => {
    for (let i = 0; i < 240; i++) {
      const name = `${i % 3 ? 'DSC' : 'IMG'}_${String(i).padStart(4, '0')}.JPG`;
      // Photos of one event are taken together; times interleave across events a little.
      const takenAt = new Date(Date.UTC(2015, 0, 1, 0, 0, (i * 7919) % 100_000)).toISOString();
      const city = towns[i % 3]!;
      const id = insertPhoto(
        db,
        { rootId, folderId, relPath: name, fileName: name },
        photoFields(takenAt.slice(0, 19), city),
      );
      photos.push({
        id,
        takenAt,
        own: [i % 3 ? 'dsc' : 'img', String(i).padStart(4, '0'), 'jpg', city],
        event: null,
      });
    }
  });
  runEdit(db, 'model', (e) => {
    ids.omega = createOrganisation(e, { name: 'Omega' });
    ids.sigma = createOrganisation(e, { name: 'Sigma' });
    ids.theta = createOrganisation(e, { name: 'Theta' });
    ids.kappa = createProject(e, { name: 'Kappa' });
    ids.lambda = createProject(e, { name: 'Lambda' });
    setPartners(e, ids.kappa, [{ organisationId: ids.theta }]);
    for (let n = 0; n < 40; n++) {
      const organiser = n < 12 ? ids.omega : n < 14 ? ids.sigma : null;
      const words = [titles[n % 4]!, n % 5 ? 'beta' : 'eta'];
      const id = createEvent(e, {
        title: `Event ${words[0]}`,
        startsOn: '2015-01-01',
        city: words[1]!,
        organiserId: organiser,
      });
      const projects = n % 13 === 0 ? [ids.kappa] : n >= 20 && n < 30 ? [ids.lambda] : [];
      for (const project of projects) linkEvents(e, project, [id]);
      events.set(id, { id, words: ['event', ...words], organiser, projects });
      const members = photos.slice(n * 5, n * 5 + 5);
      assignPhotos(
        e,
        id,
        members.map((p) => p.id),
      );
      for (const p of members) p.event = id;
    }
  });
});
afterAll(() => db.close());

function eventWords(event: ModelEvent): string[] {
  const words = [...event.words];
  if (event.organiser === ids.omega) words.push('omega');
  if (event.organiser === ids.sigma) words.push('sigma');
  if (event.projects.includes(ids.kappa!)) words.push('kappa', 'theta');
  if (event.projects.includes(ids.lambda!)) words.push('lambda');
  return words;
}

function inFilter(p: ModelPhoto, filter: PhotoFilter): boolean {
  const event = p.event == null ? null : events.get(p.event)!;
  if (filter.eventId != null && p.event !== filter.eventId) return false;
  if (filter.noEvent != null && (p.event == null) !== filter.noEvent) return false;
  if (filter.projectId != null && !event?.projects.includes(filter.projectId)) return false;
  if (
    filter.organisationId != null &&
    event?.organiser !== filter.organisationId &&
    !(filter.organisationId === ids.theta && event?.projects.includes(ids.kappa!))
  )
    return false;
  return true;
}

function expected(filter: PhotoFilter, order: 'asc' | 'desc'): number[] {
  const words = filter.search ? filter.search.split(' ') : [];
  const found = photos.filter((p) => {
    if (!inFilter(p, filter)) return false;
    const said = [...p.own, ...(p.event == null ? [] : eventWords(events.get(p.event)!))];
    return words.every((w) => said.some((s) => s.startsWith(w)));
  });
  found.sort((a, b) => (a.takenAt < b.takenAt ? -1 : a.takenAt > b.takenAt ? 1 : a.id - b.id));
  if (order === 'desc') found.reverse();
  return found.map((p) => p.id);
}

function paged(filter: PhotoFilter, order: 'asc' | 'desc'): number[] {
  const walked: number[] = [];
  let cursor: string | undefined;
  do {
    const page = listPhotos(db, { ...filter, sort: 'takenAt', order, limit: 7, cursor });
    walked.push(...page.items.map((p) => p.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return walked;
}

describe('search with events, projects and organisations', () => {
  const searches = [
    undefined,
    'alpha',
    'beta',
    'delta',
    'delta dsc',
    'omega img',
    'kappa theta',
    'eta alpha',
    'zeta gamma img',
    'sigma',
    'lambda beta 01',
    'event',
  ];
  const filters = (): [string, PhotoFilter][] => [
    ['everything', {}],
    ['project Kappa', { projectId: ids.kappa }],
    ['project Lambda', { projectId: ids.lambda }],
    ['organiser Omega', { organisationId: ids.omega }],
    ['organiser Sigma', { organisationId: ids.sigma }],
    ['partner Theta', { organisationId: ids.theta }],
    ['Omega in Lambda', { organisationId: ids.omega, projectId: ids.lambda }],
    ['one event', { eventId: [...events.keys()][5] }],
    ['no event', { noEvent: true }],
    ['some event', { noEvent: false }],
  ];

  it('reads both kinds of event sets: many events in date order, few by their keys', () => {
    const plan = (filter: PhotoFilter) =>
      buildPhotoQuery(db, filter, { sort: 'takenAt', order: 'desc' }).arms;
    expect(plan({ organisationId: ids.omega })).toBeNull();
    expect(plan({ organisationId: ids.sigma })).toHaveLength(1);
    expect(plan({ projectId: ids.kappa, search: 'delta dsc' })!.length).toBeGreaterThan(1);
  });

  it('reads stars, flags and labels from their (value, key) indexes', () => {
    for (const [filter, index] of [
      [{ minRating: 4 }, 'photos_rating_key'],
      [{ flag: 'pick' }, 'photos_flag_key'],
      [{ label: 'red' }, 'photos_label_key'],
    ] as const) {
      const built = buildPhotoQuery(db, filter, { sort: 'takenAt', order: 'desc' });
      const { text, params } = renderPhotoQuery(built, { select: 'SELECT p.id', limit: 200 });
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
      expect(plan, index).toContain(`USING COVERING INDEX ${index} (<expr>=?)`);
      expect(plan, index).not.toMatch(/SCAN p\b(?! USING)/);
    }
  });

  it('finds what the model finds, page after page, in both orders', () => {
    let nonEmpty = 0;
    for (const [name, filter] of filters())
      for (const search of searches)
        for (const order of ['asc', 'desc'] as const) {
          const query = { ...filter, search };
          const want = expected(query, order);
          if (want.length) nonEmpty++;
          expect(paged(query, order), `${name} "${search ?? ''}" ${order}`).toEqual(want);
          const listed = photoIds(db, query, { sort: 'takenAt', order });
          expect(listed.ids).toEqual(want);
          // Day groups, from the keys or the rows: each day's run of the list, in order.
          const days: { key: string; start: number; count: number }[] = [];
          want.forEach((id, i) => {
            const day = photos.find((p) => p.id === id)!.takenAt.slice(0, 10);
            if (days.at(-1)?.key === day) days.at(-1)!.count++;
            else days.push({ key: day, start: i, count: 1 });
          });
          expect(listed.groups).toEqual(days);
          expect(countPhotos(db, query)).toBe(want.length);
        }
    // Most combinations find something: the model is not comparing empty lists.
    expect(nonEmpty).toBeGreaterThan(150);
  });
});
