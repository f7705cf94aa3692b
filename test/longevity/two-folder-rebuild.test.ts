import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { callApi } from '../../electron/api/dispatch';
import { createKadarApi, type KadarApi } from '../../electron/api/kadar-api';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { repoFixtures } from '../helpers/fixtures';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

afterAll(removeTempDirs);

const invitation = fileURLToPath(
  new URL('../../assets/sample/documents/invitation-fashion-show-stip.pdf', import.meta.url),
);

it('a rebuild whose folders are indexed one run after another keeps galleries in order and exports whole', async () => {
  const dir = tempDir();
  const catalogPath = join(dir, 'catalog.sqlite');
  const [a, b] = [join(dir, 'Folder A'), join(dir, 'Folder B')];
  for (const [folder, name] of [
    [a, 'a1.jpg'],
    [b, 'b1.jpg'],
    [b, 'b2.jpg'],
  ] as const) {
    mkdirSync(folder, { recursive: true });
    copyFileSync(join(repoFixtures, 'cameras/Canon_40D.jpg'), join(folder, name));
  }
  let api: KadarApi;
  const call = <M extends MethodName>(m: M, input: MethodInput<M>): Promise<MethodOutput<M>> =>
    callApi(api.handlers, m, input);
  const byName = async () => {
    const { ids } = await call('photos.ids', { sort: 'takenAt', order: 'asc' });
    return new Map((await call('photos.get', { ids })).map((p) => [p.fileName, p.id]));
  };

  api = createKadarApi({ catalogPath, threads: 1 });
  const roots = [
    (await call('roots.add', { path: a })).rootId,
    (await call('roots.add', { path: b })).rootId,
  ];
  await call('index.start', {});
  await api.indexing.idle();
  let names = await byName();
  const order = ['b2.jpg', 'a1.jpg', 'b1.jpg'];
  const gallery = await call('galleries.create', {
    name: 'Newsletter',
    photoIds: order.map((n) => names.get(n)!),
  });
  mkdirSync(join(dir, 'web'));
  const { exportId } = await call('export.start', {
    source: { kind: 'photos', ids: order.map((n) => names.get(n)!) },
    presetName: 'Website',
    outDir: join(dir, 'web', 'newsletter'),
  });
  await api.exporting.finished(exportId);
  for (const rootId of roots) await call('sidecars.set', { rootId, naming: 'digikam' });
  await api.close();

  // The catalog is lost; the folders are indexed again, A in one run and B in the next.
  for (const name of readdirSync(dir))
    if (name.startsWith('catalog.sqlite')) rmSync(join(dir, name));
  api = createKadarApi({ catalogPath, threads: 1 });
  for (const folder of [a, b]) {
    await call('roots.add', { path: folder });
    await call('index.start', {});
    await api.indexing.idle();
  }
  names = await byName();
  try {
    const [again] = await call('galleries.list', {});
    expect(again?.name).toBe(gallery.name);
    const { photoIds } = await call('galleries.get', { id: again!.id });
    expect(photoIds).toEqual(order.map((n) => names.get(n)));
  } finally {
    await api.close();
  }
  // The export's own list of the photos it was asked for (what "export again" uses).
  const db = new Database(catalogPath, { readonly: true });
  try {
    const asked = db.prepare(`SELECT source_photos FROM exports`).pluck().all() as string[];
    expect(asked.map((s) => JSON.parse(s) as number[])).toEqual([order.map((n) => names.get(n))]);
  } finally {
    db.close();
  }

  const rebuild = async (folders: string[]) => {
    for (const name of readdirSync(dir))
      if (name.startsWith('catalog.sqlite')) rmSync(join(dir, name));
    api = createKadarApi({ catalogPath, threads: 1 });
    try {
      for (const folder of folders) {
        await call('roots.add', { path: folder });
        await call('index.start', {});
        await api.indexing.idle();
      }
      names = await byName();
      const [again] = await call('galleries.list', {});
      return (await call('galleries.get', { id: again!.id })).photoIds;
    } finally {
      await api.close();
    }
  };
  // The other folder first: the same order.
  expect(await rebuild([b, a])).toEqual(order.map((n) => names.get(n)));

  // Folder A's file is older, from before the gallery was put in its order: read after folder
  // B's, it does not undo the newer order; it adds the photo it finds after the others.
  const fileA = join(a, 'kadar-archive.json');
  const doc = JSON.parse(readFileSync(fileA, 'utf8')) as {
    exportedAt: string;
    galleries: { photos: unknown[] }[];
  };
  doc.exportedAt = '2020-01-01T00:00:00.000Z';
  doc.galleries[0]!.photos.reverse();
  writeFileSync(fileA, JSON.stringify(doc));
  expect(await rebuild([b, a])).toEqual(['b2.jpg', 'b1.jpg', 'a1.jpg'].map((n) => names.get(n)));
});

