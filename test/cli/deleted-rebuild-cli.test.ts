import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeEach, afterAll, describe, expect, it } from 'vitest';
import { cacheDirFor } from '../../electron/catalog/default-paths';
import { readKadarLayer } from '../../electron/longevity/sidecars/sidecar-xmp';
import type { IndexSummary } from '../../shared/api/progress-schema';
import { parseJson, runCli } from '../helpers/run-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

let catalog: string;
let town: string;
let fair: string;

const kadar = (...args: string[]) => runCli(['--catalog', catalog, ...args]);
async function json<T>(...args: string[]): Promise<T> {
  const result = await kadar(...args);
  expect(result.code, `kadar ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return parseJson<T>(result);
}
const titles = async () =>
  (await json<{ title: string }[]>('events', '--json')).map((e) => e.title).sort();
const archiveFile = (folder: string) =>
  JSON.parse(readFileSync(join(folder, 'kadar-archive.json'), 'utf8')) as {
    events: { uid: string; title: string }[];
    deleted: { kind: string; uid: string }[];
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

/** Deletes the catalog and its cache, and indexes both folders again: a rebuild from them. */
async function rebuild(): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${catalog}${suffix}`, { force: true });
  rmSync(cacheDirFor(catalog), { recursive: true, force: true });
  const summary = await json<IndexSummary>('index', town, fair, '--json', '--progress', 'none');
  expect(summary).toMatchObject({ status: 'completed', failed: 0, issues: [] });
}

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

    await rebuild();
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
    expect(archiveFile(fair).deleted.map((d) => d.uid)).toEqual([showUid]);
  });

  it('brings back an event whose deletion was undone', async () => {
    const show = (await json<{ id: number; title: string }[]>('events', '--json')).find(
      (e) => e.title === 'Fashion show',
    )!;
    await json('event', 'delete', String(show.id), '--json');
    expect(archiveFile(town).deleted).toHaveLength(1);
    await json('undo', '--json');
    expect(archiveFile(town).deleted).toEqual([]);
    await rebuild();
    expect(await titles()).toEqual(['Fashion show', 'Info day']);
  });
});
