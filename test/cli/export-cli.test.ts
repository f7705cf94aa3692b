import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportRecord } from '../../shared/api/domains/export';
import type { ExportPreset } from '../../shared/api/domains/export-presets';
import type { Photo } from '../../shared/api/photo-schema';
import { catalogCli, cliPath, parseJson } from '../helpers/run-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

const sample = fileURLToPath(new URL('../../assets/sample/photos/', import.meta.url));
let catalog: string;
let dir: string;
let stip: number;
let big: number;

const { kadar, json } = catalogCli(() => catalog);

interface Exported {
  exportId: number;
  files: { path: string; width: number; height: number; bytes: number; photoId: number }[];
  gallery: string;
  zip: string | null;
  skipped: unknown[];
}

afterAll(removeTempDirs);
beforeAll(async () => {
  dir = tempDir();
  catalog = join(dir, 'catalog.sqlite');
  cpSync(sample, join(dir, 'library', 'sample'), { recursive: true });
  // Twenty 6-megapixel photos: an export of them takes seconds, long enough to kill.
  const large = join(dir, 'library', 'large');
  mkdirSync(large, { recursive: true });
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      sharp({
        create: {
          width: 3000,
          height: 2000,
          channels: 3,
          background: '#808080',
          noise: { type: 'gaussian', mean: 100 + i, sigma: 40 },
        },
      })
        .jpeg({ quality: 90 })
        .toFile(join(large, `DSC_${String(i + 1).padStart(4, '0')}.JPG`)),
    ),
  );
  await json('index', join(dir, 'library'), '--json', '--progress', 'none');
  const photos = await json<Photo[]>('photos', '--json');
  const ids = (folder: string) =>
    photos
      .filter((p) => p.relPath.startsWith(folder))
      .map((p) => p.id)
      .join(',');
  const event = async (title: string, photoIds: string) =>
    (
      await json<{ id: number }>(
        'event',
        'add',
        '--title',
        title,
        '--start',
        '2015-11-28',
        '--photos',
        photoIds,
        '--json',
      )
    ).id;
  stip = await event('Модна ревија Штип', ids('sample/2015/2015-11-28'));
  big = await event('Velika skupština', ids('large'));
}, 120_000);

describe('kadar presets and kadar export', () => {
  it('lists the three default presets', async () => {
    const presets = await json<ExportPreset[]>('presets', '--json');
    expect(presets.map((p) => [p.name, p.settings.size, p.settings.quality])).toEqual([
      ['Website', { fit: 'long-edge', longEdge: 2048 }, 85],
      ['Newsletter', { fit: 'long-edge', longEdge: 1200 }, 80],
      ['Full-size copy', { fit: 'original' }, 92],
    ]);
  });

  it('exports an event with a preset named in any case, prints its files as JSON, and packs a ZIP', async () => {
    const out = join(dir, 'out', 'stip');
    mkdirSync(dirname(out), { recursive: true });
    const result = await json<Exported>(
      'export',
      '--event',
      String(stip),
      '--preset',
      'NEWSLETTER',
      '--out',
      out,
      '--zip',
      '--json',
    );
    expect(result.files.map((f) => f.path)).toEqual(
      [1, 2, 3].map((n) => join(out, `modna-revija-stip-00${n}.jpg`)),
    );
    for (const f of result.files) {
      expect(readFileSync(f.path).length).toBe(f.bytes);
      expect(Math.max(f.width, f.height)).toBeLessThanOrEqual(1200);
      expect(f.photoId).toEqual(expect.any(Number));
    }
    expect(result.gallery).toBe(join(out, 'index.html'));
    expect(result.zip).toBe(join(out, 'stip.zip'));
    const entries = Object.keys(unzipSync(readFileSync(result.zip!))).sort();
    expect(entries).toEqual(
      [
        'assets/gallery.css',
        'assets/gallery.js',
        'assets/photoswipe.css',
        'captions.csv',
        'gallery.json',
        'index.html',
        'news.txt',
        ...result.files.map((f) => f.path.slice(out.length + 1)),
      ].sort(),
    );
    const history = await json<ExportRecord[]>('exports', '--json');
    expect(history[0]).toMatchObject({
      id: result.exportId,
      status: 'done',
      fileCount: 3,
      presetName: 'Newsletter',
      zip: result.zip,
    });
  });

  it('refuses a non-empty folder without --force, a missing source and an unknown preset, as JSON errors', async () => {
    const busy = join(dir, 'out', 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'keep.txt'), 'keep');
    const refused = await kadar(
      'export',
      '--event',
      String(stip),
      '--preset',
      'website',
      '--out',
      busy,
      '--json',
    );
    expect(refused.code).toBe(1);
    expect(parseJson(refused)).toEqual({
      error: { code: 'OUTPUT_NOT_EMPTY', message: expect.stringContaining('--force') as string },
    });
    expect(readdirSync(busy)).toEqual(['keep.txt']);
    expect(
      parseJson(await kadar('export', '--preset', 'website', '--out', busy, '--json')),
    ).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(
      parseJson(
        await kadar('export', '--event', String(stip), '--preset', 'web', '--out', busy, '--json'),
      ),
    ).toMatchObject({
      error: {
        code: 'NOT_FOUND',
        message: expect.stringContaining('"Website", "Newsletter", "Full-size copy"') as string,
      },
    });
    const forced = await json<Exported>(
      'export',
      '--event',
      String(stip),
      '--preset',
      'website',
      '--out',
      busy,
      '--force',
      '--json',
    );
    expect(forced.files).toHaveLength(3);
    expect(readdirSync(busy)).not.toContain('keep.txt');
  });
});

