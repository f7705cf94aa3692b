import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { cliPhotos } from './catalog-cli';
import { openKadar, snap } from './grid-page';
import { runKadar, startKadarHost, type KadarHost } from './kadar-host';

const samplePhotos = fileURLToPath(new URL('../../assets/sample/photos/', import.meta.url));

let host: KadarHost;
test.beforeAll(async () => {
  host = await startKadarHost({ index: [samplePhotos] });
});
test.afterAll(async () => {
  await host?.stop();
});

/** Opens Kadar and its Backups dialog, and sets a new folder as the second drive's. */
async function withSecondFolder(page: Page, prefix: string) {
  await openKadar(page, host.url);
  await page.getByTestId('open-backups').click();
  const dialog = page.getByTestId('backups-dialog');
  const folder = mkdtempSync(join(tmpdir(), prefix));
  await dialog.getByTestId('backup-second-folder').fill(folder);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByTestId('backups-message')).toContainText(folder);
  return { dialog, folder };
}

test('back up now with a copy on a second folder; restore a backup from before a batch edit after a restart', async ({
  page,
}) => {
  const { dialog, folder: second } = await withSecondFolder(page, 'kadar-second-drive-');
  await dialog.getByTestId('backup-now').click();
  await expect(dialog.getByTestId('backups-message')).toContainText('Backed up and checked');
  await expect(dialog.getByTestId('backup-row')).toHaveCount(1);
  expect(readdirSync(second)).toEqual([expect.stringMatching(/^kadar-\d{4}-\d{2}-\d{2}\.sqlite$/)]);
  await snap(page, 'backups-dialog');

  // A batch edit after the backup…
  const before = await cliPhotos(host.catalog);
  const ids = before.map((p) => p.id).join(',');
  await runKadar(host.catalog, ['rate', '--photos', ids, '--stars', '5']);
  expect((await cliPhotos(host.catalog)).every((p) => p.rating === 5)).toBe(true);

  // …undone by restoring the backup, which happens when Kadar next starts.
  await dialog.getByTestId('backup-restore').click();
  await dialog.getByTestId('backup-restore-confirm').click();
  await expect(dialog.getByTestId('backups-message')).toContainText('when it next starts');
  await snap(page, 'backups-restore-pending');
  await host.stop({ keep: true });
  host = await startKadarHost({ dir: host.dir });
  expect(await cliPhotos(host.catalog)).toEqual(before);
  expect(readdirSync(host.dir).some((n) => n.startsWith('catalog.sqlite.before-restore-'))).toBe(
    true,
  );
  await openKadar(page, host.url);
  await page.getByTestId('open-backups').click();
  // Today's backup was made again when the host closed; the restore is done.
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
});

test('a backup that fails as Kadar closes is said at the next start, and a good one clears it', async ({
  page,
}) => {
  const { dialog, folder: drive } = await withSecondFolder(page, 'kadar-usb-drive-');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The drive is unplugged, then Kadar is closed: its backup at closing cannot be copied.
  rmSync(drive, { recursive: true });
  await host.stop({ keep: true });
  host = await startKadarHost({ dir: host.dir });
  await openKadar(page, host.url);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Backups: ');
  await expect(notice).toContainText(`its copy in the second folder ${drive} could not be`);
  await expect(notice).toContainText('Is that drive connected?');
  await snap(page, 'backups-failed-notice');

  // The Backups dialog says it too. The drive is plugged in again: a backup goes through,
  // copied to it, and clears both.
  await page.getByTestId('open-backups').click();
  await expect(dialog.getByRole('alert')).toContainText('The last backup had a problem');
  mkdirSync(drive);
  await dialog.getByTestId('backup-now').click();
  await expect(dialog.getByTestId('backups-message')).toContainText(`copied to ${drive}`);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(notice).toHaveCount(0);
  await snap(page, 'backups-failure-cleared');
});
