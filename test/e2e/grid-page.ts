import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';

const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

/** Keeps a picture of a view among the run's artifacts. */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}${name}.png` });
}

/** Opens the host's link (it carries the token) and waits for the catalog to load. */
export async function openKadar(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('status-bar')).toBeVisible();
}

/** The status bar and the grid agree on how many photos are shown (none: the grid says why). */
export async function expectShown(page: Page, count: number): Promise<void> {
  await expect(page.getByTestId('count-shown')).toHaveAttribute('data-count', String(count));
  if (count === 0) await expect(page.getByTestId('no-results')).toBeVisible();
  else await expect(page.getByTestId('photo-grid')).toHaveAttribute('data-total', String(count));
}

/** Cells per row, once the grid has measured its width. */
export async function gridColumns(page: Page): Promise<number> {
  const grid = page.getByTestId('photo-grid');
  await expect(grid).toHaveAttribute('data-columns', /^\d+$/);
  return Number(await grid.getAttribute('data-columns'));
}

/** Lets the virtual grid render what a scroll brought into view. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

export type ThumbState = 'loaded' | 'placeholder' | 'other';

export interface GridScan {
  /** Every photo id, in grid order. */
  ids: number[];
  /** How each photo's cell looked once it was in view and settled. */
  thumbs: Map<number, ThumbState>;
  /** Day heading → the count it shows. */
  headers: Map<string, number>;
}

/**
 * Scrolls the virtual grid from top to bottom, reading the cells in view at each step (only
 * those exist in the DOM). With `images`, each step first waits until the cells in view have
 * their records and their thumbnails have finished loading.
 */
export async function scanGrid(page: Page, { images = false } = {}): Promise<GridScan> {
  const grid = page.getByTestId('photo-grid');
  await gridColumns(page);
  const total = Number(await grid.getAttribute('data-total'));
  await grid.evaluate((e) => (e.scrollTop = 0));
  const byIndex = new Map<number, number>();
  const thumbs = new Map<number, ThumbState>();
  const headers = new Map<string, number>();

  for (let step = 0; step < 10_000; step++) {
    await settle(page);
    if (images) {
      await page.waitForFunction(() => {
        const g = document.querySelector('[data-testid=photo-grid]')!.getBoundingClientRect();
        return [...document.querySelectorAll<HTMLElement>('[data-testid=photo-cell]')]
          .filter((c) => {
            const r = c.getBoundingClientRect();
            return r.bottom > g.top && r.top < g.bottom;
          })
          .every((c) => {
            const img = c.querySelector('img');
            return c.dataset.thumb !== 'pending' && (!img || img.complete);
          });
      });
    }
    const seen = await grid.evaluate((g) => {
      const box = g.getBoundingClientRect();
      return {
        cells: [...g.querySelectorAll<HTMLElement>('[data-testid=photo-cell]')].map((c) => {
          const r = c.getBoundingClientRect();
          const img = c.querySelector<HTMLImageElement>('img[data-testid=thumb]');
          return {
            index: Number(c.dataset.index),
            id: Number(c.dataset.photoId),
            inView: r.bottom > box.top && r.top < box.bottom,
            state:
              img?.complete && img.naturalWidth > 0
                ? 'loaded'
                : c.querySelector('[data-testid=thumb-placeholder]')
                  ? 'placeholder'
                  : 'other',
          };
        }),
        headers: [...g.querySelectorAll<HTMLElement>('[data-testid=day-header]')].map(
          (h) => [h.dataset.day!, Number(h.dataset.count)] as const,
        ),
        atEnd: g.scrollTop + g.clientHeight >= g.scrollHeight - 1,
      };
    });
    for (const cell of seen.cells) {
      byIndex.set(cell.index, cell.id);
      if (cell.inView) thumbs.set(cell.id, cell.state as ThumbState);
    }
    for (const [day, count] of seen.headers) headers.set(day, count);
    if (seen.atEnd) break;
    await grid.evaluate((e) => (e.scrollTop += Math.floor(e.clientHeight * 0.75)));
  }

  expect(byIndex.size, 'every position of the grid was rendered once scrolled to').toBe(total);
  const ids = Array.from({ length: total }, (_, i) => byIndex.get(i)!);
  return { ids, thumbs, headers };
}

/** Scrolls until the photo's cell is in the DOM, then into view. */
export async function revealPhoto(page: Page, id: number): Promise<void> {
  const grid = page.getByTestId('photo-grid');
  const cell = page.locator(`[data-testid=photo-cell][data-photo-id="${id}"]`);
  await gridColumns(page);
  await grid.evaluate((e) => (e.scrollTop = 0));
  for (let step = 0; step < 10_000 && (await cell.count()) === 0; step++) {
    const atEnd = await grid.evaluate((e) => {
      e.scrollTop += Math.floor(e.clientHeight * 0.75);
      return e.scrollTop + e.clientHeight >= e.scrollHeight - 1;
    });
    await settle(page);
    if (atEnd) break;
  }
  await cell.scrollIntoViewIfNeeded();
}

export const cell = (page: Page, id: number) =>
  page.locator(`[data-testid=photo-cell][data-photo-id="${id}"]`);
