import { copyFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator } from '@playwright/test';
import { cliPhotos } from './catalog-cli';
import { cell, openKadar, revealPhoto, snap } from './grid-page';
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
