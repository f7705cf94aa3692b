import {
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeEach, afterAll, describe, expect, it } from 'vitest';
import { cacheDirFor } from '../../electron/catalog/default-paths';
import { readKadarLayer } from '../../electron/longevity/sidecars/sidecar-xmp';
import type { IndexSummary } from '../../shared/api/progress-schema';
import { catalogCli } from '../helpers/run-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

let catalog: string;
let town: string;
let fair: string;

const { json } = catalogCli(() => catalog);
const titles = async () =>
  (await json<{ title: string }[]>('events', '--json')).map((e) => e.title).sort();
const archiveFile = (folder: string) =>
  JSON.parse(readFileSync(join(folder, 'kadar-archive.json'), 'utf8')) as {
    events: { uid: string; title: string }[];
    deleted: { kind: string; uid: string; deletedAt: string }[];
  };

async function photos(folder: string, names: string[]): Promise<void> {
  mkdirSync(folder);
  for (const [i, name] of names.entries())
    writeFileSync(
      join(folder, name),
      await sharp({
        create: { width: 12, height: 8, channels: 3, background: { r: i * 40, g: 9, b: 99 } },
      })
        .jpeg()
        .toBuffer(),
    );
}

/**
 * Deletes the catalog and its cache, and indexes the folders again: a rebuild from them, in
 * one run, or one folder after the other as people add them.
 */
