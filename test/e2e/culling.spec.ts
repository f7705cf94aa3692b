import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { cliPhotos } from './catalog-cli';
import { cell, openKadar, snap } from './grid-page';
import { startKadarHost, type KadarHost } from './kadar-host';

const samplePhotos = fileURLToPath(new URL('../../assets/sample/photos/', import.meta.url));

let host: KadarHost;
test.beforeAll(async () => {
  host = await startKadarHost({ index: [samplePhotos] });
});
test.afterAll(async () => {
  await host?.stop();
});

const marks = async (catalog: string) =>
  new Map(
    (await cliPhotos(catalog)).map((p) => [p.fileName, [p.rating ?? 0, p.flag, p.label] as const]),
  );

async function grid(page: Page) {
  await openKadar(page, host.url);
  const photos = await cliPhotos(host.catalog);
  return (name: string) => cell(page, photos.find((p) => p.fileName === name)!.id);
}

test('rate, flag and label from the keyboard in the grid and the viewer; filter; undo; kept after a restart', async ({
  page,
}) => {
  const photo = await grid(page);

  // The grid: two photos selected, 4 stars, a pick, a green label.
  await photo('DSC_2208.JPG').click();
  await photo('DSC_2211.JPG').click({ modifiers: ['Control'] });
  await page.keyboard.press('4');
  await page.keyboard.press('p');
  await page.keyboard.press('8');
  for (const name of ['DSC_2208.JPG', 'DSC_2211.JPG']) {
    await expect(photo(name).getByTestId('rating-mark')).toHaveAttribute('data-rating', '4');
    await expect(photo(name).getByTestId('flag-mark')).toHaveAttribute('data-flag', 'pick');
    await expect(photo(name).getByTestId('label-mark')).toHaveAttribute('data-label', 'green');
  }
  await snap(page, 'culling-grid');
  // Undo takes back the label only: each key was one step.
  await page.keyboard.press('Control+z');
  await expect(photo('DSC_2208.JPG').getByTestId('label-mark')).toHaveCount(0);
  await expect(photo('DSC_2208.JPG').getByTestId('flag-mark')).toHaveCount(1);

  // The viewer: a key rates the photo shown and, with auto-advance on, shows the next one.
  await photo('IMG_5218.JPG').dblclick();
  const viewer = page.getByTestId('viewer');
  await expect(viewer).toHaveAttribute('data-photo-id', /\d+/);
  const first = await viewer.getAttribute('data-photo-id');
  await expect(page.getByTestId('auto-advance')).toBeChecked();
  await page.keyboard.press('x');
  await expect(viewer).not.toHaveAttribute('data-photo-id', first!);
  const second = await viewer.getAttribute('data-photo-id');
  await page.getByTestId('auto-advance').uncheck();
  await page.keyboard.press('2');
  await expect(viewer.getByTestId('rating-mark')).toHaveAttribute('data-rating', '2');
  await expect(viewer).toHaveAttribute('data-photo-id', second!);
  await snap(page, 'culling-viewer');
  await page.keyboard.press('ArrowLeft');
  await expect(viewer).toHaveAttribute('data-photo-id', first!);
  await expect(viewer.getByTestId('flag-mark')).toHaveAttribute('data-flag', 'reject');
  await page.keyboard.press('Escape');

  // The filters: the two picks, and those of them still with 4 stars (the viewer may have
  // rated one of them 2 on the way).
  await page.getByTestId('flag-filter').selectOption('pick');
  await expect(page.getByTestId('photo-cell')).toHaveCount(2);
  const fourStarPicks = [...(await marks(host.catalog)).values()].filter(
    ([stars, flag]) => stars >= 4 && flag === 'pick',
  ).length;
  await page.getByTestId('rating-filter').selectOption('4');
  await expect(page.getByTestId('photo-cell')).toHaveCount(fourStarPicks);
  await snap(page, 'culling-filtered');
  await page.getByTestId('flag-filter').selectOption('reject');
  await page.getByTestId('rating-filter').selectOption('');
  await expect(page.getByTestId('photo-cell')).toHaveCount(1);

  // What the catalog holds, and after a restart.
  const expected = await marks(host.catalog);
  expect(expected.get('DSC_2208.JPG')?.slice(1)).toEqual(['pick', null]);
  expect(expected.get('IMG_5218.JPG')).toEqual([0, 'reject', null]);
  expect([...expected.values()].filter(([stars]) => stars === 2)).toHaveLength(1);
  await host.stop({ keep: true });
  host = await startKadarHost({ dir: host.dir });
  expect(await marks(host.catalog)).toEqual(expected);
  const again = await grid(page);
  for (const [name, [stars, flag]] of expected) {
    if (stars)
      await expect(again(name).getByTestId('rating-mark')).toHaveAttribute(
        'data-rating',
        String(stars),
      );
    if (flag) await expect(again(name).getByTestId('flag-mark')).toHaveAttribute('data-flag', flag);
  }
});
