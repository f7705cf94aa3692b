import { expect, test } from '@playwright/test';
import type { Photo } from '../../shared/api/photo-schema';
import { cliPhotos, cliStats } from './catalog-cli';
import { expectShown, gridColumns, openKadar, scanGrid, snap } from './grid-page';
import { repoFixtures, startKadarHost, type KadarHost } from './kadar-host';

let host: KadarHost;
let photos: Photo[];

test.beforeAll(async () => {
  host = await startKadarHost({ index: [repoFixtures] });
  photos = await cliPhotos(host.catalog);
});

test.afterAll(async () => {
  await host?.stop();
});

test('the grid shows every photo of the catalog, with its thumbnail or a placeholder', async ({
  page,
}) => {
  const stats = await cliStats(host.catalog);
  expect(stats.photos).toBe(photos.length);
  expect(
    photos.some((p) => !p.hasThumbnail),
    'the fixtures include broken files',
  ).toBe(true);

  await openKadar(page, host.url);
  await expectShown(page, stats.photos);
  await expect(page.getByTestId('count-catalog')).toHaveAttribute(
    'data-count',
    String(stats.photos),
  );
  // Virtual: far fewer cells exist than photos, until scrolled to.
  expect(await page.getByTestId('photo-cell').count()).toBeLessThan(photos.length);
  await snap(page, 'grid');

  const scan = await scanGrid(page, { images: true });
  expect(new Set(scan.ids).size).toBe(photos.length);
  expect([...scan.ids].sort((a, b) => a - b)).toEqual(
    photos.map((p) => p.id).sort((a, b) => a - b),
  );

  // Newest first by the time taken (ties keep the catalog's order, not checked here).
  const takenAt = new Map(photos.map((p) => [p.id, p.takenAt ?? '']));
  const order = scan.ids.map((id) => takenAt.get(id)!);
  expect(order).toEqual([...order].sort().reverse());

  for (const photo of photos) {
    expect(scan.thumbs.get(photo.id), `${photo.fileName}`).toBe(
      photo.hasThumbnail ? 'loaded' : 'placeholder',
    );
  }

  // One heading per day, counting that day's photos.
  const perDay = new Map<string, number>();
  for (const p of photos)
    perDay.set(p.takenAt.slice(0, 10), (perDay.get(p.takenAt.slice(0, 10)) ?? 0) + 1);
  expect(scan.headers).toEqual(perDay);
});

test('sorting by name orders the grid by file name', async ({ page }) => {
  await openKadar(page, host.url);
  await page.getByTestId('sort-select').selectOption('name');
  await expect(page.getByTestId('sort-order')).toHaveAttribute('data-order', 'asc');
  await expect(page.getByTestId('day-header')).toHaveCount(0);
  const names = new Map(photos.map((p) => [p.id, p.fileName.toLowerCase()]));
  const ascending = (await scanGrid(page)).ids;
  const byName = ascending.map((id) => names.get(id)!);
  expect(byName).toEqual([...byName].sort());

  await page.getByTestId('sort-order').click();
  await expect(page.getByTestId('sort-order')).toHaveAttribute('data-order', 'desc');
  // The reversed list has arrived once the last name comes first.
  await expect(page.locator('[data-testid=photo-cell][data-index="0"]')).toHaveAttribute(
    'data-photo-id',
    String(ascending.at(-1)),
  );
  expect((await scanGrid(page)).ids).toEqual([...ascending].reverse());
});

test('the size slider changes how many thumbnails fit in a row', async ({ page }) => {
  await openKadar(page, host.url);
  const columns = () => gridColumns(page);
  const before = await columns();
  await page.getByTestId('thumb-size').fill('320');
  await expect.poll(columns).toBeLessThan(before);
  const large = await page.getByTestId('photo-cell').first().boundingBox();
  await page.getByTestId('thumb-size').fill('96');
  await expect.poll(columns).toBeGreaterThan(before);
  const small = await page.getByTestId('photo-cell').first().boundingBox();
  expect(small!.width).toBeLessThan(large!.width);
  expect(small!.width).toBe(small!.height);
});

test('the problems panel lists every file that could not be read, with its message', async ({
  page,
}) => {
  const failed = photos.filter((p) => p.errorCode != null);
  expect(failed.length).toBeGreaterThan(0);

  await openKadar(page, host.url);
  await expect(page.getByTestId('open-errors')).toHaveAttribute(
    'data-count',
    String(failed.length),
  );
  await page.getByTestId('open-errors').click();
  const panel = page.getByTestId('errors-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('issue')).toHaveCount(failed.length);

  const shown = await panel.getByTestId('issue').evaluateAll((items) =>
    items.map((li) => ({
      path: li.querySelector('[data-testid=issue-path]')?.textContent,
      message: li.querySelector('[data-testid=issue-message]')?.textContent,
    })),
  );
  expect(new Map(shown.map((i) => [i.path, i.message]))).toEqual(
    new Map(failed.map((p) => [p.path, p.error])),
  );
  await snap(page, 'errors-panel');

  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});
