import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import type { Photo } from '../../shared/api/photo-schema';
import { cliPhotos, idsOf } from './catalog-cli';
import { expectShown, openKadar, scanGrid, snap } from './grid-page';
import { startKadarHost, type KadarHost } from './kadar-host';

const samplePhotos = fileURLToPath(new URL('../../assets/sample/photos/', import.meta.url));

let host: KadarHost;
let all: Photo[];

test.beforeAll(async () => {
  host = await startKadarHost({ index: [samplePhotos] });
  all = await cliPhotos(host.catalog);
});

test.afterAll(async () => {
  await host?.stop();
});

/**
 * Types a query and waits for the grid to hold what the CLI finds for it. The box is cleared
 * first (back to every photo), so a query that finds as many photos as the previous one
 * cannot pass on the previous one's results.
 */
async function search(page: Page, query: string): Promise<number[]> {
  const expected = idsOf(await cliPhotos(host.catalog, ['--search', query]));
  expect(expected.length).toBeLessThan(all.length);
  await page.getByTestId('search-input').fill('');
  await expectShown(page, all.length);
  await page.getByTestId('search-input').fill(query);
  await expectShown(page, expected.length);
  const shown = expected.length ? (await scanGrid(page)).ids.sort((a, b) => a - b) : [];
  expect(shown, `photos found for "${query}"`).toEqual(expected);
  return shown;
}

const withPath = (part: string) => idsOf(all.filter((p) => p.path.includes(part)));

test('Nis, Niš and Ниш find the same photos; Latin without diacritics and Cyrillic narrow', async ({
  page,
}) => {
  expect(all.length).toBe(10);
  await openKadar(page, host.url);
  await expectShown(page, all.length);

  const nis = await search(page, 'Nis');
  expect(nis.length).toBeGreaterThan(0);
  expect(nis).toEqual(withPath('Niš'));
  expect(await search(page, 'Niš')).toEqual(nis);
  expect(await search(page, 'Ниш')).toEqual(nis);
  await snap(page, 'search-results');

  const stip = await search(page, 'stip');
  expect(stip.length).toBeGreaterThan(0);
  expect(stip).toEqual(withPath('Štip'));
  expect(await search(page, 'Штип')).toEqual(stip);

  // A Latin query without its diacritics (Skupština) and a Cyrillic one (Vranje).
  expect(await search(page, 'skupstina')).toEqual(withPath('Skupština'));
  expect(await search(page, 'Врање')).toEqual(withPath('Vranje'));

  expect(await search(page, 'no such place anywhere')).toEqual([]);
  await page.getByTestId('no-results').getByRole('button').click();
  await expect(page.getByTestId('search-input')).toHaveValue('');
  await expectShown(page, all.length);
});
