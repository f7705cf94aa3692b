import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/dispatch';
import { createKadarApi, type KadarApi } from '../../electron/api/kadar-api';
import type { SidecarProgress, SidecarSummary } from '../../shared/api/domains/sidecars';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

// More photos than one batch of the sidecar job (200), so that a run can stop between two.
const photos = 450;
let api: KadarApi;
let catalogPath: string;
let library: string;
const call = <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> =>
  callApi(api.handlers, method, input);
const sidecarsWritten = () => readdirSync(library).filter((f) => f.endsWith('.xmp')).length;
const finished = (app: KadarApi) =>
  new Promise<SidecarSummary>((resolve) => {
    const off = app.onEvent((name, payload) => {
      if (name !== 'sidecars.finished') return;
      off();
      resolve(payload as SidecarSummary);
    });
  });

beforeAll(async () => {
  const dir = tempDir();
  catalogPath = join(dir, 'catalog.sqlite');
  library = join(dir, 'Info dan Vranje');
  mkdirSync(library);
  // Small photos, each its own (a camera's would only make indexing them slower).
  for (let i = 0; i < photos; i++)
    await sharp({
      create: { width: 32, height: 24, channels: 3, background: { r: i % 256, g: i >> 8, b: 7 } },
    })
      .jpeg()
      .toFile(join(library, `DSC_${String(i).padStart(4, '0')}.JPG`));
  api = createKadarApi({ catalogPath, threads: 2 });
  await call('roots.add', { path: library });
  await call('index.start', {});
  await api.indexing.idle();
  const { ids } = await call('photos.ids', {});
  await call('tags.add', { photoIds: ids, paths: ['Info dan'] });
}, 120_000);
afterAll(async () => {
  await api.close();
  removeTempDirs();
});

describe('writing sidecars, stopped by a person', () => {
  it('stops between two batches, keeps the rest owed, and writes it at the next opening, not at closing', async () => {
    const [root] = (await call('sidecars.status', {})).roots;
    // Stop is pressed once the first batch is written.
    const asked = new Promise<{ cancelled: boolean }>((resolve, reject) => {
      const off = api.onEvent((name, payload) => {
        if (name === 'sidecars.progress' && (payload as SidecarProgress).done > 0) {
          off();
          call('sidecars.cancel', {}).then(resolve, reject);
        }
      });
    });
    const stopped = finished(api);
    await call('sidecars.set', { rootId: root!.rootId, naming: 'digikam' });
    const summary = await stopped;
    expect(await asked).toEqual({ cancelled: true });
    expect(summary.cancelled).toBe(true);
    expect(summary.written).toBeGreaterThan(0);
    expect(summary.written).toBeLessThan(photos);
    expect(sidecarsWritten()).toBe(summary.written);
    const [owed] = (await call('sidecars.status', {})).roots;
    expect(owed!.pending).toBe(photos - summary.written);
    expect(await call('sidecars.cancel', {})).toEqual({ cancelled: false });

    // Closing writes what a command left owed, but not what a person stopped.
    await api.close({ finalBackup: false });
    expect(sidecarsWritten()).toBe(summary.written);

    api = createKadarApi({ catalogPath, threads: 2 });
    const rest = await finished(api);
    expect(rest).toMatchObject({ cancelled: false, written: photos - summary.written, failed: 0 });
    expect(sidecarsWritten()).toBe(photos);
  }, 60_000);

  it('starts writing again at the next change after a stop, with what the stop left', async () => {
    const [root] = (await call('sidecars.status', {})).roots;
    // Switched off, the sidecars deleted, and switched on again: every one is owed.
    await call('sidecars.set', { rootId: root!.rootId, naming: null });
    for (const name of readdirSync(library).filter((f) => f.endsWith('.xmp')))
      rmSync(join(library, name));
    const off = api.onEvent((name, payload) => {
      if (name === 'sidecars.progress' && (payload as SidecarProgress).done > 0) {
        off();
        void call('sidecars.cancel', {});
      }
    });
    const stopped = finished(api);
    await call('sidecars.set', { rootId: root!.rootId, naming: 'digikam' });
    expect((await stopped).cancelled).toBe(true);
    expect((await call('sidecars.status', {})).roots[0]!.pending).toBeGreaterThan(0);

    // A person tags one photo: its sidecar, and the rest the stop left, are written.
    const again = finished(api);
    const [first] = (await call('photos.ids', {})).ids;
    await call('tags.add', { photoIds: [first!], paths: ['Vranje'] });
    const summary = await again;
    expect(summary).toMatchObject({ cancelled: false, failed: 0 });
    expect(summary.written).toBeGreaterThanOrEqual(1);
    expect((await call('sidecars.status', {})).roots[0]!.pending).toBe(0);
  }, 60_000);
});
