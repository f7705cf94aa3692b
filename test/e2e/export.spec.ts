import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { cliPhotos } from './catalog-cli';
import { cell, openKadar, revealPhoto, snap } from './grid-page';
import { runKadar, startKadarHost, type KadarHost } from './kadar-host';

const samplePhotos = fileURLToPath(new URL('../../assets/sample/photos/', import.meta.url));

let host: KadarHost;
let outRoot: string;
test.beforeAll(async () => {
  host = await startKadarHost({ index: [samplePhotos] });
  outRoot = mkdtempSync(join(tmpdir(), 'kadar-export-e2e-'));
  const photos = await cliPhotos(host.catalog);
  const stip = photos.filter((p) => p.relPath.startsWith('2015/2015-11-28')).map((p) => p.id);
  await runKadar(host.catalog, [
    'event',
    'add',
    '--title',
    'Модна ревија Штип',
    '--start',
    '2015-11-28',
    '--city',
    'Štip',
    '--photos',
    stip.join(','),
  ]);
  await runKadar(host.catalog, [
    'caption',
    '--photos',
    stip.join(','),
    '--caption',
    '{event}, {city}. Фото {seq}',
  ]);
});
test.afterAll(async () => {
  await host?.stop();
});

const byName = async (name: string) =>
  (await cliPhotos(host.catalog)).find((p) => p.fileName === name)!;

/** Opens an exported gallery from the file system, as someone double-clicking index.html. */
async function openGallery(page: Page, dir: string) {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(pathToFileURL(join(dir, 'index.html')).href);
  return { requests, problems };
}

