import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { callApi } from '../../electron/api/dispatch';
import { createKadarApi } from '../../electron/api/kadar-api';
import { exiftoolRead, exiftoolWrite, requireExiftool } from '../helpers/exiftool';
import { repoFixtures } from '../helpers/fixtures';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

requireExiftool();
afterAll(removeTempDirs);

it("keeps a '/' inside a file's keyword level as one level, through sidecars and a rebuild", async () => {
  const dir = tempDir();
  const library = join(dir, 'library');
  mkdirSync(library);
  const photo = join(library, 'concert.jpg');
  copyFileSync(join(repoFixtures, 'no-exif/noexif.jpg'), photo);
  // Lightroom allows '/' in a keyword: "AC/DC" under "Music".
  exiftoolWrite(photo, ['-XMP-dc:Subject=AC/DC', '-XMP-lr:HierarchicalSubject=Music|AC/DC']);
  const catalogPath = join(dir, 'catalog.sqlite');

  const indexed = async () => {
    const api = createKadarApi({ catalogPath, threads: 1 });
    const call = api.handlers;
    const { rootId } = await callApi(call, 'roots.add', { path: library });
    await callApi(call, 'index.start', {});
    await api.indexing.idle();
    return { api, rootId };
  };
  const tagPaths = async (api: Awaited<ReturnType<typeof indexed>>['api']) =>
    (await callApi(api.handlers, 'tags.list', {}))
      .filter((t) => t.photoCount > 0)
      .map((t) => t.path)
      .sort();

  const first = await indexed();
  expect(await tagPaths(first.api)).toEqual(['Music/AC\u2215DC']);
  const { ids } = await callApi(first.api.handlers, 'photos.ids', {
    sort: 'takenAt',
    order: 'asc',
  });
  await callApi(first.api.handlers, 'tags.add', { photoIds: ids, paths: ['Genre/Rock'] });
  await callApi(first.api.handlers, 'sidecars.set', { rootId: first.rootId, naming: 'digikam' });
  const before = await tagPaths(first.api);
  expect(before).toEqual(['Genre/Rock', 'Music/AC\u2215DC']);
  await first.api.close();

  // Other tools read the sidecar with the keyword as the file had it.
  const sidecar = join(library, 'concert.jpg.xmp');
  const read = exiftoolRead([sidecar]).get(sidecar)!;
  expect(read['XMP-lr:HierarchicalSubject']).toEqual(['Genre|Rock', 'Music|AC/DC']);
  expect(read['XMP-dc:Subject']).toEqual(expect.arrayContaining(['AC/DC', 'Rock']));

  // The catalog is lost: rebuilt from the folder, the tags are the same, none split.
  for (const name of readdirSync(dir))
    if (name.startsWith('catalog.sqlite')) rmSync(join(dir, name));
  const again = await indexed();
  expect(await tagPaths(again.api)).toEqual(before);
  expect((await callApi(again.api.handlers, 'tags.list', {})).map((t) => t.name)).not.toContain(
    'DC',
  );
  await again.api.close();
});
