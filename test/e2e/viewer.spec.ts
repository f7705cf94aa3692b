import { expect, test, type Page } from '@playwright/test';
import type { Photo } from '../../shared/api/photo-schema';
import { cliPhotos } from './catalog-cli';
import { cell, expectShown, openKadar, revealPhoto, scanGrid, snap } from './grid-page';
import { repoFixtures, startKadarHost, type KadarHost } from './kadar-host';

let host: KadarHost;
let photos: Map<number, Photo>;

test.beforeAll(async () => {
  host = await startKadarHost({ index: [repoFixtures] });
  photos = new Map((await cliPhotos(host.catalog)).map((p) => [p.id, p]));
});

test.afterAll(async () => {
  await host?.stop();
});

const upTo = (x: number, digits: number) => String(Number(x.toFixed(digits)));

/** What the panel must say for each field, from the CLI's JSON; null: the field is absent. */
function expectedFields(p: Photo): Record<string, string | null> {
  const e = p.exposureTime;
  return {
    fileName: p.fileName,
    path: p.path,
    dimensions: p.width != null && p.height != null ? `${p.width} × ${p.height}` : null,
    takenAt: p.takenAt?.replace('T', ' ') ?? null,
    takenAtOffset: p.takenAtOffset,
    takenAtSource: p.takenAtSource,
    make: p.make,
    model: p.model,
    lens: p.lens,
    focalLength: p.focalLength == null ? null : `${upTo(p.focalLength, 2)} mm`,
    fNumber: p.fNumber == null ? null : `f/${upTo(p.fNumber, 1)}`,
    exposureTime: e == null ? null : e >= 1 ? `${upTo(e, 1)} s` : `1/${Math.round(1 / e)} s`,
    iso: p.iso == null ? null : String(p.iso),
    gpsLatitude: p.gpsLatitude == null ? null : p.gpsLatitude.toFixed(6),
    gpsLongitude: p.gpsLongitude == null ? null : p.gpsLongitude.toFixed(6),
    gpsAltitude: p.gpsAltitude == null ? null : `${upTo(p.gpsAltitude, 1)} m`,
    title: p.title,
    creator: p.creator,
    copyright: p.copyright,
    city: p.city,
    country: p.country,
    keywords: p.keywords.length ? p.keywords.join(', ') : null,
  };
}

interface ViewerState {
  id: number;
  name: string;
  position: string;
  fields: Record<string, string>;
}

/** The viewer's photo id, title, position and metadata panel, read in one go. */
function viewerState(page: Page): Promise<ViewerState> {
  return page.getByTestId('viewer').evaluate((viewer) => ({
    id: Number(viewer.getAttribute('data-photo-id')),
    name: viewer.querySelector('[data-testid=viewer-name]')?.textContent ?? '',
    position: viewer.querySelector('[data-testid=viewer-position]')?.textContent ?? '',
    fields: Object.fromEntries(
      [...viewer.querySelectorAll('dd[data-field]')].map((dd) => [
        dd.getAttribute('data-field') ?? '',
        dd.textContent ?? '',
      ]),
    ),
  }));
}

/** Waits for the viewer to show this photo's details, then checks them against the CLI's. */
async function expectViewerOn(page: Page, photo: Photo, position?: string): Promise<void> {
  await page.waitForFunction(
    ([id, fileName]) => {
      const viewer = document.querySelector('[data-testid=viewer]');
      return (
        viewer?.getAttribute('data-photo-id') === id &&
        viewer?.querySelector('dd[data-field=fileName]')?.textContent === fileName
      );
    },
    [String(photo.id), photo.fileName],
  );
  const { name, fields, position: shownPosition } = await viewerState(page);
  expect(name).toBe(photo.fileName);
  if (position) expect(shownPosition).toBe(position);
  expect(fields.fileSize, `${photo.fileName}: file size`).toContain(
    `${photo.fileSize.toLocaleString('en-US')} bytes`,
  );
  for (const [field, value] of Object.entries(expectedFields(photo)))
    expect(fields[field], `${photo.fileName}: ${field}`).toBe(value ?? undefined);
}

test('the viewer shows what the CLI prints for every photo; ←/→ follow the grid', async ({
  page,
}) => {
  await openKadar(page, host.url);
  await expectShown(page, photos.size);
  await page.getByTestId('sort-select').selectOption('name');
  await expect(page.getByTestId('day-header')).toHaveCount(0);
  const order = (await scanGrid(page)).ids;
  const richest = [...photos.values()].reduce((best, p) =>
    Object.values(expectedFields(p)).filter(Boolean).length >
    Object.values(expectedFields(best)).filter(Boolean).length
      ? p
      : best,
  );

  await revealPhoto(page, order[0]!);
  await cell(page, order[0]!).dblclick();
  await expect(page.getByTestId('viewer')).toBeVisible();
  for (let i = 0; i < order.length; i++) {
    const photo = photos.get(order[i]!)!;
    await expectViewerOn(page, photo, `${i + 1} of ${order.length}`);
    if (photo === richest) {
      await expect(page.getByTestId('viewer-preview')).toHaveJSProperty('complete', true);
      await snap(page, 'viewer');
    }
    await page.keyboard.press('ArrowRight');
  }
  // Past the last photo → stays; ← goes back.
  await expectViewerOn(page, photos.get(order.at(-1)!)!);
  await page.keyboard.press('ArrowLeft');
  await expectViewerOn(page, photos.get(order.at(-2)!)!);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('viewer')).toBeHidden();
  // The grid shows where the viewer was.
  await expect(cell(page, order.at(-2)!)).toBeInViewport();
});

test('the preview loads over the thumbnail, and Esc returns to the grid as it was', async ({
  page,
}) => {
  const withPreview = [...photos.values()].find(
    (p) => p.hasThumbnail && p.errorCode == null && (p.width ?? 0) >= 1000,
  )!;
  await openKadar(page, host.url);
  await expectShown(page, photos.size);
  await revealPhoto(page, withPreview.id);
  await cell(page, withPreview.id).click();
  await expect(page.getByTestId('count-selected')).toHaveAttribute('data-count', '1');
  const grid = page.getByTestId('photo-grid');
  const scrollTop = await grid.evaluate((e) => e.scrollTop);
  expect(scrollTop).toBeGreaterThan(0);

  await page.keyboard.press('Enter');
  await expectViewerOn(page, withPreview);
  const preview = page.getByTestId('viewer-preview');
  await expect
    .poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  // The preview is larger than the grid's thumbnail.
  const thumbWidth = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    return img.naturalWidth;
  }, `/img/thumb/${withPreview.id}`);
  expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(
    thumbWidth,
  );

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('viewer')).toBeHidden();
  expect(await grid.evaluate((e) => e.scrollTop)).toBe(scrollTop);
  await expect(page.getByTestId('count-selected')).toHaveAttribute('data-count', '1');
  await expect(cell(page, withPreview.id)).toHaveAttribute('aria-selected', 'true');
  // Keys go to the grid again.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('count-selected')).toHaveAttribute('data-count', '0');
});