test('export an event with an edited preset, see it in the history, export again after a change; a gallery in its own order; the exported page works from file://', async ({
  page,
  context,
}) => {
  await openKadar(page, host.url);
  await page.getByTestId('event-row').filter({ hasText: 'Модна ревија Штип' }).click();
  await page.getByTestId('export-event').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByTestId('export-plan')).toContainText('3 photos');
  await expect(dialog.getByTestId('export-file-names')).toContainText(
    'modna-revija-stip-001.jpg, modna-revija-stip-002.jpg',
  );

  // Newsletter, made smaller and sharper in its preset form.
  await dialog.getByTestId('export-preset').selectOption({ label: 'Newsletter' });
  await dialog.getByTestId('edit-preset').click();
  await dialog.getByTestId('preset-long-edge').fill('800');
  await dialog.getByTestId('preset-quality').fill('75');
  // A mistake in the pattern is named, and nothing is saved until it is fixed.
  await dialog.getByTestId('preset-file-name').fill('{evnt}-{seq:03}');
  await dialog.getByTestId('preset-save').click();
  await expect(dialog.getByTestId('preset-error')).toContainText('Unknown variable {evnt}');
  await dialog.getByTestId('preset-file-name').fill('{event-slug}-{seq:03}');
  await snap(page, 'export-preset-form');
  await dialog.getByTestId('preset-save').click();
  await expect(dialog.getByTestId('export-preset-summary')).toContainText(
    '800 px long edge, JPEG quality 75',
  );

  const out = join(outRoot, 'stip-newsletter');
  await dialog.getByTestId('export-folder').fill(out);
  await dialog.getByTestId('export-zip').check();
  await snap(page, 'export-dialog');
  await dialog.getByTestId('export-start').click();
  await expect(dialog.getByTestId('export-result')).toHaveAttribute('data-status', 'done');
  await expect(dialog.getByTestId('export-out-dir')).toHaveText(out);
  await snap(page, 'export-done');
  await page.keyboard.press('Escape');
  expect(readdirSync(out).sort()).toEqual([
    'assets',
    'captions.csv',
    'gallery.json',
    'index.html',
    'modna-revija-stip-001.jpg',
    'modna-revija-stip-002.jpg',
    'modna-revija-stip-003.jpg',
    'news.txt',
    'stip-newsletter.zip',
  ]);

  // The event's page lists the export; a caption changed since is marked; export again.
  const history = page.getByTestId('event-header').getByTestId('export-row');
  await expect(history).toHaveCount(1);
  await expect(history.getByTestId('export-changed')).toHaveCount(0);
  const first = await byName('DSC_2208.JPG');
  await runKadar(host.catalog, ['caption', '--photos', String(first.id), '--caption', 'Ново']);
  // The CLI wrote behind the window's back: a reload asks again.
  await page.reload();
  await page.getByTestId('event-row').filter({ hasText: 'Модна ревија Штип' }).click();
  await expect(history.getByTestId('export-changed')).toHaveText('1 changed since');
  await snap(page, 'export-history-changed');
  await history.getByTestId('export-again').click();
  await history.getByTestId('export-again-confirm').click();
  // The dialog follows the export it started, to its end.
  await expect(dialog.getByTestId('export-result')).toHaveAttribute('data-status', 'done');
  await page.keyboard.press('Escape');
  await expect(history).toHaveCount(2);
  await expect(history.first()).toHaveAttribute('data-status', 'done');
  await expect(history.nth(1).getByTestId('export-replaced')).toBeVisible();
  await expect(page.getByTestId('export-changed')).toHaveCount(0);
  await snap(page, 'export-history-again');
  const captions = readFileSync(join(out, 'captions.csv'), 'utf8');
  expect(captions).toContain('Ново');

  // A gallery of two photos from the grid, put in the other order, then exported.
  const other = await byName('DSC_0412.JPG');
  await page.goto(host.url);
  await revealPhoto(page, first.id);
  await cell(page, first.id).click();
  await revealPhoto(page, other.id);
  await cell(page, other.id).click({ modifiers: ['Control'] });
  await page.getByTestId('add-to-gallery-button').click();
  await page.getByTestId('gallery-name').fill('Za sajt');
  await page.getByTestId('gallery-create').click();
  await expect(page.getByTestId('gallery-item')).toHaveCount(2);
  await page.getByTestId('gallery-item').first().click();
  await page.getByTestId('move-later').click();
  await expect(page.getByTestId('gallery-item').first()).toHaveAttribute(
    'data-photo-id',
    String(other.id),
  );
  await snap(page, 'export-gallery-page');
  await page.getByTestId('export-gallery').click();
  const galleryOut = join(outRoot, 'za-sajt');
  await dialog.getByTestId('export-preset').selectOption({ label: 'Website' });
  await dialog.getByTestId('export-folder').fill(galleryOut);
  await dialog.getByTestId('export-start').click();
  await expect(dialog.getByTestId('export-result')).toHaveAttribute('data-status', 'done');
  await page.keyboard.press('Escape');
  const json = JSON.parse(readFileSync(join(galleryOut, 'gallery.json'), 'utf8')) as {
    sections: { photos: { original: string }[] }[];
  };
  expect(json.sections[0]!.photos.map((p) => p.original)).toEqual(['DSC_0412.JPG', 'DSC_2208.JPG']);

  // The exported page, from the file system: every image loads, the lightbox shows the
  // caption, arrows move, and nothing is asked of the network.
  const gallery = await context.newPage();
  const { requests, problems } = await openGallery(gallery, out);
  const images = gallery.locator('img');
  await expect(images).toHaveCount(3);
  await expect
    .poll(() =>
      images.evaluateAll((all) => all.every((i) => (i as HTMLImageElement).naturalWidth > 0)),
    )
    .toBe(true);
  await snap(gallery, 'export-web-gallery');
  await images.first().click();
  const lightbox = gallery.locator('.pswp');
  await expect(lightbox).toBeVisible();
  // Arrow keys count once the opening animation has ended.
  await expect(lightbox).toHaveAttribute('data-ready', '');
  await expect(gallery.locator('.pswp__counter')).toHaveText('1 / 3');
  await expect(lightbox).toContainText('Ново');
  await snap(gallery, 'export-web-lightbox');
  await gallery.keyboard.press('ArrowRight');
  await expect(gallery.locator('.pswp__counter')).toHaveText('2 / 3');
  // The second photo's caption, as the export wrote it.
  const exported = JSON.parse(readFileSync(join(out, 'gallery.json'), 'utf8')) as {
    sections: { photos: { caption: string }[] }[];
  };
  await expect(lightbox).toContainText(exported.sections[0]!.photos[1]!.caption);
  expect(exported.sections[0]!.photos[1]!.caption).toMatch(/^Модна ревија Штип, Štip\. Фото \d$/);
  await gallery.keyboard.press('ArrowLeft');
  await expect(gallery.locator('.pswp__counter')).toHaveText('1 / 3');
  await gallery.keyboard.press('Escape');
  await expect(lightbox).toHaveCount(0);
  expect(requests.length).toBeGreaterThan(4);
  expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
  expect(problems).toEqual([]);
});
