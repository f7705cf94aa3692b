import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atomicTmpName } from '../../electron/longevity/atomic-file';
import { readKadarLayer } from '../../electron/longevity/sidecars/sidecar-xmp';
import type { SidecarStatus, SidecarSummary } from '../../shared/api/domains/sidecars';
import { catalogCli, cliPath, parseJson } from '../helpers/run-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

const count = 1500;
let dir: string;
let catalog: string;
let library: string;

const { kadar, json } = catalogCli(() => catalog);
const names = () => readdirSync(library);

afterAll(removeTempDirs);
beforeAll(async () => {
  dir = tempDir();
  catalog = join(dir, 'catalog.sqlite');
  library = join(dir, 'library');
  mkdirSync(library);
  // Small distinct photos, many of them: writing their sidecars takes long enough to be killed.
  for (let i = 0; i < count; i++) {
    const jpeg = await sharp({
      create: { width: 8, height: 8, channels: 3, background: { r: i % 256, g: i >> 8, b: 7 } },
    })
      .jpeg()
      .toBuffer();
    writeFileSync(join(library, `DSC_${String(i).padStart(4, '0')}.JPG`), jpeg);
  }
  await json('index', library, '--json', '--progress', 'none');
  const ids = (await json<{ id: number }[]>('photos', '--json')).map((p) => p.id).join(',');
  await json(
    'event',
    'add',
    '--title',
    'Info day Leskovac',
    '--start',
    '2015-11-25',
    '--photos',
    ids,
    '--json',
  );
}, 180_000);

describe('kadar sidecars', () => {
  it('a SIGKILL while sidecars are written leaves no half-written sidecar, and the next run finishes', async () => {
    const child = spawn(
      process.execPath,
      [cliPath, '--catalog', catalog, 'sidecars', 'on', '--root', '1', '--json'],
      {
        stdio: 'ignore',
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    // Killed once some sidecars are there and before all of them are.
    for (;;) {
      const written = names().filter((n) => n.endsWith('.xmp')).length;
      if (written > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const xmp = names().filter((n) => n.endsWith('.xmp'));
    expect(xmp.length).toBeGreaterThan(0);
    expect(xmp.length).toBeLessThan(count);
    // Every sidecar where a reader looks is whole.
    for (const name of xmp)
      expect(readKadarLayer(readFileSync(join(library, name), 'utf8'))?.event?.title, name).toBe(
        'Info day Leskovac',
      );

    // What a writer killed mid-write leaves: a hidden, half-written temporary file. Beside it,
    // two of another computer's (a network share): one being written now, one a day old.
    const debris = atomicTmpName('DSC_0000.JPG.xmp', child.pid);
    writeFileSync(join(library, debris), '<?xpacket begin="');
    const othersNow = '.DSC_0001.JPG.xmp.kadar-0ff1ce02-4242.tmp';
    const othersOld = '.DSC_0002.JPG.xmp.kadar-0ff1ce02-4243.tmp';
    for (const name of [othersNow, othersOld]) writeFileSync(join(library, name), '<?xpacket');
    const dayAgo = Date.now() / 1000 - 25 * 3600;
    utimesSync(join(library, othersOld), dayAgo, dayAgo);

    const status = await json<SidecarStatus>('sidecars', '--json');
    expect(status.roots[0]).toMatchObject({ naming: 'digikam' });
    expect(status.roots[0]!.pending).toBeGreaterThan(0);
    const again = await json<SidecarSummary>('sidecars', 'on', '--root', '1', '--json');
    expect(again).toMatchObject({ failed: 0, cancelled: false });
    expect(again.written + again.unchanged).toBe(count);
    expect(names().filter((n) => n.endsWith('.xmp'))).toHaveLength(count);
    // What the killed writer left half-written (hidden, never named .xmp) is cleared.
    expect(names()).not.toContain(debris);
    expect(names().filter((n) => n.endsWith('.tmp'))).toEqual([othersNow]);
    expect((await json<SidecarStatus>('sidecars', '--json')).roots[0]!.pending).toBe(0);
  });

  it('a rescan after writing finds every photo unchanged', async () => {
    const summary = await json<{ unchanged: number; updated: number }>(
      'rescan',
      '--json',
      '--progress',
      'none',
    );
    expect(summary).toMatchObject({ unchanged: count, updated: 0 });
  });

  it('switches off, and names a folder that is not in the library', async () => {
    expect(await json('sidecars', 'off', '--root', '1', '--json')).toMatchObject({ naming: null });
    const missing = await kadar('sidecars', 'on', '--root', '9', '--json');
    expect(missing.code).not.toBe(0);
    expect(parseJson(missing)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