async function rebuild(...runs: string[][]): Promise<IndexSummary['issues']> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${catalog}${suffix}`, { force: true });
  rmSync(cacheDirFor(catalog), { recursive: true, force: true });
  const issues: IndexSummary['issues'] = [];
  for (const folders of runs.length > 0 ? runs : [[town, fair]]) {
    const summary = await json<IndexSummary>('index', ...folders, '--json', '--progress', 'none');
    expect(summary).toMatchObject({ status: 'completed', failed: 0 });
    issues.push(...summary.issues);
  }
  return issues;
}
/** What a rebuild says of the fair's two photos, whose stale sidecars name the deleted show. */
const outOfEvent = [
  {
    path: '',
    code: 'EVENT_DELETED',
    message: expect.stringMatching(/^2 photos' sidecars name an event deleted/) as string,
  },
];
/**
 * The folders' own files as they are now (kadar-archive.json, sidecars), put back by the
 * function returned: each rebuild then starts from the same stale files, not from those the
 * previous rebuild wrote.
 */
function keepFolderFiles(): () => void {
  const ours = (name: string) => name === 'kadar-archive.json' || name.endsWith('.xmp');
  const listed = () =>
    [town, fair].flatMap((folder) =>
      readdirSync(folder)
        .filter(ours)
        .map((name) => join(folder, name)),
    );
  const kept = new Map(
    listed().map((path) => [path, { body: readFileSync(path), at: statSync(path).mtime }]),
  );
  return () => {
    for (const path of listed()) if (!kept.has(path)) rmSync(path);
    for (const [path, { body, at }] of kept) {
      writeFileSync(path, body);
      utimesSync(path, at, at);
    }
  };
}
const inEvents = async () =>
  (await json<{ fileName: string; eventId: number | null }[]>('photos', '--json'))
    .filter((p) => p.eventId != null)
    .map((p) => p.fileName)
    .sort();
const eventId = async (title: string) =>
  (await json<{ id: number; title: string }[]>('events', '--json')).find((e) => e.title === title)!
    .id;

afterAll(removeTempDirs);
beforeEach(async () => {
  const dir = tempDir();
  catalog = join(dir, 'catalog.sqlite');
  town = join(dir, 'Info day Niš');
  fair = join(dir, 'Fashion show Štip');
  await photos(town, ['DSC_2208.JPG', 'DSC_2209.JPG']);
  await photos(fair, ['IMG_5218.JPG', 'IMG_5219.JPG']);
  await json('index', town, fair, '--json', '--progress', 'none');
  const [townRoot, fairRoot] = (await json<{ id: number; path: string }[]>('roots', '--json'))
    .sort((a, b) => (a.path === town ? -1 : b.path === town ? 1 : 0))
    .map((r) => r.id);
  await json('sidecars', 'on', '--root', String(townRoot), '--json');
  await json('sidecars', 'on', '--root', String(fairRoot), '--json');
  const ids = new Map(
    (await json<{ id: number; fileName: string }[]>('photos', '--json')).map((p) => [
      p.fileName,
      p.id,
    ]),
  );
  await json(
    'event',
    'add',
    '--title',
    'Info day',
    '--start',
    '2015-11-25',
    '--city',
    'Niš',
    '--photos',
    `${ids.get('DSC_2208.JPG')},${ids.get('DSC_2209.JPG')}`,
    '--json',
  );
  await json(
    'event',
    'add',
    '--title',
    'Fashion show',
    '--start',
    '2019-06-14',
    '--city',
    'Štip',
    '--photos',
    `${ids.get('IMG_5218.JPG')},${ids.get('IMG_5219.JPG')}`,
    '--json',
  );
}, 60_000);

describe('a catalog rebuilt from its folders', () => {
  it('does not bring back an event deleted while its folder was offline', async () => {
    const show = (await json<{ id: number; title: string }[]>('events', '--json')).find(
      (e) => e.title === 'Fashion show',
    )!;
    // The fair's drive is unplugged: a rescan finds it offline, so what changes now cannot
    // reach its sidecars or its kadar-archive.json.
    renameSync(fair, `${fair}.away`);
    await json('rescan', '--json', '--progress', 'none');
    await json('event', 'delete', String(show.id), '--json');
    expect(await titles()).toEqual(['Info day']);
    renameSync(`${fair}.away`, fair);

    // The fair's own files still name the event; the town's newer file says it was deleted.
    const staleSidecar = readFileSync(join(fair, 'IMG_5218.JPG.xmp'), 'utf8');
    expect(readKadarLayer(staleSidecar)?.event?.title).toBe('Fashion show');
    expect(archiveFile(fair).events.map((e) => e.title)).toContain('Fashion show');
    const showUid = archiveFile(fair).events.find((e) => e.title === 'Fashion show')!.uid;
    expect(archiveFile(town).deleted).toEqual([
      expect.objectContaining({ kind: 'event', uid: showUid }),
    ]);
    const when = archiveFile(town).deleted[0]!.deletedAt;

    expect(await rebuild()).toEqual(outOfEvent);
    expect(await titles()).toEqual(['Info day']);
    const inEvents = (
      await json<{ fileName: string; eventId: number | null }[]>('photos', '--json')
    )
      .filter((p) => p.eventId != null)
      .map((p) => p.fileName)
      .sort();
    expect(inEvents).toEqual(['DSC_2208.JPG', 'DSC_2209.JPG']);
    // The rebuilt catalog remembers the deletion, and its next files say so in both folders.
    await json('rescan', '--json', '--progress', 'none');
    expect(archiveFile(fair).events.map((e) => e.title)).toEqual(['Info day']);
    // Dated as the deletion was, not as the rebuild that found it again.
    expect(archiveFile(fair).deleted).toEqual([
      expect.objectContaining({ uid: showUid, deletedAt: when }),
    ]);
  });

  it('does not bring it back either when the folder with the older file is added first', async () => {
    renameSync(fair, `${fair}.away`);
    await json('rescan', '--json', '--progress', 'none');
    await json('event', 'delete', String(await eventId('Fashion show')), '--json');
    renameSync(`${fair}.away`, fair);

    const when = archiveFile(town).deleted[0]!.deletedAt;
    // The fair first: its file makes the show, the town's newer one removes it again.
    await rebuild([fair], [town]);
    expect(await titles()).toEqual(['Info day']);
    expect(archiveFile(town).deleted).toEqual([expect.objectContaining({ deletedAt: when })]);
    expect(await inEvents()).toEqual(['DSC_2208.JPG', 'DSC_2209.JPG']);
    expect(archiveFile(town).deleted).toHaveLength(1);
  });

  it('keeps events whose deletion was undone while a folder with the tombstones was offline', async () => {
    // One without photos, which only the folders' files know of (no sidecar names it).
    await json('event', 'add', '--title', 'Assembly', '--start', '2016-03-01', '--json');
    // Deleted with both folders online: both files say so. Then, with the town's drive
    // unplugged, the deletions are undone: only the fair's files hear of it.
    await json('event', 'delete', String(await eventId('Assembly')), '--json');
    await json('event', 'delete', String(await eventId('Fashion show')), '--json');
    renameSync(town, `${town}.away`);
    await json('rescan', '--json', '--progress', 'none');
    await json('undo', '--json');
    await json('undo', '--json');
    renameSync(`${town}.away`, town);
    expect(archiveFile(town).deleted).toHaveLength(2);
    expect(archiveFile(fair).deleted).toEqual([]);

    const putBack = keepFolderFiles();
    for (const order of [[[town], [fair]], [[fair], [town]], [[town, fair]]]) {
      putBack();
      expect(await rebuild(...order)).toEqual([]);
      expect(await titles(), order.join(' then ')).toEqual([
        'Assembly',
        'Fashion show',
        'Info day',
      ]);
      expect(await inEvents()).toEqual([
        'DSC_2208.JPG',
        'DSC_2209.JPG',
        'IMG_5218.JPG',
        'IMG_5219.JPG',
      ]);
      expect(archiveFile(fair).deleted).toEqual([]);
    }
  });

  it('keeps what a person made theirs after the rebuild, whatever an older tombstone says', async () => {
    renameSync(fair, `${fair}.away`);
    await json('rescan', '--json', '--progress', 'none');
    await json('event', 'delete', String(await eventId('Fashion show')), '--json');
    renameSync(`${fair}.away`, fair);
    // Rebuilt from the fair alone, whose files still have the event; a person puts it in a
    // project before the town's folder, whose file says it was deleted, is added.
    expect(await rebuild([fair])).toEqual([]);
    expect(await titles()).toEqual(['Fashion show', 'Info day']);
    const project = await json<{ id: number }>('project', 'add', '--name', 'Textile', '--json');
    await json(
      'project',
      'link',
      '--project',
      String(project.id),
      '--event',
      String(await eventId('Fashion show')),
      '--json',
    );
    await json('index', town, '--json', '--progress', 'none');
    expect(await titles()).toEqual(['Fashion show', 'Info day']);
    expect(await inEvents()).toEqual([
      'DSC_2208.JPG',
      'DSC_2209.JPG',
      'IMG_5218.JPG',
      'IMG_5219.JPG',
    ]);
  });

  it('puts photos of an event merged away while their folder was offline into the one it went into', async () => {
    renameSync(fair, `${fair}.away`);
    await json('rescan', '--json', '--progress', 'none');
    await json(
      'event',
      'merge',
      '--into',
      String(await eventId('Info day')),
      '--events',
      String(await eventId('Fashion show')),
      '--json',
    );
    renameSync(`${fair}.away`, fair);
    const showUid = archiveFile(fair).events.find((e) => e.title === 'Fashion show')!.uid;
    const dayUid = archiveFile(town).events.find((e) => e.title === 'Info day')!.uid;
    expect(archiveFile(town).deleted).toEqual([
      expect.objectContaining({ kind: 'event', uid: showUid, mergedInto: dayUid }),
    ]);

    const putBack = keepFolderFiles();
    for (const order of [[[town, fair]], [[fair], [town]], [[town], [fair]]]) {
      putBack();
      expect(await rebuild(...order)).toEqual([]);
      expect(await titles(), order.join(' then ')).toEqual(['Info day']);
      expect(await inEvents()).toEqual([
        'DSC_2208.JPG',
        'DSC_2209.JPG',
        'IMG_5218.JPG',
        'IMG_5219.JPG',
      ]);
    }
  });

  it('brings back an event whose deletion was undone', async () => {
    const show = (await json<{ id: number; title: string }[]>('events', '--json')).find(
      (e) => e.title === 'Fashion show',
    )!;
    await json('event', 'delete', String(show.id), '--json');
    expect(archiveFile(town).deleted).toHaveLength(1);
    await json('undo', '--json');
    expect(archiveFile(town).deleted).toEqual([]);
    expect(await rebuild()).toEqual([]);
    expect(await titles()).toEqual(['Fashion show', 'Info day']);
  });
});