it('finds two folders at new paths, indexed one run after another, with what was linked in each', async () => {
  const dir = tempDir();
  const catalogPath = join(dir, 'catalog.sqlite');
  const old = [join(dir, 'old', 'A'), join(dir, 'old', 'B')];
  for (const folder of old) {
    mkdirSync(folder, { recursive: true });
    copyFileSync(join(repoFixtures, 'cameras/Canon_40D.jpg'), join(folder, 'photo.jpg'));
  }
  copyFileSync(invitation, join(old[1]!, 'invitation.pdf'));
  let api = createKadarApi({ catalogPath, threads: 1 });
  const call = <M extends MethodName>(m: M, input: MethodInput<M>): Promise<MethodOutput<M>> =>
    callApi(api.handlers, m, input);
  const rootIds = [];
  for (const folder of old) rootIds.push((await call('roots.add', { path: folder })).rootId);
  await call('index.start', {});
  await api.indexing.idle();
  const event = await call('events.create', { title: 'Info day', startsOn: '2015-11-28' });
  await call('documents.attach', {
    owner: { eventId: event.id },
    sources: [{ path: join(old[1]!, 'invitation.pdf'), link: true }],
  });
  await call('searches.save', { name: 'Only B', filter: { rootId: rootIds[1]! } });
  for (const rootId of rootIds) await call('sidecars.set', { rootId, naming: 'lightroom' });
  await api.close();

  // Another machine: both folders elsewhere, the catalog lost; A is indexed, then B, and
  // between the two runs A's file is written again (with A's new path).
  const moved = [join(dir, 'new', 'A'), join(dir, 'new', 'B')];
  mkdirSync(join(dir, 'new'));
  old.forEach((folder, i) => renameSync(folder, moved[i]!));
  for (const name of readdirSync(dir))
    if (name.startsWith('catalog.sqlite')) rmSync(join(dir, name));
  api = createKadarApi({ catalogPath, threads: 1 });
  try {
    for (const folder of moved) {
      await call('roots.add', { path: folder });
      await call('index.start', {});
      await api.indexing.idle();
      await call('sidecars.write', {});
    }
    const status = await call('sidecars.status', {});
    expect(status.roots.map((r) => [r.path, r.naming])).toEqual(
      moved.map((path) => [path, 'lightroom']),
    );
    const [again] = await call('events.list', {});
    expect(await call('documents.list', { eventId: again!.id })).toEqual([
      expect.objectContaining({ path: join(moved[1]!, 'invitation.pdf'), missing: false }),
    ]);
    const rootB = status.roots.find((r) => r.path === moved[1])!.rootId;
    expect(await call('searches.list', {})).toEqual([
      expect.objectContaining({ name: 'Only B', filter: { rootId: rootB } }),
    ]);
  } finally {
    await api.close();
  }
});

it("does not take a copied folder file's folder for a move", async () => {
  const dir = tempDir();
  const catalogPath = join(dir, 'catalog.sqlite');
  const [a, copy] = [join(dir, 'A'), join(dir, 'copy of A')];
  mkdirSync(a);
  copyFileSync(join(repoFixtures, 'cameras/Canon_40D.jpg'), join(a, 'photo.jpg'));
  let api = createKadarApi({ catalogPath, threads: 1 });
  const call = <M extends MethodName>(m: M, input: MethodInput<M>): Promise<MethodOutput<M>> =>
    callApi(api.handlers, m, input);
  const { rootId } = await call('roots.add', { path: a });
  await call('index.start', {});
  await api.indexing.idle();
  await call('sidecars.set', { rootId, naming: 'digikam' });
  await api.close();
  mkdirSync(copy);
  copyFileSync(join(a, 'kadar-archive.json'), join(copy, 'kadar-archive.json'));

  // Another catalog adds the copy: A is named by the file, and stays where it is, written
  // by nobody; the copy takes no sidecar setting from a file that is not its own.
  api = createKadarApi({ catalogPath: join(dir, 'other.sqlite'), threads: 1 });
  try {
    await call('roots.add', { path: copy });
    await call('index.start', {});
    await api.indexing.idle();
    const status = await call('sidecars.status', {});
    expect(status.roots.map((r) => [r.path, r.naming]).sort()).toEqual(
      [
        [a, null],
        [copy, null],
      ].sort(),
    );
  } finally {
    await api.close();
  }
});
