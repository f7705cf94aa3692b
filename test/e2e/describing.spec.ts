import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { cliPhotos } from './catalog-cli';
import { cell, expectShown, openKadar, revealPhoto, snap } from './grid-page';
import { runKadar, startKadarHost, type KadarHost } from './kadar-host';

const samplePhotos = fileURLToPath(new URL('../../assets/sample/photos/', import.meta.url));

let host: KadarHost;
test.beforeAll(async () => {
  host = await startKadarHost({ index: [samplePhotos] });
});
test.afterAll(async () => {
  await host?.stop();
});

const tagRow = (page: Page, path: string) =>
  page.locator(`[data-testid=tag-row][data-value="${path}"]`);
const byName = async (name: string) =>
  (await cliPhotos(host.catalog)).find((p) => p.fileName === name)!;

test('tag ten photos with Ctrl-K and undo; caption with variables; people; rename a tag; a saved search; all kept after a restart', async ({
  page,
}) => {
  await openKadar(page, host.url);
  await expectShown(page, 10);

  // Ctrl-A, Ctrl-K, type, Enter: the ten photos get the tag, as one step.
  await page.getByTestId('photo-grid').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+k');
  const box = page.getByTestId('tag-box');
  await expect(box).toBeVisible();
  await page.getByTestId('tag-input').fill('Sector/Textile');
  await page.keyboard.press('Enter');
  await expect(box.locator('[data-testid=tag-chip][data-path="Sector/Textile"]')).toContainText(
    '10/10',
  );
  // Completion folds case, marks and script: "nis" offers the Latin and the Cyrillic tag.
  await page.getByTestId('tag-input').fill('Place/Niš');
  await page.keyboard.press('Enter');
  // Typing on while a tag is still being added: the new text stays. The request is held
  // until then, so the answer comes after the typing as it would from a slow disk.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/tags.add', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByTestId('tag-input').fill('Место/Ниш');
  await page.keyboard.press('Enter');
  await page.getByTestId('tag-input').fill('nis');
  release();
  await expect(box.locator('[data-testid=tag-chip][data-path="Место/Ниш"]')).toContainText('10/10');
  await page.unroute('**/api/tags.add');
  await expect(page.getByTestId('tag-input')).toHaveValue('nis');
  await expect(page.getByTestId('tag-input-option')).toHaveText([
    'Place/Niš',
    'Место/Ниш',
    'New tag “nis”',
  ]);
  await snap(page, 'describing-tag-box');
  await page.keyboard.press('Escape');
  await expect(box).toHaveCount(0);
  await expect(tagRow(page, 'Sector')).toHaveAttribute('data-count', '10');
  await snap(page, 'describing-tags-sidebar');
  // Undo takes back the last tagging only, then the first.
  for (let i = 0; i < 2; i++) await page.keyboard.press('Control+z');
  await expect(tagRow(page, 'Место')).toHaveCount(0);
  await expect(tagRow(page, 'Place')).toHaveCount(0);
  await expect(tagRow(page, 'Sector')).toHaveAttribute('data-count', '10');
  await page.keyboard.press('Control+z');
  await expect(tagRow(page, 'Sector')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(tagRow(page, 'Sector')).toHaveAttribute('data-count', '10');

  // Caption two photos with variables: the preview and the result are each photo's own.
  await page.keyboard.press('Escape');
  const a = await byName('DSC_2208.JPG');
  const b = await byName('DSC_0412.JPG');
  await revealPhoto(page, a.id);
  await cell(page, a.id).click();
  await revealPhoto(page, b.id);
  await cell(page, b.id).click({ modifiers: ['Control'] });
  await page.keyboard.press('Control+Shift+c');
  await page.getByTestId('caption-template').fill('{filename}, {date:d.M.yyyy} #{seq}');
  await expect(page.getByTestId('caption-preview-row')).toHaveCount(2);
  await expect(page.getByTestId('caption-preview')).toContainText('DSC_2208.JPG, 28.11.2015');
  await expect(page.getByTestId('caption-preview')).toContainText('DSC_0412.JPG, 19.11.2015');
  await snap(page, 'describing-caption');
  await page.getByTestId('caption-template').fill('{evnt}');
  await expect(page.getByTestId('caption-error')).toContainText('Unknown variable {evnt}');
  await expect(page.getByTestId('apply-caption')).toBeDisabled();
  await page.getByTestId('caption-template').fill('{filename}, {date:d.M.yyyy}');
  await expect(page.getByTestId('caption-preview')).toContainText('DSC_2208.JPG, 28.11.2015');
  await page.getByTestId('apply-caption').click();
  await expect(page.getByTestId('caption-dialog')).toHaveCount(0);
  await expect
    .poll(async () => (await byName('DSC_2208.JPG')).caption)
    .toBe('DSC_2208.JPG, 28.11.2015');
  expect((await byName('DSC_0412.JPG')).caption).toBe('DSC_0412.JPG, 19.11.2015');

  // People: Ctrl-P, a new name, Enter; the person's photos from the sidebar.
  await page.keyboard.press('Control+p');
  await page.getByTestId('person-input').fill('Ana Jović');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('person-chip')).toHaveText(['Ana Jović×']);
  await page.keyboard.press('Escape');
  await page.getByTestId('person-row').filter({ hasText: 'Ana Jović' }).click();
  await expect(page.getByTestId('person-name')).toHaveText('Ana Jović');
  await expectShown(page, 2);
  await snap(page, 'describing-person-page');
  await page.getByTestId('person-row').filter({ hasText: 'Ana Jović' }).click();
  await expectShown(page, 10);

  // Rename the tag; its photos are found by the new name.
  await page.getByRole('button', { name: 'Expand Sector' }).click();
  await tagRow(page, 'Sector/Textile').click();
  await expectShown(page, 10);
  await page.getByTestId('edit-tag').click();
  await page.getByTestId('tag-name-input').fill('Tekstil');
  await page.getByTestId('rename-tag').click();
  await expect(tagRow(page, 'Sector/Tekstil')).toBeVisible();
  await page.getByTestId('clear-filters').click();
  await page.getByTestId('search-input').fill('tekstil');
  await expectShown(page, 10);

  // Keep that search; it comes back from the sidebar.
  await page.getByTestId('save-search').click();
  await page.getByTestId('search-name').fill('Textile photos');
  await page.getByTestId('save-search-submit').click();
  await page.getByTestId('clear-filters').click();
  await page.getByTestId('saved-search').filter({ hasText: 'Textile photos' }).click();
  await expect(page.getByTestId('search-input')).toHaveValue('tekstil');
  await expectShown(page, 10);

  // ? lists the shortcuts.
  await page.getByTestId('photo-grid').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toContainText('Ctrl/⌘ + K');
  await snap(page, 'describing-shortcuts');
  await page.keyboard.press('Escape');

  // A restart keeps it all.
  const before = await cliPhotos(host.catalog);
  await host.stop({ keep: true });
  host = await startKadarHost({ dir: host.dir });
  const after = await cliPhotos(host.catalog);
  expect(after.map((p) => [p.tags, p.people, p.caption])).toEqual(
    before.map((p) => [p.tags, p.people, p.caption]),
  );
  expect(after.every((p) => p.tags.includes('Sector/Tekstil'))).toBe(true);
  expect(JSON.parse(await runKadar(host.catalog, ['people', '--json']))).toEqual([
    expect.objectContaining({ name: 'Ana Jović', photoCount: 2 }),
  ]);
  await openKadar(page, host.url);
  await expect(page.getByTestId('saved-search')).toHaveText(['Textile photos']);
});
