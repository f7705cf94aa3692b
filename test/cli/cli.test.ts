import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Photo } from '../../shared/api/photo-schema';
import type { Stats } from '../../shared/api/catalog-schema';
import type { IndexSummary } from '../../shared/api/progress-schema';
import { isImageFileName } from '../../electron/indexer/sniff-format';
import { repoFixtures, readManifest } from '../helpers/fixtures';
import { snapshotFiles } from '../helpers/originals';
import { cliPath, parseJson, runCli } from '../helpers/run-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

afterAll(removeTempDirs);

const requiredFields = [
  'id',
  'path',
  'fileName',
  'takenAt',
  'takenAtSource',
  'make',
  'model',
  'lens',
  'focalLength',
  'fNumber',
  'exposureTime',
  'iso',
  'orientation',
  'width',
  'height',
  'gpsLatitude',
  'gpsLongitude',
  'title',
  'caption',
  'keywords',
  'error',
];

const imageCount = readManifest(repoFixtures).filter((r) => isImageFileName(r.path)).length;

describe('the kadar CLI', () => {
  const before = snapshotFiles([repoFixtures]);
  afterAll(() => expect(snapshotFiles([repoFixtures])).toEqual(before));

  it('indexes a folder, lists its photos with every field, and counts them', async () => {
    const catalog = join(tempDir(), 'catalog.sqlite');
    const index = await runCli([
      '--catalog',
      catalog,
      'index',
      repoFixtures,
      '--json',
      '--progress',
      'none',
    ]);
    expect(index.code).toBe(0);
    const summary = parseJson<IndexSummary>(index);
    expect(summary).toMatchObject({ status: 'completed', found: imageCount, added: imageCount });
    expect(summary.failures.length).toBe(summary.failed);
    expect(summary.failed).toBeGreaterThan(5);

    const photos = parseJson<Photo[]>(await runCli(['--catalog', catalog, 'photos', '--json']));
    expect(photos).toHaveLength(imageCount);
    for (const photo of photos) {
      for (const field of requiredFields)
        expect(photo, `${photo.path} has ${field}`).toHaveProperty(field);
      expect(photo.path.startsWith(repoFixtures)).toBe(true);
    }
    const agency = photos.find((p) => p.fileName === 'iptc-agency-photographer-example.jpg')!;
    expect(agency).toMatchObject({
      takenAt: '2009-06-24T09:41:07.720',
      takenAtSource: 'DateTimeOriginal',
      make: 'NIKON CORPORATION',
      model: 'NIKON D2X',
      lens: '70.0-200.0 mm f/2.8',
      focalLength: 130,
      fNumber: 4,
      exposureTime: 0.00625,
      iso: 100,
      orientation: 1,
      width: 527,
      height: 350,
      title: 'drp2091169d',
      error: null,
    });
    expect(agency.gpsLatitude).toBeCloseTo(38.890237, 5);
    expect(agency.keywords).toContain('Lincoln Memorial');
    expect(photos.find((p) => p.fileName === 'empty.jpg')!.error).toBe(
      'The file is empty (0 bytes).',
    );

    const stats = parseJson<Stats>(await runCli(['--catalog', catalog, 'stats', '--json']));
    expect(stats).toMatchObject({
      roots: 1,
      photos: imageCount,
      missing: 0,
      failed: summary.failed,
      events: 0,
      projects: 0,
    });
    expect(stats.tags).toBeGreaterThan(30);

    const searched = parseJson<Photo[]>(
      await runCli([
        '--catalog',
        catalog,
        'photos',
        '--json',
        '--search',
        'washington',
        '--limit',
        '5',
      ]),
    );
    expect(searched.map((p) => p.fileName)).toEqual(['iptc-agency-photographer-example.jpg']);
    const limited = parseJson<Photo[]>(
      await runCli(['--catalog', catalog, 'photos', '--json', '--limit', '3', '--root', '1']),
    );
    expect(limited).toHaveLength(3);

    const again = parseJson<IndexSummary>(
      await runCli(['--catalog', catalog, 'index', repoFixtures, '--json']),
    );
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: imageCount });
    const rescan = await runCli(['--catalog', catalog, 'rescan']);
    expect(rescan.code).toBe(0);
    expect(rescan.stdout).toMatch(
      new RegExp(`${imageCount} files found, 0 added, 0 updated, 0 moved, ${imageCount} unchanged`),
    );
  });

  it('uses KADAR_CATALOG when --catalog is not given', async () => {
    const catalog = join(tempDir(), 'from-env.sqlite');
    const env = { ...process.env, KADAR_CATALOG: catalog };
    expect((await runCli(['index', join(repoFixtures, 'gps')], { env })).code).toBe(0);
    expect(parseJson<Stats>(await runCli(['stats', '--json'], { env })).photos).toBe(4);
  });

  it('gives the same capture times whatever time zone the machine is in', async () => {
    const read = async (tz: string) => {
      const catalog = join(tempDir(), `${tz.replace('/', '-')}.sqlite`);
      const env = { ...process.env, TZ: tz };
      expect((await runCli(['--catalog', catalog, 'index', repoFixtures], { env })).code).toBe(0);
      const photos = parseJson<Photo[]>(
        await runCli(['--catalog', catalog, 'photos', '--json'], { env }),
      );
      return photos.sort((a, b) => a.path.localeCompare(b.path));
    };
    const [utc, auckland] = await Promise.all([read('UTC'), read('Pacific/Auckland')]);
    expect(auckland.map((p) => p.path)).toEqual(utc.map((p) => p.path));
    const instant = (p: Photo) => Date.parse(`${p.takenAt}${p.takenAtOffset}`);
    let fromCamera = 0;
    utc.forEach((u, i) => {
      const a = auckland[i]!;
      if (u.takenAtSource === 'FileTime') {
        // A file's own time is an instant; each machine shows it in its own zone.
        expect(instant(a)).toBe(instant(u));
        expect(a.takenAtOffset).not.toBe(u.takenAtOffset);
      } else {
        fromCamera++;
        expect([a.takenAt, a.takenAtOffset, a.takenAtSource]).toEqual([
          u.takenAt,
          u.takenAtOffset,
          u.takenAtSource,
        ]);
      }
    });
    // At least every photo exiftool finds a DateTimeOriginal in.
    expect(fromCamera).toBeGreaterThanOrEqual(
      readManifest(repoFixtures).filter((r) => r.DateTimeOriginal).length,
    );
  });

  it('ends with one line and a non-zero status on fatal errors', async () => {
    const catalog = join(tempDir(), 'catalog.sqlite');
    const missing = await runCli(['--catalog', catalog, 'index', '/no/such/folder']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('kadar: The folder /no/such/folder does not exist (ENOENT).\n');

    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, 'x');
    const unwritable = await runCli([
      '--catalog',
      join(blocker, 'catalog.sqlite'),
      'index',
      repoFixtures,
    ]);
    // Seen once ended by a signal (not reproduced in 400 runs): what it said is kept to tell why.
    expect(unwritable.code, `${unwritable.signal}: ${unwritable.stderr}`).toBe(1);
    expect(unwritable.stderr.trim().split('\n')).toHaveLength(1);
    expect(unwritable.stderr).toMatch(/^kadar: Cannot write the catalog .*not writable/);

    const usage = await runCli(['--catalog', catalog, 'photos', '--limit', 'lots']);
    expect(usage.code).not.toBe(0);
    expect(usage.stderr).toMatch(/positive whole number/);
    const threads = await runCli(['--catalog', catalog, 'serve', '--threads', '0']);
    expect(threads.code).not.toBe(0);
    expect(threads.stderr).toMatch(/--threads.*positive whole number/);
  });

  it('reports a folder it may not read, and indexes the rest', async () => {
    // Root reads every folder whatever its mode, so the CLI runs as "nobody" when tests run as root.
    const asRoot = process.getuid?.() === 0;
    const base = tempDir();
    chmodSync(base, 0o777);
    const library = join(base, 'library');
    mkdirSync(join(library, 'open'), { recursive: true });
    mkdirSync(join(library, 'locked'), { recursive: true });
    copyFileSync(join(repoFixtures, 'gps/DSCN0010.jpg'), join(library, 'open', 'DSC_0010.JPG'));
    copyFileSync(
      join(repoFixtures, 'gps/Kodak_CX7530.jpg'),
      join(library, 'locked', 'DSC_0011.JPG'),
    );
    chmodSync(join(library, 'locked'), 0o000);
    try {
      const options = asRoot ? { uid: 65534, gid: 65534 } : {};
      const result = await runCli(
        ['--catalog', join(base, 'catalog.sqlite'), 'index', library, '--json'],
        options,
      );
      expect(result.code).toBe(0);
      const summary = parseJson<IndexSummary>(result);
      expect(summary.added).toBe(1);
      expect(summary.issues).toEqual([
        {
          path: join(library, 'locked'),
          code: 'EACCES',
          message: 'This folder could not be read (permission denied).',
        },
      ]);
    } finally {
      chmodSync(join(library, 'locked'), 0o755);
    }
  });
});

describe('the progress bar', () => {
  it('draws on a terminal and reports rate and time left', async () => {
    const catalog = join(tempDir(), 'catalog.sqlite');
    // `script` gives the CLI a pseudo-terminal, as a person at a shell would.
    const tty = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        'script',
        [
          '-qec',
          `"${process.execPath}" "${cliPath}" --catalog "${catalog}" index "${repoFixtures}"`,
          '/dev/null',
        ],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('error', reject);
      child.on('close', () => resolve(out));
    });
    expect(tty).toMatch(/█+░*/);
    expect(tty).toMatch(
      /\d+\/\d+ read, \d+ failed, 0 unchanged \| [\d.]+\/s \| ETA (\d+:\d\d|--:--) \| found \d+/,
    );
    expect(tty).toContain(`${imageCount} files found, ${imageCount} added`);
  });
});
