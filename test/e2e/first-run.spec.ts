import { expect, test } from '@playwright/test';
import { cliStats } from './catalog-cli';
import { expectShown, openKadar, scanGrid, snap } from './grid-page';
import { startKadarHost, type KadarHost } from './kadar-host';

let host: KadarHost;

test.beforeAll(async () => {
  host = await startKadarHost();
});

test.afterAll(async () => {
  await host?.stop();
});

test('an empty catalog explains itself, and the sample archive fills the grid', async ({
  page,
}) => {
  await openKadar(page, host.url);
  const empty = page.getByTestId('empty-state');
  await expect(empty).toBeVisible();
  await expect(empty.getByRole('heading', { level: 1 })).toHaveText('Welcome to Kadar');
  await expect(empty.getByTestId('empty-add-folder')).toBeVisible();
  await expect(page.getByTestId('count-catalog')).toHaveAttribute('data-count', '0');
  await snap(page, 'empty-state');

  await empty.getByTestId('open-sample').click();
  await expect(empty).toBeHidden();
  await expect(page.getByTestId('index-progress')).toBeVisible();
  await expect(page.getByTestId('index-summary')).toHaveAttribute('data-status', 'completed', {
    timeout: 60_000,
  });
  const stats = await cliStats(host.catalog);
  expect(stats.photos).toBe(10);
  expect(stats.events).toBeGreaterThan(0);
  await expectShown(page, stats.photos);
  await expect(page.getByTestId('count-catalog')).toHaveAttribute('data-count', '10');

  const scan = await scanGrid(page, { images: true });
  expect(scan.ids).toHaveLength(10);
  expect([...scan.thumbs.values()].every((state) => state === 'loaded')).toBe(true);
  await expect(page.getByTestId('root-item')).toHaveText(/Kadar sample archive/);
  await page.getByTestId('photo-grid').evaluate((e) => (e.scrollTop = 0));
  await snap(page, 'sample-archive');
});
