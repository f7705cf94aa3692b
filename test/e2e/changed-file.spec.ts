import { copyFileSync, cpSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator } from '@playwright/test';
import { cliPhotos } from './catalog-cli';
import { cell, openKadar, revealPhoto, scanGrid, snap } from './grid-page';
import { runKadar, startKadarHost, type KadarHost } from './kadar-host';

const samplePhotos = fileURLToPath(new URL('../../assets/sample/photos/', import.meta.url));

let host: KadarHost;
let library: string;
test.beforeAll(async () => {
  library = join(mkdtempSync(join(tmpdir(), 'kadar-e2e-library-')), 'photos');
  cpSync(samplePhotos, library, { recursive: true });
  host = await startKadarHost({ index: [library] });
});
test.afterAll(async () => {
  await host?.stop();
});

/** The loaded thumbnail's shape: wider than tall, or not; null until it has loaded. */
const landscape = (thumb: Locator) =>
  thumb.evaluate((img: HTMLImageElement) =>
    img.complete && img.naturalWidth > 0 ? img.naturalWidth > img.naturalHeight : null,
  );

test('a photo changed on disk shows its new picture after a rescan, not the one the browser kept', async ({
  page,
}) => {
  const photos = await cliPhotos(host.catalog);
  const wide = photos.find((p) => p.hasThumbnail && p.width! > p.height!)!;
  const tall = photos.find((p) => p.hasThumbnail && p.height! > p.width!)!;
  expect(wide, 'the sample has a landscape and a portrait photo').toBeTruthy();
  expect(tall).toBeTruthy();

  await openKadar(page, host.url);
  await revealPhoto(page, wide.id);
  const thumb = cell(page, wide.id).getByTestId('thumb');
  await expect.poll(() => landscape(thumb)).toBe(true);
  const before = await thumb.getAttribute('src');

  // Someone saves another picture over the file (an edit elsewhere), and the library is
  // looked at again.
  copyFileSync(tall.path, wide.path);
  await runKadar(host.catalog, ['rescan', '--progress', 'none']);
  const changed = (await cliPhotos(host.catalog)).find((p) => p.id === wide.id)!;
  expect(changed.fingerprint).not.toBe(wide.fingerprint);

  await page.reload();
  await revealPhoto(page, wide.id);
  // The same photo (same id), its new content: the URL names it, so the browser fetches it.
  await expect.poll(() => landscape(thumb)).toBe(false);
  expect(await thumb.getAttribute('src')).not.toBe(before);
  await snap(page, 'changed-file-rescanned');
});

test("a thumbnail that can no longer be made shows that photo's placeholder, whichever cell shows it", async ({
  page,
}) => {
  const photos = (await cliPhotos(host.catalog)).filter((p) => p.hasThumbnail);
  const lost = photos.at(-1)!;
  // The catalog still lists its thumbnail, but the cache is gone and so is the original.
  rmSync(join(host.dir, 'catalog-cache'), { recursive: true, force: true });
  const aside = `${lost.path}.away`;
  renameSync(lost.path, aside);
  try {
    await openKadar(page, host.url);
    await revealPhoto(page, lost.id);
    await expect(cell(page, lost.id)).toHaveAttribute('data-thumb', 'missing');
    await expect(cell(page, lost.id).getByTestId('thumb-placeholder')).toContainText(lost.fileName);
    const dated = await scanGrid(page, { images: true });
    // Sorted by name, the grid's cells show other photos: the placeholder goes with the photo.
    await page.getByTestId('sort-select').selectOption('name');
    await expect(page.getByTestId('day-header')).toHaveCount(0);
    const named = await scanGrid(page, { images: true });
    expect(named.ids).not.toEqual(dated.ids);
    for (const scan of [dated, named])
      for (const photo of photos)
        expect(scan.thumbs.get(photo.id), photo.fileName).toBe(
          photo.id === lost.id ? 'placeholder' : 'loaded',
        );
    await snap(page, 'thumbnail-lost');
  } finally {
    renameSync(aside, lost.path);
  }
});
