import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, dispatch, type Handlers } from '../../electron/api/dispatch';
import { createKadarApi, type KadarApi } from '../../electron/api/kadar-api';
import { photoCellSchema } from '../../shared/api/photo-schema';
import type { IndexSummary } from '../../shared/api/progress-schema';
import { repoFixtures } from '../helpers/fixtures';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

let api: KadarApi;
const events: [string, unknown][] = [];

beforeAll(async () => {
  api = createKadarApi({ catalogPath: join(tempDir(), 'catalog.sqlite') });
  api.onEvent((name, payload) => events.push([name, payload]));
  const sampleDone = new Promise<void>((resolve) =>
    api.onEvent((name, payload) => {
      const changed = payload as { reason?: string; kinds?: string[] };
      if (
        name === 'catalog.changed' &&
        changed.reason === 'sample' &&
        changed.kinds?.includes('documents')
      )
        resolve();
    }),
  );
  await callApi(api.handlers, 'sample.open', {});
  // The sample links its photos to events once they are indexed, then attaches its documents.
  await sampleDone;
});

afterAll(async () => {
  await api.close();
  removeTempDirs();
});

const ids = async (search: string) =>
  (await callApi(api.handlers, 'photos.ids', { search, sort: 'takenAt', order: 'asc' })).ids;

