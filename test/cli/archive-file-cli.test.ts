import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveImportSummary } from '../../shared/api/domains/archive-file';
import type { KadarEvent } from '../../shared/api/domains/events';
import type { Photo } from '../../shared/api/photo-schema';
import { parseJson, runCli } from '../helpers/run-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

const sample = fileURLToPath(new URL('../../assets/sample/photos/', import.meta.url));
let dir: string;
let library: string;
let first: string;
let second: string;

const kadar = (catalog: string, ...args: string[]) => runCli(['--catalog', catalog, ...args]);
async function json<T>(catalog: string, ...args: string[]): Promise<T> {
  const result = await kadar(catalog, ...args);
  expect(result.code, `kadar ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return parseJson<T>(result);
}
const described = (photos: Photo[]) =>
  photos
    .map((p) => ({
      relPath: p.relPath,
      title: p.title,
      rating: p.rating,
      tags: p.tags,
      event: p.eventTitle,
    }))
    .sort((a, b) => a.relPath.localeCompare(b.relPath));

afterAll(removeTempDirs);
beforeAll(async () => {
  dir = tempDir();
  first = join(dir, 'first', 'catalog.sqlite');
  second = join(dir, 'second', 'catalog.sqlite');
  library = join(dir, 'library');
  cpSync(sample, library, { recursive: true, preserveTimestamps: true });
  await json(first, 'index', library, '--json', '--progress', 'none');
  const photos = await json<Photo[]>(first, 'photos', '--json');
  const stip = photos.filter((p) => p.relPath.includes('Štip')).map((p) => p.id);
  await json(
    first,
    'event',
    'add',
    '--title',
    'Modna revija',
    '--start',
    '2015-11-28',
    '--city',
    'Štip',
    '--photos',
    stip.join(','),
    '--json',
  );
  await json(first, 'tag', '--photos', stip.join(','), '--add', 'Sector/Textile', '--json');
  await json(first, 'rate', '--photos', String(stip[0]), '--stars', '4', '--json');
}, 60_000);

describe('kadar archive export and kadar archive import', () => {
  it('exports, and another catalog imports it: the same events and photos once indexed', async () => {
    const file = join(dir, 'archive.json');
    const written = await json<{ path: string; counts: Record<string, number> }>(
      first,
      'archive',
      'export',
      file,
      '--json',
    );
    expect(written).toMatchObject({ path: file, counts: { events: 1, photos: 3 } });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      format: 'kadar-archive',
      version: 1,
    });

    const summary = await json<ArchiveImportSummary>(second, 'archive', 'import', file, '--json');
    expect(summary).toMatchObject({
      path: file,
      counts: { events: { created: 1, matched: 0, updated: 0 }, photos: { created: 3 } },
      unresolvedPhotoRefs: 0,
    });
    const again = await json<ArchiveImportSummary>(second, 'archive', 'import', file, '--json');
    expect(again.counts.events).toEqual({ created: 0, matched: 1, updated: 0 });
    expect(again.counts.photos).toEqual({ created: 0, matched: 3, updated: 0 });

    // The library folder came with the file; a rescan reads its photos.
    await json(second, 'rescan', '--json', '--progress', 'none');
    const [mine, theirs] = await Promise.all([
      json<Photo[]>(first, 'photos', '--json'),
      json<Photo[]>(second, 'photos', '--json'),
    ]);
    expect(described(theirs)).toEqual(described(mine));
    expect((await json<KadarEvent[]>(second, 'events', '--json')).map((e) => e.title)).toEqual([
      'Modna revija',
    ]);
  });

  it('says what it did without --json', async () => {
    const file = join(dir, 'plain.json');
    const out = await kadar(first, 'archive', 'export', file);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Wrote .*plain\.json: .*1 events/);
    const imported = await kadar(second, 'archive', 'import', file);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('events: 0 new, 1 already here');
  });

  it('refuses a file that is not an archive, with the field, and a missing one', async () => {
    const bad = join(dir, 'bad.json');
    const doc = JSON.parse(readFileSync(join(dir, 'archive.json'), 'utf8')) as {
      events: { startsOn: string }[];
    };
    doc.events[0]!.startsOn = '28.11.2015';
    writeFileSync(bad, JSON.stringify(doc));
    const refused = await kadar(second, 'archive', 'import', bad, '--json');
    expect(refused.code).toBe(1);
    expect(parseJson(refused)).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: expect.stringContaining('events.0.startsOn') as string,
      },
    });
    expect(refused.stderr).toContain('events.0.startsOn');

    const missing = await kadar(second, 'archive', 'import', join(dir, 'nowhere.json'), '--json');
    expect(missing.code).toBe(1);
    expect(parseJson(missing)).toMatchObject({ error: { code: 'FILE_UNREADABLE' } });

    const nowhere = await kadar(
      first,
      'archive',
      'export',
      join(dir, 'no', 'such', 'a.json'),
      '--json',
    );
    expect(parseJson(nowhere)).toMatchObject({ error: { code: 'FOLDER_NOT_FOUND' } });
  });
});
