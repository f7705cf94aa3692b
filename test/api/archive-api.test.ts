import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, dispatch } from '../../electron/api/dispatch';
import { createKadarApi, type KadarApi } from '../../electron/api/kadar-api';
import type { EventPayload, MethodInput, MethodName } from '../../shared/api/contract';
import type { MethodOutput } from '../../shared/api/contract';
import { snapshotFiles } from '../helpers/originals';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

const sample = fileURLToPath(new URL('../../assets/sample/', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/archive/', import.meta.url));
const news = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../archive/news-items/${name}`, import.meta.url)), 'utf8');
const agenda = join(sample, 'documents/agenda-cluster-training-nis.pdf');
const invitation = join(sample, 'documents/invitation-fashion-show-stip.pdf');
const infoDays = news('info-days-vranje-leskovac.html');
const stip = ['DSC_2208.JPG', 'DSC_2211.JPG', 'IMG_5218.JPG'];
const nis2015 = ['DSC_0412.JPG', 'DSC_0415.JPG', 'IMG_20151120_101530.jpg'];
const nis2017 = ['DSC_7001.JPG', 'IMG_2682.HEIC'];

let library: string; // a copy of the sample photos, with a PDF inside (to link in place)
let template: string; // that library indexed; every describe starts from a copy of it
let api: KadarApi;
let dir: string;
let changes: EventPayload<'catalog.changed'>[] = [];

async function indexedApi(catalogPath: string, folder?: string): Promise<KadarApi> {
  const made = createKadarApi({ catalogPath, threads: 2 });
  made.onEvent((name, payload) => {
    if (name === 'catalog.changed') changes.push(payload as EventPayload<'catalog.changed'>);
  });
  if (folder) {
    const { rootId } = await callApi(made.handlers, 'roots.add', { path: folder });
    await callApi(made.handlers, 'index.start', { rootIds: [rootId] });
    await made.indexing.idle();
  }
  return made;
}

beforeAll(async () => {
  library = join(tempDir(), 'library');
  cpSync(join(sample, 'photos'), library, { recursive: true, preserveTimestamps: true });
  mkdirSync(join(library, 'Documents'));
  copyFileSync(agenda, join(library, 'Documents/agenda.pdf'));
  template = join(tempDir(), 'catalog.sqlite');
  await (await indexedApi(template, library)).close();
});
afterAll(removeTempDirs);

/** Each describe works on its own copy of the indexed sample catalog. */
function freshCatalog(): void {
  beforeAll(async () => {
    dir = tempDir();
    for (const suffix of ['', '-wal'])
      if (existsSync(template + suffix))
        copyFileSync(template + suffix, join(dir, `catalog.sqlite${suffix}`));
    api = await indexedApi(join(dir, 'catalog.sqlite'));
    changes = [];
  });
  afterAll(() => api.close());
}

const call = <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> =>
  callApi(api.handlers, method, input);
const photo = (name: string) =>
  (api.db.prepare('SELECT id FROM photos WHERE file_name = ?').get(name) as { id: number }).id;
const photos = (names: string[]) => names.map(photo);
const find = async (filter: MethodInput<'photos.ids'>) =>
  (await call('photos.ids', { ...filter, sort: 'takenAt', order: 'asc' })).ids;
const getEvent = (id: number) => call('events.get', { id });
const lastLabel = async () => (await call('history.list', { limit: 1 }))[0]?.label;
const upload = (
  owner: { eventId: number } | { projectId: number },
  fileName: string,
  text: string,
) =>
  call('documents.attach', { owner, sources: [{ fileName, dataBase64: base64(text) }] }).then(
    ([document]) => document!,
  );
const eventOf = async (name: string) => (await call('photos.get', { ids: [photo(name)] }))[0]!;
const takeChanges = () => changes.splice(0);
const storedFiles = () => {
  const documents = join(dir, 'catalog-documents');
  return existsSync(documents) ? [...snapshotFiles([documents]).keys()] : [];
};
const base64 = (text: string) => Buffer.from(text).toString('base64');

/** Everything an edit may change, as rows. */
const rows = () =>
  Object.fromEntries(
    ['events', 'projects', 'organisations', 'project_events', 'project_partners', 'documents']
      .concat(['document_text', 'photos'])
      .map((t) => [
        t,
        api.db
          .prepare(`SELECT ${t === 'photos' ? 'id, event_id' : '*'} FROM ${t} ORDER BY 1, 2`)
          .all(),
      ]),
  );

/** Refused with `{ code, message }` naming `field`, and nothing changed, history included. */
async function refused(method: MethodName, input: unknown, code: string, field: string) {
  const [before, history] = [rows(), await call('history.list', {})];
  takeChanges();
  const result = await dispatch(api.handlers, method, input);
  expect(result, `${method} ${JSON.stringify(input)}`).toEqual({
    ok: false,
    error: { code, message: expect.stringContaining(field) as string },
  });
  expect(rows()).toEqual(before);
  expect(await call('history.list', {})).toEqual(history);
  expect(takeChanges()).toEqual([]);
}

describe('events', () => {
  freshCatalog();
  let show: MethodOutput<'events.create'>;
  let training: MethodOutput<'events.create'>;

  it('suggests events for the photos in none, titled and placed by their folders', async () => {
    const suggested = async () =>
      (await call('events.suggest', {})).map((s) => [s.startsOn, s.title, s.city, s.photoIds]);
    expect(await suggested()).toEqual([
      ['2015-11-19', 'Niš training', 'Niš', photos(nis2015.slice(0, 2))],
      ['2015-11-20', 'Niš training', 'Niš', photos(nis2015.slice(2))],
      ['2015-11-24', 'Furniture-RE Vranje', 'Vranje', photos(['DSC_1120.JPG'])],
      ['2015-11-25', 'Furniture-RE Leskovac', 'Leskovac', photos(['P1000123.JPG'])],
      ['2015-11-28', 'Modna revija Štip', 'Štip', photos(stip)],
      ['2017-12-28', 'Skupština Niš', 'Niš', photos(nis2017)],
    ]);
    await call('events.create', {
      title: 'Show',
      startsOn: '2015-11-28',
      photoIds: [photo(stip[0]!)],
    });
    expect((await suggested()).find((s) => s[0] === '2015-11-28')![3]).toEqual(
      photos(stip.slice(1)),
    );
    await call('history.undo', {});
  });

  it('creates an event with its photos and projects, gets and lists it', async () => {
    const project = await call('projects.create', { name: 'Textile', code: 'TX-1' });
    const organiser = await call('organisations.create', { name: 'Textile Cluster' });
    show = await call('events.create', {
      ...{ title: 'Fashion show', startsOn: '2015-11-28', venue: 'Cultural Centre', city: 'Štip' },
      ...{ country: 'North Macedonia', organiserId: organiser.id },
      ...{ photoIds: photos(stip), projectIds: [project.id] },
    });
    expect(show).toEqual({
      ...{ id: show.id, title: 'Fashion show', startsOn: '2015-11-28', endsOn: null },
      ...{ startTime: null, endTime: null, venue: 'Cultural Centre', city: 'Štip' },
      ...{ country: 'North Macedonia', organiserId: organiser.id, organiser: 'Textile Cluster' },
      ...{ description: null, coverPhotoId: photo('DSC_2208.JPG'), photoCount: 3 },
      ...{ projectIds: [project.id], documents: [] },
    });
    expect(await getEvent(show.id)).toEqual(show);
    training = await call('events.create', {
      ...{ title: 'Cluster training', startsOn: '2015-11-19', endsOn: '2015-11-20', city: 'Niš' },
      photoIds: photos(nis2015),
    });
    expect(await eventOf('DSC_2211.JPG')).toMatchObject({
      eventId: show.id,
      eventTitle: 'Fashion show',
      projectIds: [project.id],
    });
    const titles = async (input: MethodInput<'events.list'>) =>
      (await call('events.list', input)).map((e) => e.title);
    expect(await titles({})).toEqual(['Cluster training', 'Fashion show']);
    expect(await titles({ projectId: project.id })).toEqual(['Fashion show']);
    expect(await titles({ organisationId: organiser.id })).toEqual(['Fashion show']);
    expect(await titles({ search: 'Штип' })).toEqual(['Fashion show']);
    expect(await titles({ search: 'stip' })).toEqual(['Fashion show']);
    expect(await titles({ search: 'Ниш' })).toEqual(['Cluster training']);
    expect(await titles({ search: 'Textile' })).toEqual(['Fashion show']);
    expect(await titles({ search: 'Vranje' })).toEqual([]);
  });

  it('updates only the fields of a patch', async () => {
    const updated = await call('events.update', {
      id: show.id,
      patch: { endsOn: '2015-11-29', description: 'Young designers' },
    });
    expect(updated).toEqual({ ...show, endsOn: '2015-11-29', description: 'Young designers' });
    expect(await lastLabel()).toBe('Edit event “Fashion show”');
  });

  it('puts a photo in one event at most, and null takes photos out', async () => {
    const moved = photo('DSC_2208.JPG');
    expect(await call('events.assignPhotos', { eventId: training.id, photoIds: [moved] })).toEqual({
      changed: 1,
    });
    expect((await getEvent(show.id)).photoCount).toBe(2);
    expect((await getEvent(training.id)).photoCount).toBe(4);
    expect((await eventOf('DSC_2208.JPG')).eventId).toBe(training.id);
    expect(await call('events.assignPhotos', { eventId: null, photoIds: [moved] })).toEqual({
      changed: 1,
    });
    expect(await eventOf('DSC_2208.JPG')).toMatchObject({ eventId: null, eventTitle: null });
    expect((await getEvent(training.id)).photoCount).toBe(3);
    const steps = (await call('history.list', {})).length;
    expect(await call('events.assignPhotos', { eventId: null, photoIds: [moved] })).toEqual({
      changed: 0,
    });
    expect(await call('history.list', {})).toHaveLength(steps);
  });

  it('splits photos off into a new event like it, and merges events back', async () => {
    const split = await call('events.split', {
      ...{ id: show.id, photoIds: [photo('IMG_5218.JPG')], title: 'After the show' },
    });
    expect(split).toMatchObject({
      ...{
        title: 'After the show',
        startsOn: '2015-11-28',
        endsOn: null,
        venue: 'Cultural Centre',
      },
      ...{ city: 'Štip', organiserId: show.organiserId, projectIds: show.projectIds },
      photoCount: 1,
    });
    expect((await getEvent(show.id)).photoCount).toBe(1);
    await refused(
      'events.split',
      { id: show.id, photoIds: [photo('DSC_1120.JPG')] },
      'INVALID_INPUT',
      'photoIds',
    );

    // The split-off event moves to another day, joins a second project and gets a document.
    const second = await call('projects.create', { name: 'Fashion Bridge' });
    await call('events.update', { id: split.id, patch: { startsOn: '2015-12-02' } });
    await call('projects.linkEvents', { projectId: second.id, eventIds: [split.id] });
    const notes = await upload({ eventId: split.id }, 'notes.txt', 'Notes from the show');
    const merged = await call('events.merge', { targetId: show.id, sourceIds: [split.id] });
    expect(merged).toMatchObject({
      ...{ title: 'Fashion show', startsOn: '2015-11-28', endsOn: '2015-12-02', photoCount: 2 },
      projectIds: expect.arrayContaining([...show.projectIds, second.id]) as number[],
      documents: [{ id: notes.id, title: 'notes', fileName: 'notes.txt', mime: 'text/plain' }],
    });
    expect(merged.projectIds).toHaveLength(2);
    expect((await eventOf('IMG_5218.JPG')).eventId).toBe(show.id);
    expect(await dispatch(api.handlers, 'events.get', { id: split.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await lastLabel()).toBe('Merge 2 events into “Fashion show”');
  });

  it('deletes an event; its photos stay, in no event', async () => {
    expect(await call('events.delete', { id: training.id })).toEqual({ deleted: true });
    expect((await call('events.list', {})).map((e) => e.id)).toEqual([show.id]);
    const left = await call('photos.get', { ids: photos(nis2015) });
    expect(left.map((p) => [p.fileName, p.eventId])).toEqual(nis2015.map((n) => [n, null]));
    expect((await call('catalog.stats', {})).photos).toBe(10);
  });
});

describe('bad input gives { code, message } naming the field and changes nothing', () => {
  freshCatalog();
  let event: number;
  beforeAll(async () => {
    event = (await call('events.create', { title: 'Show', startsOn: '2015-11-28' })).id;
    await call('projects.create', { name: 'Textile', code: 'TX-1' });
    expect(event).toBe(1); // as bad-input.json expects
  });

  const { cases } = JSON.parse(readFileSync(join(fixtures, 'bad-input.json'), 'utf8')) as {
    cases: [MethodName, unknown, string, string][];
  };
  it.each(cases)('%s %j', (method, input, code, field) => refused(method, input, code, field));

  it('refuses documents that cannot be read or linked, and news without a date', async () => {
    const attach = (source: object) => ({ owner: { eventId: event }, sources: [source] });
    const truncated = join(dir, 'truncated.pdf');
    writeFileSync(truncated, readFileSync(invitation).subarray(0, 400));
    const outside = join(dir, 'outside.pdf');
    copyFileSync(agenda, outside);
    const nowhere = join(dir, 'nowhere.pdf');
    await refused(
      'documents.attach',
      attach({ path: nowhere }),
      'FILE_UNREADABLE',
      'sources[0].path',
    );
    await refused('documents.attach', attach({ path: dir }), 'INVALID_INPUT', 'sources[0].path');
    await refused('documents.attach', attach({ path: truncated }), 'DOCUMENT_UNREADABLE', 'PDF');
    const link = attach({ path: outside, link: true });
    await refused('documents.attach', link, 'INVALID_INPUT', 'sources[0].link');
    expect(storedFiles()).toEqual([]);
    await refused('news.import', { text: news('no-date.txt') }, 'INVALID_INPUT', 'text');
    await refused(
      'news.import',
      { text: news('assembly-no-year.txt') },
      'INVALID_INPUT',
      'startsOn',
    );
    const badDay = { text: infoDays, events: [{ title: 'Info day', startsOn: '2015-02-29' }] };
    await refused('news.import', badDay, 'INVALID_INPUT', 'startsOn');
  });

  it('refuses a file named .pdf that is not a PDF (DOCUMENT_UNREADABLE)', async () => {
    const source = { path: join(fixtures, 'not-a-pdf.pdf') };
    await refused(
      'documents.attach',
      { owner: { eventId: event }, sources: [source] },
      'DOCUMENT_UNREADABLE',
      'not-a-pdf.pdf',
    );
  });
});

describe('projects and organisations', () => {
  freshCatalog();
  let house: MethodOutput<'organisations.create'>;
  let project: MethodOutput<'projects.create'>;
  const events: Record<string, number> = {};
  beforeAll(async () => {
    house = await call('organisations.create', { name: 'Cluster House', country: 'Serbia' });
    // One town in three scripts and spellings, and one other; created out of date order.
    for (const [key, startsOn, city, names] of [
      ['assembly', '2017-12-28', 'Ниш', nis2017],
      ['training', '2015-11-19', 'Niš', nis2015.slice(0, 2)],
      ['day2', '2015-11-20', 'Nis', nis2015.slice(2)],
      ['vranje', '2015-11-24', 'Vranje', ['DSC_1120.JPG']],
    ] as const)
      events[key] = (
        await call('events.create', { title: key, startsOn, city, photoIds: photos([...names]) })
      ).id;
  });

  it('creates a project with partners by id and by name, found or made', async () => {
    project = await call('projects.create', {
      ...{ name: 'Balkan Cluster', code: 'BC-1', programme: 'IPA Bulgaria–Serbia' },
      ...{ startsOn: '2015-03-01', endsOn: '2016-08-31' },
      partners: [
        { organisationId: house.id, role: 'lead' },
        { name: 'Business Support Centre Kyustendil', country: 'Bulgaria' },
      ],
      eventIds: [events.vranje!, events.assembly!, events.training!, events.day2!],
    });
    const kyustendil = (await call('organisations.list', {})).find((o) =>
      o.name.startsWith('Business'),
    )!;
    expect(project).toEqual({
      ...{ id: project.id, name: 'Balkan Cluster', code: 'BC-1', programme: 'IPA Bulgaria–Serbia' },
      ...{ startsOn: '2015-03-01', endsOn: '2016-08-31', description: null, documents: [] },
      ...{ creator: null, credit: null, copyright: null },
      partners: [
        {
          organisationId: house.id,
          name: house.name,
          shortName: null,
          role: 'lead',
          country: 'Serbia',
        },
        {
          organisationId: kyustendil.id,
          name: kyustendil.name,
          shortName: null,
          role: 'partner',
          country: 'Bulgaria',
        },
      ],
      eventIds: [events.training, events.day2, events.vranje, events.assembly],
      photoCount: 6,
    });
    expect(await call('projects.list', {})).toEqual([project]);
    expect(await call('projects.get', { id: project.id })).toEqual(project);
  });

  it('replaces the partners, finding organisations whatever the spelling', async () => {
    const updated = await call('projects.update', {
      id: project.id,
      patch: { description: 'Clusters across the border' },
      partners: [
        { name: 'BUSINESS SUPPORT CENTRE KYUSTENDIL', role: 'lead' },
        { name: 'Textile Cluster', country: 'North Macedonia', role: 'associate' },
      ],
    });
    expect(updated.partners.map((p) => [p.name, p.role, p.country])).toEqual([
      ['Business Support Centre Kyustendil', 'lead', 'Bulgaria'],
      ['Textile Cluster', 'associate', 'North Macedonia'],
    ]);
    expect(updated.description).toBe('Clusters across the border');
    expect((await call('organisations.list', {})).map((o) => o.name)).toEqual([
      'Business Support Centre Kyustendil',
      'Cluster House',
      'Textile Cluster',
    ]);
    expect(await lastLabel()).toBe('Edit project “Balkan Cluster”');
  });

  it('tells the timeline: events in date order, and Niš, Nis and Ниш as one town', async () => {
    await upload({ projectId: project.id }, 'report.txt', 'Final report');
    await upload({ eventId: events.vranje! }, 'list.txt', 'Participants');
    const timeline = await call('projects.timeline', { id: project.id });
    expect(timeline.events.map((e) => [e.startsOn, e.city])).toEqual([
      ['2015-11-19', 'Niš'],
      ['2015-11-20', 'Nis'],
      ['2015-11-24', 'Vranje'],
      ['2017-12-28', 'Ниш'],
    ]);
    expect(timeline.totals).toEqual({ events: 4, photos: 6, documents: 2, towns: 2, partners: 2 });
    expect(timeline.project).toEqual(await call('projects.get', { id: project.id }));

    const unlinked = await call('projects.unlinkEvents', {
      projectId: project.id,
      eventIds: [events.vranje!],
    });
    expect(unlinked).toMatchObject({ eventIds: [events.training, events.day2, events.assembly] });
    expect((await getEvent(events.vranje!)).projectIds).toEqual([]);
    expect((await call('projects.timeline', { id: project.id })).totals).toEqual({
      ...{ events: 3, photos: 5, documents: 1, towns: 1, partners: 2 },
    });
    await call('projects.linkEvents', { projectId: project.id, eventIds: [events.vranje!] });
    expect((await getEvent(events.vranje!)).projectIds).toEqual([project.id]);
    const labels = (await call('history.list', { limit: 2 })).map((s) => s.label);
    expect(labels).toEqual([
      'Add 1 event to “Balkan Cluster”',
      'Remove 1 event from “Balkan Cluster”',
    ]);
  });

  it('lists organisations with their events and projects; renaming one renames its photos', async () => {
    await call('events.update', { id: events.assembly!, patch: { organiserId: house.id } });
    await call('events.update', { id: events.training!, patch: { organiserId: house.id } });
    await call('projects.update', {
      id: project.id,
      patch: {},
      partners: [{ organisationId: house.id, role: 'lead' }],
    });
    expect(await call('organisations.get', { id: house.id })).toEqual({
      ...{ id: house.id, name: 'Cluster House', shortName: null, city: null, country: 'Serbia' },
      ...{ website: null, eventIds: [events.training, events.assembly], projectIds: [project.id] },
    });
    const zornica = await call('organisations.create', { name: 'Zornica Association' });
    await call('events.update', { id: events.vranje!, patch: { organiserId: zornica.id } });
    expect(await find({ search: 'Zornica' })).toEqual(photos(['DSC_1120.JPG']));
    const renamed = await call('organisations.update', {
      id: zornica.id,
      patch: { name: 'Vidikovac Society' },
    });
    expect(renamed).toMatchObject({ name: 'Vidikovac Society', eventIds: [events.vranje] });
    expect(await find({ search: 'Zornica' })).toEqual([]);
    expect(await find({ search: 'Видиковац' })).toEqual(photos(['DSC_1120.JPG']));
    const found = async (search: string) =>
      (await call('events.list', { search })).map((e) => e.id);
    expect([await found('Zornica'), await found('Vidikovac')]).toEqual([[], [events.vranje]]);
    expect((await getEvent(events.vranje!)).organiser).toBe('Vidikovac Society');
  });

  it('deletes an organisation (events keep no organiser) and a project (events stay)', async () => {
    expect(await call('organisations.delete', { id: house.id })).toEqual({ deleted: true });
    expect(await getEvent(events.training!)).toMatchObject({
      organiserId: null,
      organiser: null,
      photoCount: 2,
    });
    expect((await call('projects.get', { id: project.id })).partners).toEqual([]);
    expect(await call('projects.delete', { id: project.id })).toEqual({ deleted: true });
    const left = await call('events.list', {});
    expect(left.map((e) => [e.title, e.projectIds, e.photoCount])).toEqual([
      ['training', [], 2],
      ['day2', [], 1],
      ['vranje', [], 1],
      ['assembly', [], 2],
    ]);
    expect(await call('projects.list', {})).toEqual([]);
  });
});

describe('documents', () => {
  freshCatalog();
  const originals = snapshotFiles([join(sample, 'documents')]);
  afterAll(() => expect(snapshotFiles([join(sample, 'documents')])).toEqual(originals));
  let show: number;
  let copied: MethodOutput<'documents.attach'>[number];
  beforeAll(async () => {
    show = (await call('events.create', { title: 'Show', startsOn: '2015-11-28' })).id;
  });

  it('copies a PDF into the documents folder; its words find the event photos', async () => {
    const vranje = await call('events.create', {
      ...{ title: 'Info day', startsOn: '2015-11-24', photoIds: photos(['DSC_1120.JPG']) },
    });
    expect(await find({ search: 'Balkan' })).toEqual([]);
    [copied] = (await call('documents.attach', {
      owner: { eventId: vranje.id },
      sources: [{ path: agenda }],
    })) as [MethodOutput<'documents.attach'>[number]];
    expect(copied).toMatchObject({
      ...{ title: 'agenda-cluster-training-nis', fileName: 'agenda-cluster-training-nis.pdf' },
      ...{ mime: 'application/pdf', fileSize: statSync(agenda).size, pageCount: 1 },
      ...{ storage: 'copy', eventId: vranje.id, projectId: null },
    });
    expect(copied.path.startsWith(join(dir, 'catalog-documents') + sep)).toBe(true);
    expect(readFileSync(copied.path)).toEqual(readFileSync(agenda));
    expect(await find({ search: 'Balkan' })).toEqual(photos(['DSC_1120.JPG']));
    expect(await find({ search: 'Балкан' })).toEqual(photos(['DSC_1120.JPG']));
    const file = (await api.documentFile('file', copied.id))!;
    expect(file).toMatchObject({ path: copied.path, mime: 'application/pdf' });
    expect(readFileSync(file.path)).toEqual(readFileSync(agenda));
    const thumb = (await api.documentFile('thumb', copied.id))!;
    expect(thumb.mime).toBe('image/jpeg');
    const { format, width = 0, height = 0 } = await sharp(thumb.path).metadata();
    expect([format, Math.max(width, height)]).toEqual(['jpeg', 320]);
    expect(await api.documentFile('file', 999)).toBeNull();
  });

  it('links a file inside a library folder in place, and refuses one outside', async () => {
    const inside = join(library, 'Documents/agenda.pdf');
    const [linked] = (await call('documents.attach', {
      ...{ owner: { eventId: show }, title: 'Agenda' },
      sources: [{ path: inside, link: true }],
    })) as [MethodOutput<'documents.attach'>[number]];
    expect(linked).toMatchObject({ title: 'Agenda', storage: 'link', path: inside, eventId: show });
    expect((await api.documentFile('file', linked.id))!.path).toBe(inside);
    await refused(
      'documents.attach',
      { owner: { eventId: show }, sources: [{ path: agenda, link: true }] },
      'INVALID_INPUT',
      'sources[0].link',
    );
  });

  it('attaches dropped bytes, lists, renames, removes and brings back by undo', async () => {
    const text = 'Minutes of the fashion show\n';
    const minutes = await upload({ eventId: show }, 'minutes.txt', text);
    expect(minutes).toMatchObject({
      title: 'minutes',
      fileName: 'minutes.txt',
      mime: 'text/plain',
    });
    expect(readFileSync(minutes.path, 'utf8')).toBe(text);
    expect(readdirSync(join(dir, 'catalog-documents/.incoming'))).toEqual([]);
    expect(await api.documentFile('thumb', minutes.id)).toBeNull();
    const listed = await call('documents.list', { eventId: show });
    expect(listed.map((d) => [d.title, d.storage])).toEqual([
      ['Agenda', 'link'],
      ['minutes', 'copy'],
    ]);
    const renamed = await call('documents.rename', { id: minutes.id, title: 'Minutes' });
    expect(renamed).toEqual({ ...minutes, title: 'Minutes' });
    expect((await getEvent(show)).documents).toEqual([
      { id: listed[0]!.id, title: 'Agenda', fileName: 'agenda.pdf', mime: 'application/pdf' },
      { id: minutes.id, title: 'Minutes', fileName: 'minutes.txt', mime: 'text/plain' },
    ]);
    expect(await call('documents.remove', { id: minutes.id })).toEqual({ removed: true });
    expect((await call('documents.list', { eventId: show })).map((d) => d.id)).toEqual([
      listed[0]!.id,
    ]);
    expect(await api.documentFile('file', minutes.id)).toBeNull();
    expect((await call('history.undo', {})).step?.label).toBe('Remove “Minutes”');
    expect(await call('documents.list', { eventId: show })).toEqual([listed[0], renamed]);
    expect(readFileSync((await api.documentFile('file', minutes.id))!.path, 'utf8')).toBe(text);
  });

  it('makes a PDF thumbnail again after the cache folder is deleted', async () => {
    rmSync(api.cacheDir, { recursive: true, force: true });
    const thumb = await api.documentFile('thumb', copied.id);
    expect(thumb).not.toBeNull();
    expect((await sharp(thumb!.path).metadata()).format).toBe('jpeg');
  });
});

describe('photo filters by event, project, organisation and none', () => {
  freshCatalog();
  const f: Record<string, number> = {};
  beforeAll(async () => {
    f.textile = (await call('organisations.create', { name: 'Textile Cluster' })).id;
    f.house = (await call('organisations.create', { name: 'Cluster House' })).id;
    f.show = (
      await call('events.create', {
        title: 'Show',
        startsOn: '2015-11-28',
        photoIds: photos(stip),
        organiserId: f.textile,
      })
    ).id;
    f.training = (
      await call('events.create', {
        title: 'Training',
        startsOn: '2015-11-19',
        photoIds: photos(nis2015),
      })
    ).id;
    f.vranje = (
      await call('events.create', {
        title: 'Info day',
        startsOn: '2015-11-24',
        photoIds: photos(['DSC_1120.JPG']),
      })
    ).id;
    f.project = (
      await call('projects.create', {
        name: 'Balkan Cluster',
        partners: [{ organisationId: f.house }],
        eventIds: [f.training],
      })
    ).id;
  });

  it('selects the photos of an event, a project, an organisation, or of none', async () => {
    expect(await find({ eventId: f.show! })).toEqual(photos(stip));
    expect(await find({ projectId: f.project! })).toEqual(photos(nis2015));
    expect(await find({ organisationId: f.textile! })).toEqual(photos(stip));
    expect(await find({ organisationId: f.house! })).toEqual(photos(nis2015));
    expect(await find({ noEvent: true })).toEqual(photos(['P1000123.JPG', ...nis2017]));
    expect(await find({ noEvent: false })).toEqual(photos([...nis2015, 'DSC_1120.JPG', ...stip]));
  });

  it('finds photos by their own words and their event’s together, page after page', async () => {
    // "Show" and "Textile" are the event's and its organiser's, "IMG"/"DSC" the photos' own.
    expect(await find({ search: 'show img' })).toEqual(photos(['IMG_5218.JPG']));
    expect(await find({ search: 'textile dsc' })).toEqual(photos(stip.slice(0, 2)));
    // The project's name and its partner's are said by the training's event.
    expect(await find({ search: 'balkan house img' })).toEqual(photos([nis2015[2]!]));
    expect(await find({ search: 'show training' })).toEqual([]);
    // Every photo of the two events (the Textile Cluster's and the Cluster House's project's),
    // and any whose own text says "cluster".
    const all = await find({ search: 'cluster' });
    expect(all).toEqual(expect.arrayContaining(photos([...nis2015, ...stip])));
    // A page of one photo at a time walks both sources in date order, each photo once.
    for (const order of ['asc', 'desc'] as const) {
      const walked: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await call('photos.page', {
          search: 'cluster',
          sort: 'takenAt',
          order,
          limit: 1,
          cursor,
        });
        walked.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(walked).toEqual(order === 'asc' ? all : [...all].reverse());
    }
    const days = await call('photos.days', { search: 'cluster' });
    expect(days.reduce((n, d) => n + d.count, 0)).toBe(all.length);
  });

  it('combines them with search and dates', async () => {
    expect(await find({ eventId: f.show!, search: 'designers' })).toEqual(photos(['IMG_5218.JPG']));
    expect(await find({ noEvent: true, search: 'Ниш' })).toEqual(photos(nis2017));
    expect(await find({ noEvent: true, to: '2015' })).toEqual(photos(['P1000123.JPG']));
    expect(await find({ noEvent: false, search: 'Лесковац' })).toEqual([]);
    expect(await find({ projectId: f.project!, from: '2015-11-20' })).toEqual(
      photos(nis2015.slice(2)),
    );
    expect(await find({ organisationId: f.textile!, search: 'Balkan' })).toEqual([]);
    expect(
      await find({ noEvent: false, search: 'Balkan', from: '2015-11', to: '2015-11-19' }),
    ).toEqual(photos(nis2015.slice(0, 2)));
    const page = await call('photos.page', {
      projectId: f.project!,
      sort: 'takenAt',
      order: 'asc',
    });
    expect(page.items.map((p) => [p.fileName, p.eventId, p.eventTitle, p.projectIds])).toEqual(
      nis2015.map((n) => [n, f.training, 'Training', [f.project]]),
    );
    expect(await call('photos.days', { noEvent: true })).toEqual([
      { day: '2015-11-25', count: 1 },
      { day: '2017-12-28', count: 2 },
    ]);
  });
});

describe('the edit history', () => {
  freshCatalog();
  const { steps } = JSON.parse(readFileSync(join(fixtures, 'history-steps.json'), 'utf8')) as {
    steps: [MethodName, unknown, string, string[]][];
  };
  const made: number[] = [];
  /** history-steps.json's references, made real. */
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (!value || typeof value !== 'object') return value;
    const ref = value as Record<string, unknown>;
    if ('step' in ref) return made[ref.step as number];
    if ('photos' in ref) return photos(ref.photos as string[]);
    if ('sample' in ref) return join(sample, ref.sample as string);
    if ('news' in ref) return news(ref.news as string);
    if ('base64' in ref) return base64(ref.base64 as string);
    return Object.fromEntries(Object.entries(ref).map(([k, v]) => [k, resolve(v)]));
  };
  /** The rows, and what searches find, which undo and redo must restore too. */
  const state = async () => ({
    rows: rows(),
    found: await Promise.all(
      ['Textile', 'Kyustendil', 'show', 'Štip', 'invitation'].map((search) => find({ search })),
    ),
    events: await call('events.list', { search: 'show' }),
  });
  const changed = () => takeChanges().map((c) => ({ ...c, kinds: [...c.kinds].sort() }));
  const kindsOf = (kinds: string[]) => [...kinds, 'history'].sort();
  const states: Awaited<ReturnType<typeof state>>[] = [];

  it('makes each edit one step, labelled, and says what changed', async () => {
    states.push(await state());
    for (const [i, [method, input, label, kinds]] of steps.entries()) {
      takeChanges();
      const result = await dispatch(api.handlers, method, resolve(input));
      expect(result.ok, label).toBe(true);
      // A call that makes several things (documents.attach) answers a list: the first is kept.
      const value = (result as { value: { id?: number } | { id?: number }[] }).value;
      made.push((Array.isArray(value) ? value[0]?.id : value.id) ?? 0);
      const [step] = await call('history.list', { limit: 1 });
      expect(step, label).toMatchObject({ id: i + 1, label, undone: false });
      expect(changed(), label).toEqual([{ reason: 'edit', kinds: kindsOf(kinds) }]);
      const after = await state();
      expect(after, label).not.toEqual(states.at(-1));
      states.push(after);
    }
  });

  it('undoes every step back to the start, exactly, and redoes them all', async () => {
    for (let i = steps.length - 1; i >= 0; i--) {
      const [, , label, kinds] = steps[i]!;
      const undone = await call('history.undo', {});
      expect(undone, label).toEqual({
        step: { id: i + 1, label },
        kinds: expect.any(Array) as unknown[],
      });
      expect(changed(), label).toEqual([{ reason: 'undo', kinds: kindsOf(kinds) }]);
      expect(await state(), `undo ${label}`).toEqual(states[i]);
    }
    expect(await call('history.undo', {})).toEqual({ step: null, kinds: [] });
    expect((await call('history.list', {})).map((s) => s.undone)).toEqual(steps.map(() => true));
    for (const [i, [, , label, kinds]] of steps.entries()) {
      expect((await call('history.redo', {})).step, label).toEqual({ id: i + 1, label });
      expect(changed(), label).toEqual([{ reason: 'redo', kinds: kindsOf(kinds) }]);
      expect(await state(), `redo ${label}`).toEqual(states[i + 1]);
    }
    expect(await call('history.redo', {})).toEqual({ step: null, kinds: [] });
    expect(takeChanges()).toEqual([]);
  });

  it('drops the undone steps when a new edit is made', async () => {
    await call('history.undo', {});
    await call('organisations.create', { name: 'New' });
    expect(await call('history.redo', {})).toEqual({ step: null, kinds: [] });
    const labels = (await call('history.list', { limit: 2 })).map((s) => [s.label, s.undone]);
    expect(labels).toEqual([
      ['Create organisation “New”', false],
      ['Delete project “Textile”', false],
    ]);
  });
});

describe('news items', () => {
  freshCatalog();
  const vranjeLeskovac = [
    {
      title: 'Info days on the new call for proposals – Vranje',
      startsOn: '2015-11-24',
      endsOn: null,
      venue: 'City Hall',
      city: 'Vranje',
    },
    {
      title: 'Info days on the new call for proposals – Leskovac',
      startsOn: '2015-11-25',
      endsOn: null,
      venue: 'Chamber of Commerce',
      city: 'Leskovac',
    },
  ];

  it('reads an item: its two events and its listed photos, whatever their case', async () => {
    const before = rows();
    const reading = await call('news.read', { text: infoDays });
    expect(reading).toMatchObject({
      title: 'Info days on the new call for proposals',
      events: vranjeLeskovac,
      photos: {
        linked: [
          { name: 'dsc_2208.jpg', photoId: photo('DSC_2208.JPG') },
          { name: 'IMG_5218.JPG', photoId: photo('IMG_5218.JPG') },
        ],
        unmatched: ['dsc_2210.jpg'],
        ambiguous: [],
      },
      needsYear: false,
    });
    expect(rows()).toEqual(before);
  });

  it('imports it once: a second import makes nothing new', async () => {
    const made = await call('news.import', { text: infoDays });
    expect(made).toEqual({
      eventIds: [expect.any(Number), expect.any(Number)] as number[],
      linked: photos(['DSC_2208.JPG', 'IMG_5218.JPG']),
      unmatched: ['dsc_2210.jpg'],
      ambiguous: [],
    });
    const events = await call('events.list', {});
    expect(events.map((e) => e.id)).toEqual(made.eventIds);
    expect(events).toMatchObject(vranjeLeskovac);
    // The listed photos were taken on the 28th: they go to the nearest event, Leskovac's.
    expect((await eventOf('IMG_5218.JPG')).eventId).toBe(made.eventIds[1]);
    expect((await eventOf('DSC_2208.JPG')).eventId).toBe(made.eventIds[1]);
    const [before, history] = [rows(), await call('history.list', {})];
    expect(history.map((s) => s.label)).toEqual([
      'Import the news “Info days on the new call for proposals”',
    ]);
    expect(await call('news.import', { text: infoDays })).toEqual(made);
    expect([rows(), await call('history.list', {})]).toEqual([before, history]);
  });

  it('dates an item without a year by its listed photos', async () => {
    const text = readFileSync(join(fixtures, 'fashion-show-no-year.txt'), 'utf8');
    const reading = await call('news.read', { text });
    expect(reading).toMatchObject({
      events: [{ startsOn: '2015-11-28', city: 'Štip' }],
      needsYear: false,
    });
    const made = await call('news.import', { text });
    expect(made.linked).toEqual(photos(['DSC_2211.JPG', 'IMG_5218.JPG']));
    expect(await getEvent(made.eventIds[0]!)).toMatchObject({
      ...{ title: 'Designers of the textile cluster on the catwalk', startsOn: '2015-11-28' },
      photoCount: 2,
    });
  });

  it('reports a name that photos in two folders have as ambiguous, and links neither', async () => {
    const folder = join(tempDir(), 'copies');
    mkdirSync(join(folder, 'a'), { recursive: true });
    mkdirSync(join(folder, 'b'));
    const from = join(sample, 'photos/2015/2015-11-28 Modna revija Štip');
    copyFileSync(join(from, 'DSC_2208.JPG'), join(folder, 'a/DSC_2208.JPG'));
    copyFileSync(join(from, 'DSC_2208.JPG'), join(folder, 'b/dsc_2208.jpg'));
    copyFileSync(join(from, 'IMG_5218.JPG'), join(folder, 'b/IMG_5218.JPG'));
    const main = api;
    api = await indexedApi(join(tempDir(), 'catalog.sqlite'), folder);
    try {
      const path = (id: number) =>
        api.db.prepare('SELECT rel_path FROM photos WHERE id = ?').pluck().get(id);
      const made = await call('news.import', { text: infoDays });
      expect(made.unmatched).toEqual(['dsc_2210.jpg']);
      expect(made.ambiguous).toHaveLength(1);
      expect(made.ambiguous[0]!.name).toBe('dsc_2208.jpg');
      expect(made.ambiguous[0]!.photoIds.map(path).sort()).toEqual([
        'a/DSC_2208.JPG',
        'b/dsc_2208.jpg',
      ]);
      expect(made.linked.map(path)).toEqual(['b/IMG_5218.JPG']);
      expect(await find({ noEvent: true })).toEqual(
        made.ambiguous[0]!.photoIds.sort((a, b) => a - b),
      );
    } finally {
      await api.close();
      api = main;
    }
  });
});
