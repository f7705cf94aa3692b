import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { cliPhotos } from './catalog-cli';
import { cell, expectShown, openKadar, revealPhoto, snap } from './grid-page';
import { runKadar, startKadarHost, type KadarHost } from './kadar-host';

const samplePhotos = fileURLToPath(new URL('../../assets/sample/photos/', import.meta.url));

let host: KadarHost;
let library: string;
test.beforeAll(async () => {
  // Sidecars are written beside the photos: a copy, never the sample itself.
  library = mkdtempSync(join(tmpdir(), 'kadar-e2e-sidecars-'));
  cpSync(samplePhotos, library, { recursive: true });
  host = await startKadarHost({ index: [library] });
});
test.afterAll(async () => {
  await host?.stop();
  rmSync(library, { recursive: true, force: true });
});

const sidecars = () =>
  readdirSync(library, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.xmp'));
const exiftool = (file: string): Record<string, unknown> =>
  (
    JSON.parse(execFileSync('exiftool', ['-j', '-n', '-G1', file], { encoding: 'utf8' })) as Record<
      string,
      unknown
    >[]
  )[0]!;

test('switch sidecars on for a folder: tagged photos get XMP files exiftool reads, and a rating follows by itself', async ({
  page,
}) => {
  await openKadar(page, host.url);
  await expectShown(page, 10);
  // Tag every photo: each then has something from a person.
  await page.getByTestId('photo-grid').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+k');
  await page.getByTestId('tag-input').fill('Sector/Textile');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  expect(sidecars()).toEqual([]);

  await page.getByTestId('open-sidecars').click();
  const dialog = page.getByTestId('sidecars-dialog');
  await expect(dialog.getByTestId('sidecar-root')).toHaveCount(1);
  await dialog.getByTestId('sidecar-naming').selectOption('digikam');
  await expect(dialog.getByTestId('sidecars-last-run')).toContainText('10 written');
  await snap(page, 'sidecars-dialog');
  const names = sidecars();
  expect(names).toHaveLength(10);
  expect(names.every((n) => /\.(jpe?g|heic)\.xmp$/i.test(n))).toBe(true);
  await page.getByRole('button', { name: 'Close' }).click();

  // Five stars from the keyboard: the photo's sidecar follows without being asked.
  const photo = (await cliPhotos(host.catalog)).find((p) => p.fileName === 'DSC_2208.JPG')!;
  await revealPhoto(page, photo.id);
  await cell(page, photo.id).click();
  await page.keyboard.press('5');
  const file = join(library, `${photo.relPath}.xmp`);
  await expect.poll(() => exiftool(file)['XMP-xmp:Rating'], { timeout: 10_000 }).toBe(5);
  const tags = exiftool(file);
  // The file's own keywords stay beside the person's tag.
  expect(tags['XMP-lr:HierarchicalSubject']).toEqual(expect.arrayContaining(['Sector|Textile']));
  expect(tags['XMP-digiKam:TagsList']).toEqual(expect.arrayContaining(['Sector/Textile']));
  expect(tags['XMP-dc:Subject']).toEqual(expect.arrayContaining(['Textile', 'fashion show']));
  expect(tags['XMP-iptcExt:Event']).toBeUndefined();
  await snap(page, 'sidecars-rated');
});

test('name new sidecars as Lightroom does, then switch them off: edits stop reaching the files', async ({
  page,
}) => {
  await openKadar(page, host.url);
  await expectShown(page, 10);
  const dialog = page.getByTestId('sidecars-dialog');
  const naming = dialog.getByTestId('sidecar-naming');
  await page.getByTestId('open-sidecars').click();
  await naming.selectOption('lightroom');
  await expect(naming).toHaveValue('lightroom');
  await page.getByRole('button', { name: 'Close' }).click();

  // A photo whose sidecar someone deleted gets a new one at the next edit, named the new way;
  // the others keep theirs, under their names.
  const photo = (await cliPhotos(host.catalog)).find((p) => p.fileName === 'DSC_2211.JPG')!;
  rmSync(join(library, `${photo.relPath}.xmp`));
  await revealPhoto(page, photo.id);
  await cell(page, photo.id).click();
  await page.keyboard.press('3');
  const lightroom = join(library, photo.relPath.replace(/\.JPG$/, '.xmp'));
  await expect
    .poll(() => (existsSync(lightroom) ? exiftool(lightroom)['XMP-xmp:Rating'] : null), {
      timeout: 10_000,
    })
    .toBe(3);
  expect(sidecars()).toHaveLength(10);
  expect(sidecars().filter((n) => !/\.(jpe?g|heic)\.xmp$/i.test(n))).toEqual([
    photo.relPath.replace(/\.JPG$/, '.xmp'),
  ]);

  // Off: the next rating stays in the catalog only.
  await page.getByTestId('open-sidecars').click();
  await naming.selectOption('');
  await expect(naming).toHaveValue('');
  await snap(page, 'sidecars-off');
  await page.getByRole('button', { name: 'Close' }).click();
  await cell(page, photo.id).click();
  await page.keyboard.press('1');
  await expect(cell(page, photo.id).getByTestId('rating-mark')).toHaveAttribute('data-rating', '1');
  // Well past the moment an edit settles and would be written (400 ms).
  await page.waitForTimeout(2000);
  expect(exiftool(lightroom)['XMP-xmp:Rating']).toBe(3);
});

test('a sidecar that cannot be written is listed with why, and the others are written', async ({
  page,
}) => {
  // Something else now has the place of one photo's sidecar: a folder of that name.
  const photo = (await cliPhotos(host.catalog)).find((p) => p.fileName === 'DSC_2208.JPG')!;
  const blocked = join(library, `${photo.relPath}.xmp`);
  rmSync(blocked, { force: true });
  mkdirSync(blocked);
  try {
    await openKadar(page, host.url);
    await expectShown(page, 10);
    await page.getByTestId('open-sidecars').click();
    const dialog = page.getByTestId('sidecars-dialog');
    await dialog.getByTestId('sidecar-naming').selectOption('digikam');
    await expect(dialog.getByTestId('sidecars-last-run')).toContainText('1 failed');
    const failure = dialog.getByTestId('sidecar-failure');
    await expect(failure).toHaveCount(1);
    await expect(failure).toHaveText(
      `${join(library, photo.relPath)}: Its sidecar DSC_2208.JPG.xmp could not be read: a folder has that name.`,
    );
    await snap(page, 'sidecars-failure');
    // The folder in the way is left as it was; every other photo has its sidecar.
    expect(readdirSync(blocked)).toEqual([]);
    for (const other of await cliPhotos(host.catalog)) {
      if (other.id === photo.id) continue;
      const lightroom = join(library, other.relPath.replace(/\.[^.]+$/, '.xmp'));
      expect(
        existsSync(join(library, `${other.relPath}.xmp`)) || existsSync(lightroom),
        other.fileName,
      ).toBe(true);
    }
  } finally {
    rmSync(blocked, { recursive: true, force: true });
  }
});

test('writing a thousand sidecars shows how far it is, and Stop leaves the rest for later', async ({
  page,
}) => {
  // An info day's thousand photos (small ones: their number is what matters), all tagged.
  const dir = mkdtempSync(join(tmpdir(), 'kadar-e2e-stop-'));
  const photos = join(dir, 'Info dan Vranje');
  mkdirSync(photos);
  const count = 1000;
  for (let i = 0; i < count; i++)
    await sharp({
      create: { width: 32, height: 24, channels: 3, background: { r: i % 256, g: i >> 8, b: 9 } },
    })
      .jpeg()
      .toFile(join(photos, `IMG_${String(5000 + i)}.JPG`));
  const catalog = join(dir, 'catalog.sqlite');
  await runKadar(catalog, ['index', photos, '--progress', 'none']);
  const ids = (await cliPhotos(catalog)).map((p) => p.id);
  await runKadar(catalog, ['tag', '--photos', ids.join(','), '--add', 'Info dan']);
  const stop = await startKadarHost({ dir });
  try {
    await openKadar(page, stop.url);
    await page.getByTestId('open-sidecars').click();
    const dialog = page.getByTestId('sidecars-dialog');
    await dialog.getByTestId('sidecar-naming').selectOption('digikam');
    const progress = dialog.getByTestId('sidecars-progress');
    await progress.waitFor();
    await expect(progress).toContainText(`of ${count}`);
    await snap(page, 'sidecars-progress');
    await progress.getByTestId('sidecars-cancel').click();
    const lastRun = dialog.getByTestId('sidecars-last-run');
    await expect(lastRun).toContainText('Stopped: the rest are written with the next change');
    const written = readdirSync(photos).filter((n) => n.endsWith('.xmp')).length;
    expect(written).toBeLessThan(count);
    // The folder says how many are still to write.
    await expect(dialog.getByTestId('sidecar-root')).toContainText(`${count - written} to write`);
    await snap(page, 'sidecars-stopped');
  } finally {
    await stop.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
