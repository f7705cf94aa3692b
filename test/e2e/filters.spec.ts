import { expect, test, type Page } from '@playwright/test';
import type { Photo } from '../../shared/api/photo-schema';
import { cliPhotos, idsOf } from './catalog-cli';
import { expectShown, openKadar, scanGrid, snap } from './grid-page';
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

/** The key with the most photos (the first such, in key order). */
function busiest(photosOf: (prefix: string) => Photo[], keys: string[]): string {
  return [...keys]
    .sort()
    .reduce((best, key) => (photosOf(key).length > photosOf(best).length ? key : best));
}

const takenIn = (list: Photo[], prefix: string) =>
  list.filter((p) => p.takenAt?.startsWith(prefix));

async function expectGrid(page: Page, expected: Photo[]): Promise<void> {
  await expectShown(page, expected.length);
  expect((await scanGrid(page)).ids.sort((a, b) => a - b)).toEqual(idsOf(expected));
}

const dateNode = (page: Page, prefix: string) =>
  page.locator(`[data-testid=date-node][data-value="${prefix}"]`);

test('the date tree narrows to a year, a month and a day with the right counts', async ({
  page,
}) => {
  // A year whose busiest month holds fewer photos than the year, and more than its busiest
  // day: each click must narrow the grid.
  const years = [...new Set(photos.map((p) => p.takenAt.slice(0, 4)))];
  const chains = years.map((year) => {
    const months = [...new Set(takenIn(photos, year).map((p) => p.takenAt.slice(0, 7)))];
    const month = busiest((m) => takenIn(photos, m), months);
    const days = [...new Set(takenIn(photos, month).map((p) => p.takenAt.slice(0, 10)))];
    return [year, month, busiest((d) => takenIn(photos, d), days)] as const;
  });
  const [year, month, day] = chains.find(
    ([y, m, d]) =>
      takenIn(photos, y).length > takenIn(photos, m).length &&
      takenIn(photos, m).length > takenIn(photos, d).length,
  )!;

  await openKadar(page, host.url);
  await expectShown(page, photos.length);
  for (const y of years)
    await expect(dateNode(page, y)).toHaveAttribute(
      'data-count',
      String(takenIn(photos, y).length),
    );

  await dateNode(page, year).click();
  await expect(dateNode(page, year)).toHaveAttribute('aria-pressed', 'true');
  await expectGrid(page, takenIn(photos, year));

  await page.getByRole('button', { name: `Expand ${year}` }).click();
  await expect(dateNode(page, month)).toHaveAttribute(
    'data-count',
    String(takenIn(photos, month).length),
  );
  await dateNode(page, month).click();
  await expectGrid(page, takenIn(photos, month));

  await dateNode(page, month)
    .locator('xpath=..')
    .getByRole('button', { name: /^Expand/ })
    .click();
  await dateNode(page, day).click();
  await expect(page.getByTestId('date-from')).toHaveValue(day);
  await expect(page.getByTestId('date-to')).toHaveValue(day);
  await expectGrid(page, takenIn(photos, day));
  await snap(page, 'date-tree-filter');

  // Clicking the chosen day again lifts the date filter.
  await dateNode(page, day).click();
  await expectShown(page, photos.length);
});

test('the camera filter narrows, and the date tree counts under it', async ({ page }) => {
  const cameraKey = (p: Photo) => (p.model ? `${p.make}\u0000${p.model}` : '');
  const keys = [...new Set(photos.map(cameraKey).filter(Boolean))];
  const key = busiest((k) => photos.filter((p) => cameraKey(p) === k), keys);
  const ofCamera = photos.filter((p) => cameraKey(p) === key);
  const model = key.split('\u0000')[1]!;
  expect(ofCamera.length).toBeGreaterThan(1);

  await openKadar(page, host.url);
  await expectShown(page, photos.length);
  const select = page.getByTestId('camera-filter');
  // The sidebar loads after the grid's first screen: wait for the camera to be offered.
  await expect(select.locator('option', { hasText: model })).toHaveCount(1);
  const options = await select
    .locator('option')
    .evaluateAll((list) =>
      list.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })),
    );
  const { value, label } = options.find((o) => o.label.includes(model))!;
  expect(label).toContain(`(${ofCamera.length})`);

  await select.selectOption(value);
  await expectGrid(page, ofCamera);
  const year = ofCamera[0]!.takenAt.slice(0, 4);
  await expect(dateNode(page, year)).toHaveAttribute(
    'data-count',
    String(takenIn(ofCamera, year).length),
  );

  await page.getByTestId('clear-filters').click();
  await expect(select).toHaveValue('');
  await expectShown(page, photos.length);
});

test('GPS and error filters narrow to the photos that have them', async ({ page }) => {
  await openKadar(page, host.url);
  await expectShown(page, photos.length);

  await page.getByTestId('filter-gps').check();
  await expectGrid(
    page,
    photos.filter((p) => p.gpsLatitude != null),
  );
  await page.getByTestId('filter-gps').uncheck();

  await page.getByTestId('filter-errors').check();
  await expectGrid(
    page,
    photos.filter((p) => p.errorCode != null),
  );

  await page.getByTestId('clear-filters').click();
  await expectShown(page, photos.length);
});
