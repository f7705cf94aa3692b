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