describe('the API over the sample archive', () => {
  it('builds the sample: its photos, events in order, projects with partners, documents', async () => {
    const stats = await callApi(api.handlers, 'catalog.stats', {});
    expect(stats).toMatchObject({
      roots: 1,
      photos: 10,
      failed: 0,
      events: 5,
      projects: 3,
      organisations: 4,
      documents: 2,
    });
    const list = await callApi(api.handlers, 'events.list', {});
    expect(list.map((e) => [e.startsOn, e.city, e.photoCount])).toEqual([
      ['2015-11-19', 'Niš', 3],
      ['2015-11-24', 'Vranje', 1],
      ['2015-11-25', 'Leskovac', 1],
      ['2015-11-28', 'Štip', 3],
      ['2017-12-28', 'Niš', 2],
    ]);
    const projects = await callApi(api.handlers, 'projects.list', {});
    const furniture = projects.find((p) => p.name === 'Furniture-RE')!;
    expect(furniture).toMatchObject({
      programme: 'Danube START',
      partners: [
        { name: 'Furniture Cluster South', role: 'lead' },
        { name: 'Cluster House', role: 'partner' },
      ],
    });
    expect(furniture.eventIds).toHaveLength(2);
    expect(events.some(([name]) => name === 'index.finished')).toBe(true);
    const finished = events.find(([name]) => name === 'index.finished')![1] as IndexSummary;
    expect(finished).toMatchObject({ status: 'completed', added: 10, failed: 0 });
  });

  it('finds the same photos whatever the spelling or script', async () => {
    const nis = await ids('Nis');
    expect(nis).toHaveLength(5);
    expect(await ids('Niš')).toEqual(nis);
    expect(await ids('Ниш')).toEqual(nis);
    expect(await ids('nish')).toEqual(nis);
    const stip = await ids('stip');
    expect(stip).toHaveLength(3);
    expect(await ids('Штип')).toEqual(stip);
    expect(await ids('Štip fashion')).toEqual(stip);
    expect(await ids('Лесковац')).toEqual(await ids('leskovac'));
    expect(await ids('IPA Bulgaria')).toHaveLength(6);
    expect(await ids('Danube')).toHaveLength(2);
  });

  it('groups the grid by day in date order', async () => {
    const { ids: all, groups } = await callApi(api.handlers, 'photos.ids', {
      sort: 'takenAt',
      order: 'desc',
    });
    expect(groups.map((g) => [g.key, g.count])).toEqual([
      ['2017-12-28', 2],
      ['2015-11-28', 3],
      ['2015-11-25', 1],
      ['2015-11-24', 1],
      ['2015-11-20', 1],
      ['2015-11-19', 2],
    ]);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(all.length);
    const byName = await callApi(api.handlers, 'photos.ids', { sort: 'name', order: 'asc' });
    expect(byName.groups).toEqual([{ key: '', start: 0, count: 10 }]);
    const days = await callApi(api.handlers, 'photos.days', {
      from: '2015-11-28',
      to: '2015-11-28',
    });
    expect(days.reduce((n, d) => n + d.count, 0)).toBe(10);
  });

  it("answers the grid's cells with what the photos' records say, in the contract's shape", async () => {
    const all = (await callApi(api.handlers, 'photos.ids', { sort: 'name', order: 'asc' })).ids;
    const records = await callApi(api.handlers, 'photos.get', { ids: all });
    const cells = await callApi(api.handlers, 'photos.cells', { ids: all });
    expect(cells.map((c) => c.id).sort()).toEqual([...all].sort());
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const cell of cells) {
      const record = byId.get(cell.id)! as Record<string, unknown>;
      expect(cell).toEqual(
        Object.fromEntries(Object.keys(photoCellSchema.shape).map((k) => [k, record[k]])),
      );
    }
  });

  it('makes thumbnails and previews by id, again after the cache is deleted', async () => {
    const [photo] = await callApi(api.handlers, 'photos.get', {
      ids: [(await ids('IMG_2682'))[0]!],
    });
    expect(photo).toMatchObject({
      fileName: 'IMG_2682.HEIC',
      hasThumbnail: true,
      width: 4032,
      height: 3024,
    });
    const preview = await api.images('preview', photo!.id);
    expect(await sharp(preview!.path).metadata()).toMatchObject({
      width: 2048,
      height: 1536,
      format: 'jpeg',
    });

    rmSync(api.cacheDir, { recursive: true });
    expect(existsSync(api.cacheDir)).toBe(false);
    const thumb = await api.images('thumb', photo!.id);
    expect(await sharp(thumb!.path).metadata()).toMatchObject({ width: 320, height: 240 });
    expect(await api.images('thumb', 999_999)).toBeNull();
    expect(await api.images('thumb', -3)).toBeNull();
  });

  it('says when a shell service needs the desktop app', async () => {
    for (const [method, input] of [
      ['shell.pickFolder', {}],
      ['shell.showInFolder', { photoId: 1 }],
      ['shell.showExport', { exportId: 1 }],
      ['shell.pickDocuments', {}],
      ['shell.openDocument', { id: 1 }],
    ] as const) {
      expect(await dispatch(api.handlers, method, input)).toEqual({
        ok: false,
        error: { code: 'UNSUPPORTED', message: expect.stringContaining('desktop app') as string },
      });
    }
    expect(await callApi(api.handlers, 'app.info', {})).toMatchObject({
      shell: 'browser',
      sampleAvailable: true,
    });
  });

  it('treats output that breaks the contract as a bug, not as data', async () => {
    const broken = {
      ...api.handlers,
      'catalog.stats': () => ({ photos: 'many' }),
    } as unknown as Handlers;
    expect(await dispatch(broken, 'catalog.stats', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('runs one index at a time, queues the rest, and cancels', async () => {
    const first = await callApi(api.handlers, 'roots.add', { path: join(repoFixtures, 'cameras') });
    const second = await callApi(api.handlers, 'roots.add', {
      path: join(repoFixtures, 'iptc-xmp'),
    });
    expect(await callApi(api.handlers, 'index.start', { rootIds: [first.rootId] })).toEqual({
      started: true,
    });
    expect(await callApi(api.handlers, 'index.start', { rootIds: [second.rootId] })).toEqual({
      started: true,
    });
    expect((await callApi(api.handlers, 'index.state', {})).running).toBe(true);
    await api.indexing.idle();
    const roots = await callApi(api.handlers, 'roots.list', {});
    expect(roots.find((r) => r.id === second.rootId)!.photoCount).toBe(8);

    const third = await callApi(api.handlers, 'roots.add', { path: join(repoFixtures, 'broken') });
    await callApi(api.handlers, 'index.start', { rootIds: [third.rootId] });
    expect(await callApi(api.handlers, 'index.cancel', {})).toEqual({ cancelled: true });
    await api.indexing.idle();
    expect((await callApi(api.handlers, 'index.state', {})).lastSummary?.status).toMatch(
      /cancelled|completed/,
    );
    expect(await callApi(api.handlers, 'index.cancel', {})).toEqual({ cancelled: false });
  });
});
