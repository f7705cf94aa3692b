import { expect, test, type Page } from '@playwright/test';
import { cliStats } from './catalog-cli';
import { expectShown, gridColumns, openKadar, snap } from './grid-page';
import { repoFixtures, startKadarHost, type KadarHost } from './kadar-host';

let host: KadarHost;
let total: number;

test.beforeAll(async () => {
  host = await startKadarHost({ index: [repoFixtures] });
  total = (await cliStats(host.catalog)).photos;
});

test.afterAll(async () => {
  await host?.stop();
});

const at = (page: Page, index: number) =>
  page.locator(`[data-testid=photo-cell][data-index="${index}"]`);

/** The positions (in the first `upTo`) whose cells say they are selected. */
async function selectedPositions(page: Page, upTo: number): Promise<number[]> {
  const selected: number[] = [];
  for (let i = 0; i < upTo; i++)
    if ((await at(page, i).getAttribute('aria-selected')) === 'true') selected.push(i);
  return selected;
}

async function expectSelected(page: Page, count: number): Promise<void> {
  await expect(page.getByTestId('count-selected')).toHaveAttribute('data-count', String(count));
}

test('click, Shift-click, Ctrl-click, Ctrl-A and Esc select as on the desktop', async ({
  page,
}) => {
  await openKadar(page, host.url);
  await expectShown(page, total);
  // Name order: one run of cells, no day headings between them.
  await page.getByTestId('sort-select').selectOption('name');
  await expect(page.getByTestId('day-header')).toHaveCount(0);
  const visible = 12;
  await expect(at(page, visible - 1)).toBeVisible();

  await at(page, 1).click();
  await expectSelected(page, 1);
  await at(page, 6).click({ modifiers: ['Shift'] });
  await expectSelected(page, 6);
  await expect.poll(() => selectedPositions(page, visible)).toEqual([1, 2, 3, 4, 5, 6]);
  await snap(page, 'selection');

  // Shift-click from the same anchor, the other way: the range is replaced, not added to.
  await at(page, 0).click({ modifiers: ['Shift'] });
  await expect.poll(() => selectedPositions(page, visible)).toEqual([0, 1]);

  await at(page, 4).click({ modifiers: ['Control'] });
  await at(page, 1).click({ modifiers: ['Control'] });
  await expectSelected(page, 2);
  await expect.poll(() => selectedPositions(page, visible)).toEqual([0, 4]);

  await at(page, 8).click();
  await expectSelected(page, 1);
  await expect.poll(() => selectedPositions(page, visible)).toEqual([8]);

  await page.keyboard.press('Control+a');
  await expectSelected(page, total);
  await expect.poll(() => selectedPositions(page, visible)).toEqual([...Array(visible).keys()]);

  await page.keyboard.press('Escape');
  await expectSelected(page, 0);
  await expect.poll(() => selectedPositions(page, visible)).toEqual([]);
});

test('arrow keys move the selection through the grid', async ({ page }) => {
  await openKadar(page, host.url);
  await expectShown(page, total);
  await page.getByTestId('sort-select').selectOption('name');
  await expect(page.getByTestId('day-header')).toHaveCount(0);
  const columns = await gridColumns(page);
  expect(columns).toBeGreaterThan(2);

  await at(page, 0).click();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => selectedPositions(page, 2 * columns)).toEqual([1]);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => selectedPositions(page, 2 * columns)).toEqual([1 + columns]);
  await page.keyboard.press('Shift+ArrowLeft');
  await expectSelected(page, 2);
  await expect.poll(() => selectedPositions(page, 2 * columns)).toEqual([columns, 1 + columns]);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => selectedPositions(page, 2 * columns)).toEqual([0]);
});