describe('on a terminal', () => {
  /** Runs the CLI on a pseudo-terminal (util-linux `script`), typing `input`. */
  const onTerminal = (args: string[], input: string) =>
    new Promise<string>((resolve, reject) => {
      const command = [process.execPath, cliPath, '--catalog', catalog, ...args]
        .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
        .join(' ');
      const child = spawn('script', ['-qec', command, '/dev/null'], { stdio: 'pipe' });
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
      child.on('error', reject);
      child.on('close', () => resolve(output));
      child.stdin.end(input);
    });

  it('asks before replacing a folder, and shows a progress bar', async () => {
    const busy = join(dir, 'out', 'asked');
    mkdirSync(busy, { recursive: true });
    writeFileSync(join(busy, 'keep.txt'), 'keep');
    const args = ['export', '--event', String(stip), '--preset', 'website', '--out', busy];
    const declined = await onTerminal(args, 'n\n');
    expect(declined).toContain('Replace it? [y/N]');
    expect(readdirSync(busy)).toEqual(['keep.txt']);
    const accepted = await onTerminal(args, 'y\n');
    expect(accepted).toMatch(/100% \| 3\/3 photos, 0 skipped/);
    expect(accepted).toContain(`Exported 3 photos to ${busy}`);
    expect(readdirSync(busy)).toContain('index.html');
    expect(readdirSync(busy)).not.toContain('keep.txt');
  });
});

describe('a killed export', () => {
  it('leaves no output folder, and the next start removes its debris', async () => {
    const parent = join(dir, 'killed');
    mkdirSync(parent);
    const out = join(parent, 'gallery');
    const child = spawn(
      process.execPath,
      [
        cliPath,
        '--catalog',
        catalog,
        'export',
        '--event',
        String(big),
        '--preset',
        'Full-size copy',
        '--out',
        out,
      ],
      { stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Killed once the first images are written into the hidden folder beside the target.
    const staging = () => readdirSync(parent).find((n) => n.startsWith('.gallery.kadar-export-'));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const s = staging();
      if (s && readdirSync(join(parent, s)).some((n) => n.endsWith('.jpg'))) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const debris = staging();
    expect(debris, 'the export was writing').toBeDefined();
    expect(readdirSync(join(parent, debris!)).length).toBeLessThan(20);
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(parent)).toEqual([debris]);

    // Any next start of the catalog clears it.
    const history = await json<ExportRecord[]>('exports', '--json');
    expect(readdirSync(parent)).toEqual([]);
    expect(history[0]).toMatchObject({ outDir: out, status: 'interrupted', fileCount: 0 });
  }, 90_000);
});
