import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryStep } from '../../shared/api/domains/history';
import type { Photo } from '../../shared/api/photo-schema';
import { parseJson, runCli } from '../helpers/run-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

const sample = fileURLToPath(new URL('../../assets/sample/photos/', import.meta.url));
let catalog: string;
const ids = new Map<string, number>();

const kadar = (...args: string[]) => runCli(['--catalog', catalog, ...args]);
async function json<T>(...args: string[]): Promise<T> {
  const result = await kadar(...args);
  expect(result.code, `kadar ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return parseJson<T>(result);
}
const photos = (...filter: string[]) => json<Photo[]>('photos', '--json', ...filter);
const names = async (...filter: string[]) =>
  (await photos(...filter)).map((p) => p.fileName).sort();
const list = (...names: string[]) => names.map((n) => ids.get(n)!).join(',');

afterAll(removeTempDirs);
beforeAll(async () => {
  const dir = tempDir();
  catalog = join(dir, 'catalog.sqlite');
  cpSync(sample, join(dir, 'library'), { recursive: true });
  // A Lightroom cull in the file: rejected (XMP rating -1) and labelled red.
  execFileSync('exiftool', [
    '-q',
    '-overwrite_original',
    '-XMP-xmp:Rating=-1',
    '-XMP-xmp:Label=Red',
    join(dir, 'library', '2017', '2017-12-28 Skupština Niš', 'DSC_7001.JPG'),
  ]);
  // Who is in it, as the IPTC Extension says.
  execFileSync('exiftool', [
    '-q',
    '-overwrite_original',
    '-XMP-iptcExt:PersonInImage=Јована Петровић',
    '-XMP-iptcExt:PersonInImage+=Marko Ilić',
    join(dir, 'library', '2015', '2015-11-19 Niš training', 'DSC_0412.JPG'),
  ]);
  await json('index', join(dir, 'library'), '--json', '--progress', 'none');
  for (const p of await photos()) ids.set(p.fileName, p.id);
});

describe('kadar rate, flag and label', () => {
  it("shows a file's reject and colour label as the file's values", async () => {
    const culled = (await photos()).find((p) => p.fileName === 'DSC_7001.JPG')!;
    expect(culled).toMatchObject({ rating: null, flag: 'reject', label: 'red', edited: [] });
    expect(await names('--flag', 'reject')).toEqual(['DSC_7001.JPG']);
    expect(await json('flag', 'none', '--photos', list('DSC_7001.JPG'), '--json')).toEqual({
      changed: 1,
    });
    expect(await names('--flag', 'reject')).toEqual([]);
    expect((await photos()).find((p) => p.fileName === 'DSC_7001.JPG')).toMatchObject({
      flag: null,
      fromFile: { flag: 'reject', label: 'red' },
      edited: ['flag'],
    });
    await json('undo', '--json');
  });

  it('set stars, flags and colour labels on photos, each one undoable step', async () => {
    expect(
      await json(
        'rate',
        '--photos',
        list('DSC_2208.JPG', 'DSC_2211.JPG'),
        '--stars',
        '4',
        '--json',
      ),
    ).toEqual({ changed: 2 });
    expect(await json('flag', 'pick', '--photos', list('DSC_2208.JPG'), '--json')).toEqual({
      changed: 1,
    });
    expect(await json('flag', 'reject', '--photos', list('IMG_5218.JPG'), '--json')).toEqual({
      changed: 1,
    });
    expect(
      await json('label', 'Green', '--photos', list('DSC_2211.JPG', 'IMG_5218.JPG'), '--json'),
    ).toEqual({ changed: 2 });
    const byName = new Map((await photos()).map((p) => [p.fileName, p]));
    expect(byName.get('DSC_2208.JPG')).toMatchObject({ rating: 4, flag: 'pick', label: null });
    expect(byName.get('DSC_2211.JPG')).toMatchObject({ rating: 4, flag: null, label: 'green' });
    expect(byName.get('IMG_5218.JPG')).toMatchObject({ flag: 'reject', label: 'green' });
    expect(byName.get('IMG_5218.JPG')!.edited.sort()).toEqual(['flag', 'label']);
    expect(
      (await json<HistoryStep[]>('history', '--json')).slice(0, 4).map((s) => s.label),
    ).toEqual([
      'Label 2 photos green',
      'Flag 1 photo as reject',
      'Flag 1 photo as pick',
      'Rate 2 photos 4★',
    ]);
  });

  it('filter photos by stars, flag and label', async () => {
    expect(await names('--min-rating', '4')).toEqual(['DSC_2208.JPG', 'DSC_2211.JPG']);
    expect(await names('--min-rating', '5')).toEqual([]);
    expect(await names('--flag', 'pick')).toEqual(['DSC_2208.JPG']);
    expect(await names('--flag', 'reject', '--label', 'green')).toEqual(['IMG_5218.JPG']);
    expect(await names('--label', 'none', '--min-rating', '4')).toEqual(['DSC_2208.JPG']);
    // Neither the pick, the reject set here, nor the file's reject.
    expect((await names('--flag', 'none')).length).toBe(ids.size - 3);
  });

  it('undoes them, and refuses what is not a rating, flag, label or photo, changing nothing', async () => {
    await json('undo', '--json');
    expect(await names('--label', 'green')).toEqual([]);
    for (const args of [
      ['rate', '--photos', list('DSC_2208.JPG'), '--stars', '6'],
      ['flag', 'maybe', '--photos', list('DSC_2208.JPG')],
      ['label', 'orange', '--photos', list('DSC_2208.JPG')],
      ['rate', '--photos', '999999', '--stars', '3', '--json'],
      ['photos', '--flag', 'maybe', '--json'],
    ]) {
      const result = await kadar(...args);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stderr + result.stdout, args.join(' ')).toMatch(
        /stars|pick, reject|red, yellow|photo|flag/i,
      );
    }
    const steps = await json<HistoryStep[]>('history', '--json');
    expect(steps.slice(0, 2).map((s) => [s.label, s.undone])).toEqual([
      ['Label 2 photos green', true],
      ['Flag 1 photo as reject', false],
    ]);
  });
});

interface TagRow {
  id: number;
  parentId: number | null;
  name: string;
  path: string;
  photoCount: number;
  source: string;
}
interface PersonRow {
  id: number;
  name: string;
  organisation: string | null;
  photoCount: number;
}

describe('kadar tag, tags, people, person and caption', () => {
  const stip = ['DSC_2208.JPG', 'DSC_2211.JPG', 'IMG_5218.JPG'];

  it('adds and removes tags; kadar tags prints the tree; photos show tags and effective keywords', async () => {
    expect(
      await json(
        'tag',
        '--photos',
        list(...stip),
        '--add',
        'Sector/Textile',
        '--add',
        'Place/Štip',
        '--json',
      ),
    ).toEqual({ added: 6, removed: 0 });
    expect(
      await json('tag', '--photos', list('IMG_5218.JPG'), '--remove', 'fashion show', '--json'),
    ).toEqual({
      added: 0,
      removed: 1,
    });
    const tags = await json<TagRow[]>('tags', '--json');
    expect(tags.find((t) => t.path === 'Sector/Textile')).toMatchObject({
      name: 'Textile',
      photoCount: 3,
      source: 'user',
      parentId: tags.find((t) => t.path === 'Sector')!.id,
    });
    expect(tags.find((t) => t.path === 'fashion show')).toMatchObject({
      source: 'file',
      photoCount: 1,
    });
    const img = (await photos()).find((p) => p.fileName === 'IMG_5218.JPG')!;
    expect(img).toMatchObject({
      tags: ['Place/Štip', 'Sector/Textile'],
      keywords: ['Štip', 'Textile'],
      fromFile: { keywords: ['fashion show'] },
    });
    expect(img.edited).toContain('keywords');
    expect(await names('--tag', 'sector')).toEqual(stip);
    expect(await names('--tag', 'Sector/Textile')).toEqual(stip);
    expect((await names('--untagged')).every((n) => !stip.includes(n))).toBe(true);
    const missing = await kadar('photos', '--tag', 'Nowhere', '--json');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('Nowhere');
  });

  it('reads people from files, adds people and tags them', async () => {
    const people = await json<PersonRow[]>('people', '--json');
    expect(people.map((p) => [p.name, p.photoCount])).toEqual([
      ['Marko Ilić', 1],
      ['Јована Петровић', 1],
    ]);
    const ana = await json<PersonRow>(
      'person',
      'add',
      '--name',
      'Ana Jović',
      '--organisation',
      'Textile Cluster',
      '--json',
    );
    expect(ana).toMatchObject({
      name: 'Ana Jović',
      organisation: 'Textile Cluster',
      photoCount: 0,
    });
    expect(
      await json('person', 'tag', '--person', String(ana.id), '--photos', list(...stip), '--json'),
    ).toEqual({
      changed: 3,
    });
    expect(await names('--person', String(ana.id))).toEqual(stip);
    expect((await photos()).find((p) => p.fileName === 'DSC_0412.JPG')!.people).toEqual([
      'Marko Ilić',
      'Јована Петровић',
    ]);
    expect(await names('--search', 'jovana')).toEqual(['DSC_0412.JPG']);
    const again = await kadar('person', 'add', '--name', 'ana jović');
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('already');
  });

  it('captions photos from templates, each with its own values; a dry run changes nothing', async () => {
    const template = '{filename} · {date:d.M.yyyy} · {people} · #{seq:02}';
    const dry = await json<{ id: number; title: string | null; caption: string }[]>(
      'caption',
      '--photos',
      list('DSC_2211.JPG', 'DSC_2208.JPG'),
      '--caption',
      template,
      '--dry-run',
      '--json',
    );
    expect(dry.map((d) => d.caption)).toEqual([
      'DSC_2211.JPG · 28.11.2015 · Ana Jović · #01',
      'DSC_2208.JPG · 28.11.2015 · Ana Jović · #02',
    ]);
    expect((await photos()).find((p) => p.fileName === 'DSC_2208.JPG')!.caption).toBe(
      'Textile Cluster Fashion Show',
    );
    await json(
      'caption',
      '--photos',
      list('DSC_2211.JPG', 'DSC_2208.JPG'),
      '--caption',
      template,
      '--title',
      '{camera}',
      '--json',
    );
    const after = (await photos()).find((p) => p.fileName === 'DSC_2208.JPG')!;
    expect(after.caption).toBe('DSC_2208.JPG · 28.11.2015 · Ana Jović · #02');
    expect(after.edited).toEqual(expect.arrayContaining(['title', 'caption']));
    const bad = await kadar(
      'caption',
      '--photos',
      list('DSC_2208.JPG'),
      '--caption',
      '{evnt} in {city}',
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/caption: Unknown variable \{evnt\}/);
  });
});
