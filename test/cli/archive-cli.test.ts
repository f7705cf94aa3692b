import { copyFileSync, cpSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KadarEvent } from '../../shared/api/domains/events';
import type { HistoryStep } from '../../shared/api/domains/history';
import type { Organisation } from '../../shared/api/domains/organisations';
import type { Project } from '../../shared/api/domains/projects';
import type { Photo } from '../../shared/api/photo-schema';
import type { IndexSummary } from '../../shared/api/progress-schema';
import { snapshotFiles } from '../helpers/originals';
import { parseJson, runCli } from '../helpers/run-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

const sample = fileURLToPath(new URL('../../assets/sample/', import.meta.url));
const newsItem = (name: string) =>
  fileURLToPath(new URL(`../archive/news-items/${name}`, import.meta.url));
const stip = ['DSC_2208.JPG', 'DSC_2211.JPG', 'IMG_5218.JPG'];
const nis2015 = ['DSC_0412.JPG', 'DSC_0415.JPG', 'IMG_20151120_101530.jpg'];

let dir: string;
let catalog: string;
let agenda: string; // a copy of the sample's agenda, outside the library
const ids = new Map<string, number>(); // file name → photo id

const kadar = (...args: string[]) => runCli(['--catalog', catalog, ...args]);
/** Runs a command that must succeed and print JSON. */
async function json<T>(...args: string[]): Promise<T> {
  const result = await kadar(...args);
  expect(result.code, `kadar ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return parseJson<T>(result);
}
const photo = (name: string) => ids.get(name)!;
const photoList = (names: string[]) => names.map(photo).join(',');
const history = () => json<HistoryStep[]>('history', '--json');
const inEvents = async (...filter: string[]) =>
  (await json<Photo[]>('photos', '--json', ...filter)).map((p) => p.fileName).sort();

const originals = snapshotFiles([sample]);
afterAll(() => {
  expect(snapshotFiles([sample])).toEqual(originals);
  removeTempDirs();
});

beforeAll(async () => {
  dir = tempDir();
  catalog = join(dir, 'catalog.sqlite');
  const library = join(dir, 'library');
  cpSync(join(sample, 'photos'), library, { recursive: true, preserveTimestamps: true });
  agenda = join(dir, 'agenda.pdf');
  copyFileSync(join(sample, 'documents/agenda-cluster-training-nis.pdf'), agenda);
  const summary = await json<IndexSummary>('index', library, '--json', '--progress', 'none');
  expect(summary).toMatchObject({ status: 'completed', added: 10, failed: 0 });
  for (const p of await json<Photo[]>('photos', '--json')) ids.set(p.fileName, p.id);
});

describe('kadar events, event add, event assign and suggest-events', () => {
  let show: KadarEvent;

  it('suggests events for the photos in none, a pause of an hour apart', async () => {
    const suggestions = await json<{ startsOn: string; title: string; city: string }[]>(
      'suggest-events',
      '--json',
      '--gap',
      '1',
    );
    expect(suggestions.map((s) => [s.startsOn, s.title, s.city])).toEqual([
      ['2015-11-19', 'Niš training', 'Niš'],
      ['2015-11-19', 'Niš training', 'Niš'],
      ['2015-11-20', 'Niš training', 'Niš'],
      ['2015-11-24', 'Furniture-RE Vranje', 'Vranje'],
      ['2015-11-25', 'Furniture-RE Leskovac', 'Leskovac'],
      ['2015-11-28', 'Modna revija Štip', 'Štip'],
      ['2017-12-28', 'Skupština Niš', 'Niš'],
      ['2017-12-28', 'Skupština Niš', 'Niš'],
    ]);
    expect(await history()).toEqual([]);
  });

  it('adds an event with photos, and lists it with every field', async () => {
    show = await json<KadarEvent>(
      ...[
        'event',
        'add',
        '--title',
        'Fashion show',
        '--start',
        '2015-11-28',
        '--end',
        '2015-11-29',
      ],
      ...['--venue', 'Cultural Centre', '--city', 'Štip', '--country', 'North Macedonia'],
      ...['--photos', photoList(stip.slice(0, 2)), '--json'],
    );
    const expected = {
      ...{ id: show.id, title: 'Fashion show', startsOn: '2015-11-28', endsOn: '2015-11-29' },
      ...{ venue: 'Cultural Centre', city: 'Štip', country: 'North Macedonia', organiser: null },
      ...{ description: null, photoCount: 2, projectIds: [], documents: [] },
    };
    expect(show).toMatchObject(expected);
    const events = await json<KadarEvent[]>('events', '--json');
    expect(events).toEqual([show]);
    expect(events[0]).toMatchObject(expected);
    const plain = await kadar('events');
    expect(plain.stdout).toBe(`${show.id}\t2015-11-28–2015-11-29\tFashion show, Štip\t2 photos\n`);
  });

  it('assigns photos, and lists the photos of an event and of none', async () => {
    const assigned = await json<{ changed: number }>(
      ...['event', 'assign', '--event', String(show.id), '--photos', photoList(stip), '--json'],
    );
    expect(assigned).toEqual({ changed: 1 });
    const photos = await json<Photo[]>('photos', '--json', '--event', String(show.id));
    expect(photos.map((p) => [p.fileName, p.eventId, p.eventTitle, p.projectIds]).sort()).toEqual(
      stip.map((name) => [name, show.id, 'Fashion show', []]),
    );
    const none = await json<Photo[]>('photos', '--json', '--no-event');
    expect(none).toHaveLength(7);
    expect(none.every((p) => p.eventId === null && p.eventTitle === null)).toBe(true);
    expect((await history()).map((s) => s.label)).toEqual([
      'Move 3 photos to “Fashion show”',
      'Create event “Fashion show”',
    ]);
  });
});

describe('kadar projects, project add, project link and organisations', () => {
  let project: Project;
  let training: KadarEvent;

  it('adds a project with two partners, each NAME:ROLE:COUNTRY', async () => {
    project = await json<Project>(
      ...['project', 'add', '--name', 'Balkan Cluster', '--code', 'BC-1'],
      ...['--programme', 'IPA Bulgaria–Serbia', '--start', '2015-03-01', '--end', '2016-08-31'],
      ...['--partner', 'Cluster House:lead:Serbia'],
      ...['--partner', 'Business Support Centre Kyustendil:partner:Bulgaria', '--json'],
    );
    expect(project).toMatchObject({
      ...{ name: 'Balkan Cluster', code: 'BC-1', programme: 'IPA Bulgaria–Serbia' },
      ...{ startsOn: '2015-03-01', endsOn: '2016-08-31', eventIds: [], photoCount: 0 },
      partners: [
        {
          organisationId: expect.any(Number) as number,
          name: 'Cluster House',
          role: 'lead',
          country: 'Serbia',
        },
        {
          ...{
            organisationId: expect.any(Number) as number,
            name: 'Business Support Centre Kyustendil',
          },
          ...{ role: 'partner', country: 'Bulgaria' },
        },
      ],
    });
  });

  it('links an event, and lists projects and organisations with their events', async () => {
    training = await json<KadarEvent>(
      ...['event', 'add', '--title', 'Training', '--start', '2015-11-19', '--city', 'Niš'],
      ...['--photos', photoList(nis2015), '--json'],
    );
    const linked = await json<Project>(
      ...['project', 'link', '--project', String(project.id), '--event', String(training.id)],
      '--json',
    );
    expect(linked).toEqual({ ...project, eventIds: [training.id], photoCount: 3 });
    expect(await json<Project[]>('projects', '--json')).toEqual([linked]);
    const organisations = await json<Organisation[]>('organisations', '--json');
    expect(organisations.map((o) => [o.name, o.country, o.eventIds, o.projectIds])).toEqual([
      ['Business Support Centre Kyustendil', 'Bulgaria', [], [project.id]],
      ['Cluster House', 'Serbia', [], [project.id]],
    ]);
    expect(await json<KadarEvent[]>('events', '--json')).toHaveLength(2);
  });

  it('lists the photos of a project, and deletes an event leaving its photos', async () => {
    expect(await inEvents('--project', String(project.id))).toEqual([...nis2015].sort());
    const photos = await json<Photo[]>('photos', '--json', '--project', String(project.id));
    expect(photos.map((p) => [p.eventTitle, p.projectIds])).toEqual(
      nis2015.map(() => ['Training', [project.id]]),
    );
    expect(await json('event', 'delete', String(training.id), '--json')).toEqual({ deleted: true });
    expect(await json('photos', '--json', '--project', String(project.id))).toEqual([]);
    expect(await inEvents('--no-event')).toEqual(
      [...nis2015, 'DSC_1120.JPG', 'P1000123.JPG', 'DSC_7001.JPG', 'IMG_2682.HEIC'].sort(),
    );
    expect((await json<Project[]>('projects', '--json'))[0]!.eventIds).toEqual([]);
  });
});

describe('kadar attach, import-news, undo, redo and history', () => {
  const items = [newsItem('info-days-vranje-leskovac.html'), newsItem('training-nis-range.txt')];
  let show: KadarEvent;

  it('attaches a document to an event, copied beside the catalog', async () => {
    show = (await json<KadarEvent[]>('events', '--json'))[0]!;
    const attached = await kadar('attach', '--event', String(show.id), agenda);
    expect(attached.code).toBe(0);
    const [id, title, path] = attached.stdout.trimEnd().split('\t');
    expect(title).toBe('agenda');
    expect(path!.startsWith(join(dir, 'catalog-documents') + sep)).toBe(true);
    expect(readFileSync(path!)).toEqual(readFileSync(agenda));
    expect((await json<KadarEvent[]>('events', '--json'))[0]!.documents).toEqual([
      { id: Number(id), title: 'agenda', fileName: 'agenda.pdf', mime: 'application/pdf' },
    ]);
    expect((await history())[0]!.label).toBe('Attach “agenda” to “Fashion show”');
    expect(await inEvents('--search', 'Balkan')).toEqual([...stip].sort());
  });

  it('reads news items without changing anything, then imports them', async () => {
    const [events, steps] = [await json('events', '--json'), await history()];
    const dryRun = await json<{ file: string; events: { id: number | null }[] }[]>(
      ...['import-news', ...items, '--json', '--dry-run'],
    );
    const vranje = {
      ...{ title: 'Info days on the new call for proposals – Vranje', startsOn: '2015-11-24' },
      ...{ endsOn: null, venue: 'City Hall', city: 'Vranje' },
    };
    const training = {
      ...{ title: 'Two-day training on export marketing in Niš', startsOn: '2015-11-19' },
      ...{ endsOn: '2015-11-20', venue: 'Regional Chamber of Commerce', city: 'Niš' },
    };
    const listed = { linked: [photo('DSC_2208.JPG'), photo('IMG_5218.JPG')] };
    expect(dryRun).toMatchObject([
      { file: items[0], events: [{ id: null, ...vranje }, { id: null }], ...listed },
      { file: items[1], events: [{ id: null, ...training }], linked: [], unmatched: [] },
    ]);
    expect(dryRun[0]).toMatchObject({ unmatched: ['dsc_2210.jpg'], ambiguous: [] });
    expect([await json('events', '--json'), await history()]).toEqual([events, steps]);

    const imported = await json<{ events: { id: number }[] }[]>('import-news', ...items, '--json');
    const madeIds = imported.flatMap((r) => r.events.map((e) => e.id));
    expect(imported).toMatchObject([
      { events: [{ id: madeIds[0], ...vranje }, { id: madeIds[1] }], ...listed },
      { events: [{ id: madeIds[2], ...training }] },
    ]);
    const listedEvents = (await json<KadarEvent[]>('events', '--json')).map((e) => e.id);
    expect(listedEvents).toEqual([madeIds[2], madeIds[0], madeIds[1], show.id]);
    expect((await history()).slice(0, 2).map((s) => s.label)).toEqual([
      'Import the news “Two-day training on export marketing in Niš”',
      'Import the news “Info days on the new call for proposals”',
    ]);
  });

  it('undoes and redoes the latest step, and lists the history', async () => {
    const before = await json<KadarEvent[]>('events', '--json');
    const undo = await kadar('undo');
    expect(undo).toMatchObject({
      code: 0,
      stdout: 'Undid: Import the news “Two-day training on export marketing in Niš”\n',
    });
    expect(await json<KadarEvent[]>('events', '--json')).toHaveLength(before.length - 1);
    expect((await history())[0]).toMatchObject({ undone: true });
    const redo = await json<{ step: { label: string } }>('redo', '--json');
    expect(redo.step.label).toBe('Import the news “Two-day training on export marketing in Niš”');
    expect(await json('events', '--json')).toEqual(before);
    expect(await kadar('redo')).toMatchObject({ code: 0, stdout: 'Nothing to redo.\n' });
    const steps = await history();
    expect(steps.map((s) => s.id)).toEqual(steps.map((_, i) => steps.length - i));
    expect(steps.every((s) => !s.undone)).toBe(true);
  });
});

describe('bad input: exit 1, one line on stderr, JSON with --json, catalog unchanged', () => {
  let steps: HistoryStep[];
  let refs: Record<string, string>;
  beforeAll(async () => {
    steps = await history();
    const [event] = await json<KadarEvent[]>('events', '--json');
    const [project] = await json<Project[]>('projects', '--json');
    const missing = join(dir, 'missing.pdf');
    refs = { '@event': String(event!.id), '@project': String(project!.id), '@agenda': agenda };
    refs['@missing'] = missing;
  });
  const cases: [string[], string, string][] = [
    [['event', 'add', '--title', 'X', '--start', '2015-02-29'], 'INVALID_INPUT', 'startsOn'],
    [['event', 'add', '--title', 'X', '--start', '2015-11-31'], 'INVALID_INPUT', 'startsOn'],
    [
      ['event', 'add', '--title', 'X', '--start', '2015-11-20', '--end', '2015-11-19'],
      'INVALID_INPUT',
      'endsOn',
    ],
    [['event', 'add', '--title', ' ', '--start', '2015-11-20'], 'INVALID_INPUT', 'title'],
    [['event', 'assign', '--event', '999', '--photos', '1'], 'NOT_FOUND', 'eventId'],
    [['event', 'delete', '999'], 'NOT_FOUND', 'id: there is no event 999'],
    [['project', 'add', '--name', 'P', '--partner', 'X:boss'], 'INVALID_INPUT', '--partner'],
    [['project', 'add', '--name', 'P', '--code', 'BC-1'], 'INVALID_INPUT', 'code'],
    [
      ['project', 'add', '--name', 'P', '--start', '2016-01-01', '--end', '2015-01-01'],
      'INVALID_INPUT',
      'endsOn',
    ],
    [['project', 'link', '--project', '999', '--event', '@event'], 'NOT_FOUND', 'projectId'],
    [['project', 'link', '--project', '@project', '--event', '999'], 'NOT_FOUND', 'eventIds'],
    [['attach', '--event', '999', '@agenda'], 'NOT_FOUND', 'owner.eventId'],
    [['attach', '@agenda'], 'INVALID_INPUT', '--event'],
    [['attach', '--event', '@event', '@missing'], 'FILE_UNREADABLE', 'sources[0].path'],
    [['attach', '--event', '@event', '--link', '@agenda'], 'INVALID_INPUT', 'sources[0].link'],
    [['import-news', '@missing'], 'FILE_UNREADABLE', 'missing.pdf'],
  ];

  async function refused(args: string[], code: string, field: string): Promise<void> {
    const result = await kadar(...args.map((a) => refs[a] ?? a), '--json');
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/^kadar: [^\n]+\n$/);
    expect(result.stderr).toContain(field);
    expect(JSON.parse(result.stdout)).toEqual({
      error: { code, message: expect.stringContaining(field) as string },
    });
    expect(await history()).toEqual(steps);
  }

  it.each(cases)('kadar %j', refused);

  it('prints nothing on stdout without --json', async () => {
    const result = await kadar('event', 'add', '--title', 'X', '--start', '2015-02-29');
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(
      'kadar: Invalid input for events.create: startsOn: There is no such day\n',
    );
  });

  it('answers each news item, failing the command for one without a date', async () => {
    const items = [newsItem('no-date.txt'), newsItem('assembly-no-year.txt')];
    const result = await kadar('import-news', ...items, '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        file: items[0],
        error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^text: /) as string },
      },
      {
        file: items[1],
        error: {
          code: 'INVALID_INPUT',
          message: expect.stringMatching(/^events\[0\]\.startsOn: /) as string,
        },
      },
    ]);
    expect(result.stderr.split('\n')).toEqual([
      expect.stringMatching(/^kadar: no-date\.txt: text: /),
      expect.stringMatching(/^kadar: assembly-no-year\.txt: events\[0\]\.startsOn: /),
      '',
    ]);
    expect(await history()).toEqual(steps);
  });

  it('refuses an id that is not a number the same way', async () => {
    await refused(
      ['event', 'assign', '--event', 'abc', '--photos', '1'],
      'INVALID_INPUT',
      '--event',
    );
  });

  it('attaches no file when one of them cannot be attached', async () => {
    await refused(
      ['attach', '--event', '@event', '@agenda', '@missing'],
      'FILE_UNREADABLE',
      'sources[1].path',
    );
  });
});
