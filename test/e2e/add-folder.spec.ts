import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { cliPhotos, cliRoots, cliStats, idsOf } from './catalog-cli';
import { expectShown, openKadar, scanGrid, snap } from './grid-page';
import { repoFixtures, startKadarHost, type KadarHost } from './kadar-host';
import { makePhotoCopies } from './photo-copies';

// A 5-megapixel phone photo: slow enough to decode that a few hundred take a while.
const bigPhoto = join(repoFixtures, 'phones', 'Samsung SM-J327T1.jpg');

let host: KadarHost;

test.beforeAll(async () => {
  // One file at a time: a run then takes as long on eight cores as on two, long enough to be
  // seen and cancelled, and on two cores it leaves one to the browser, which otherwise gets
  // frames a second apart while every core decodes and a click can land after the run ended.
  host = await startKadarHost({
    index: [join(repoFixtures, 'gps')],
    extraArgs: ['--threads', '1'],
  });
});

test.afterAll(async () => {
  await host?.stop();
});

/** Adds a folder through the browser's path dialog. */
async function addFolder(page: Page, folder: string): Promise<void> {
  await page.getByTestId('add-folder').click();
  const dialog = page.getByTestId('add-folder-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Folder path').fill(folder);
  await dialog.getByTestId('add-folder-submit').click();
  await expect(dialog).toBeHidden();
}

const rootOf = async (folder: string) =>
  (await cliRoots(host.catalog)).find((r) => r.path === folder)!;

test('a folder added in the browser is indexed with visible progress, and its photos appear', async ({
  page,
}) => {
  const folder = makePhotoCopies(bigPhoto, join(host.dir, 'Added folder'), 40);
  const before = (await cliStats(host.catalog)).photos;
  await openKadar(page, host.url);
  await expectShown(page, before);

  // Every state the progress readout goes through, however fast the run.
  await page.evaluate(() => {
    const seen: { done: number; queued: number }[] = [];
    Object.assign(window, { progressSeen: seen });
    new MutationObserver(() => {
      const readout = document.querySelector('[data-testid=index-done]');
      if (readout)
        seen.push({
          done: Number(readout.getAttribute('data-done')),
          queued: Number(readout.getAttribute('data-queued')),
        });
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await addFolder(page, folder);
  const progress = page.getByTestId('index-progress');
  await expect(progress).toBeVisible();
  await snap(page, 'add-folder-progress');

  const summary = page.getByTestId('index-summary');
  await expect(summary).toHaveAttribute('data-status', 'completed', { timeout: 60_000 });
  await expect(summary).toHaveAttribute('data-added', '40');
  await expect(progress).toBeHidden();
  const seen = await page.evaluate(
    () => (window as unknown as { progressSeen: { done: number; queued: number }[] }).progressSeen,
  );
  expect(
    seen.some((p) => p.queued > 0 && p.done < p.queued),
    'progress part way',
  ).toBe(true);
  expect(
    seen.some((p) => p.done === 40),
    'progress to the end',
  ).toBe(true);

  const root = await rootOf(folder);
  expect(root.photoCount).toBe(40);
  const added = idsOf(await cliPhotos(host.catalog, ['--root', String(root.id)]));
  await expectShown(page, before + 40);
  await expect(page.getByTestId('count-catalog')).toHaveAttribute(
    'data-count',
    String(before + 40),
  );
  const shown = new Set((await scanGrid(page)).ids);
  expect(added.every((id) => shown.has(id))).toBe(true);
  await expect(page.locator(`[data-testid=root-item][data-value="${folder}"]`)).toHaveAttribute(
    'data-count',
    '40',
  );
});

test('cancelling a run stops it with fewer photos catalogued than the folder holds', async ({
  page,
}) => {
  const files = 300;
  const folder = makePhotoCopies(bigPhoto, join(host.dir, 'Large folder'), files);
  const before = (await cliStats(host.catalog)).photos;
  await openKadar(page, host.url);
  await expectShown(page, before);

  await addFolder(page, folder);
  const done = page.getByTestId('index-done');
  await expect(done).toHaveAttribute('data-done', /^[1-9]/);
  // The filling bar says the run is alive; the spinner is only for before it can count.
  await expect(page.getByTestId('index-progress')).toHaveAttribute('data-phase', 'indexing');
  await expect(page.getByTestId('index-spinner')).toHaveCount(0);
  // New photos appear while the run goes on.
  await expect
    .poll(async () => Number(await page.getByTestId('count-shown').getAttribute('data-count')))
    .toBeGreaterThan(before);
  await page.getByTestId('index-cancel').click();

  const summary = page.getByTestId('index-summary');
  await expect(summary).toHaveAttribute('data-status', 'cancelled');
  const added = Number(await summary.getAttribute('data-added'));
  const catalogued = (await cliPhotos(host.catalog, ['--root', String((await rootOf(folder)).id)]))
    .length;
  expect(catalogued).toBeGreaterThan(0);
  expect(catalogued).toBeLessThan(files);
  expect(added).toBe(catalogued);
  await expectShown(page, before + catalogued);
});

test('a path that is not a folder is refused with the catalog’s own message', async ({ page }) => {
  const missing = join(host.dir, 'no such folder');
  await openKadar(page, host.url);
  await page.getByTestId('add-folder').click();
  const dialog = page.getByTestId('add-folder-dialog');
  await dialog.getByLabel('Folder path').fill(missing);
  await dialog.getByTestId('add-folder-submit').click();
  const error = dialog.getByTestId('add-folder-error');
  await expect(error).toContainText(missing);
  await expect(error).toContainText('does not exist');
  await expect(dialog.getByLabel('Folder path')).toHaveAttribute('aria-invalid', 'true');
  expect((await cliRoots(host.catalog)).some((r) => r.path === missing)).toBe(false);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
