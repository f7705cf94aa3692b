import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { cliPhotos } from './catalog-cli';
import { openKadar, snap } from './grid-page';
import { runKadar, startKadarHost, type KadarHost } from './kadar-host';

const samplePhotos = fileURLToPath(new URL('../../assets/sample/photos/', import.meta.url));
const invitation = fileURLToPath(
  new URL('../../assets/sample/documents/invitation-fashion-show-stip.pdf', import.meta.url),
);

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

test('back up now with a copy on a second folder; restore a backup from before a batch edit, at once', async ({
  page,
}) => {
  const { dialog, folder: second } = await withSecondFolder(page, 'kadar-second-drive-');
  await dialog.getByTestId('backup-now').click();
  await expect(dialog.getByTestId('backups-message')).toContainText('Backed up and checked');
  // Today's, and its copy on the second drive.
  await expect(dialog.getByTestId('backup-row')).toHaveCount(2);
  await expect(dialog.getByTestId('backup-row').nth(1)).toContainText('on the second drive');
  expect(readdirSync(second)).toEqual([expect.stringMatching(/^kadar-\d{4}-\d{2}-\d{2}\.sqlite$/)]);
  await snap(page, 'backups-dialog');
  const backups = join(host.dir, 'catalog-backups');
  const [daily] = readdirSync(backups);
  const madeAt = statSync(join(backups, daily!)).mtimeMs;

  // A batch edit after the backup: every photo gets five stars, which the grid shows.
  const before = await cliPhotos(host.catalog);
  const rated = before.filter((p) => (p.rating ?? 0) > 0).length;
  const ids = before.map((p) => p.id).join(',');
  await runKadar(host.catalog, ['rate', '--photos', ids, '--stars', '5']);
  expect((await cliPhotos(host.catalog)).every((p) => p.rating === 5)).toBe(true);
  await page.reload();
  await expect(page.getByTestId('rating-mark').first()).toHaveAttribute('data-rating', '5');

  // …undone by restoring the backup: the catalog closes, the backup takes its place, and the
  // window starts afresh on it, without Kadar being closed.
  await page.getByTestId('open-backups').click();
  const beside = dialog.getByTestId('backup-row').first();
  await beside.getByTestId('backup-restore').click();
  await expect(beside).toContainText('Work under way stops');
  await beside.getByTestId('backup-restore-confirm').click();
  const notice = page.getByTestId('info-notice');
  await expect(notice).toContainText('The backup is restored. The catalog it replaced is kept as');
  await expect(notice).toContainText(join(host.dir, 'catalog.sqlite.before-restore-'));
  // The page started again: the dialog is gone, and the grid has the photos as they were.
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('rating-mark')).toHaveCount(rated);
  await snap(page, 'backups-restored');
  expect(await cliPhotos(host.catalog)).toEqual(before);
  expect(readdirSync(host.dir).some((n) => n.startsWith('catalog.sqlite.before-restore-'))).toBe(
    true,
  );
  // The notice names where the replaced catalog is, so it stays until dismissed.
  await page.waitForTimeout(4500);
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  // Closing to be replaced made no backup over today's: still the one made before the edit.
  expect(readdirSync(backups)).toEqual([daily]);
  expect(statSync(join(backups, daily!)).mtimeMs).toBe(madeAt);
  await page.getByTestId('open-backups').click();
  await expect(page.getByTestId('backup-row')).toHaveCount(2);
});

test('a backup that fails as Kadar closes is said at the next start, and a good one clears it', async ({
  page,
}) => {
  const { dialog, folder: drive } = await withSecondFolder(page, 'kadar-usb-drive-');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A folder typed wrong is refused, naming it, and the one set stays.
  await page.getByTestId('open-backups').click();
  await dialog.getByTestId('backup-second-folder').fill('backups on E');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByTestId('backups-error')).toContainText(
    'folder: backups on E is not a full path: give it from the top of the drive (/home/… or C:\\…).',
  );
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

test('a restore another program is in the way of waits for the next start, and can be called off', async ({
  page,
}) => {
  await openKadar(page, host.url);
  await page.getByTestId('open-backups').click();
  const dialog = page.getByTestId('backups-dialog');
  await dialog.getByTestId('backup-now').click();
  await expect(dialog.getByTestId('backups-message')).toContainText('Backed up and checked');
  const before = await cliPhotos(host.catalog);

  // Another program has the catalog open (idle): it cannot be replaced under it.
  const other = new Database(host.catalog, { readonly: true });
  try {
    other.prepare('SELECT count(*) FROM photos').get();
    await dialog.getByTestId('backup-restore').first().click();
    await dialog.getByTestId('backup-restore-confirm').click();
    // Said once, after the window started again (not again as a failed backup).
    const notice = page.getByTestId('notice').filter({ hasText: 'was not restored' });
    await expect(notice).toContainText('Another program is using the catalog');
    await expect(notice).toContainText('Kadar tries again when it next opens the catalog');
    await expect(page.getByTestId('notice')).toHaveCount(1);

    // The dialog says a restore is waiting, and calls it off.
    await page.getByTestId('open-backups').click();
    const pending = dialog.getByTestId('backup-pending');
    await expect(pending).toContainText('is waiting to be restored');
    expect(existsSync(`${host.catalog}.restore-pending`)).toBe(true);
    await snap(page, 'backup-pending');
    await pending.getByRole('button', { name: 'Don’t restore it' }).click();
    await expect(dialog.getByTestId('backups-message')).toContainText('The restore is called off');
    await expect(pending).toHaveCount(0);
    // That it did not happen is no longer news.
    await expect(notice).toHaveCount(0);
  } finally {
    other.close();
  }
  expect(existsSync(`${host.catalog}.restore-pending`)).toBe(false);
  // Opened again, nothing is restored: the catalog is as it was.
  await page.reload();
  await expect(page.getByTestId('photo-grid')).toHaveAttribute('data-total', String(before.length));
  expect(await cliPhotos(host.catalog)).toEqual(before);
});

test("the backups beside the catalog lost, the second drive's copy restores it", async ({
  page,
}) => {
  // An invitation attached as a copy: the second drive keeps it beside its backups.
  const event = JSON.parse(
    await runKadar(host.catalog, [
      'event',
      'add',
      '--title',
      'Info day',
      '--start',
      '2015-11-24',
      '--json',
    ]),
  ) as { id: number };
  await runKadar(host.catalog, ['attach', invitation, '--event', String(event.id)]);
  const { dialog, folder: second } = await withSecondFolder(page, 'kadar-other-drive-');
  await dialog.getByTestId('backup-now').click();
  await expect(dialog.getByTestId('backups-message')).toContainText(`copied to ${second}`);
  expect(readdirSync(join(second, 'kadar-documents'), { recursive: true })).toHaveLength(2);
  const before = await cliPhotos(host.catalog);
  const rated = before.filter((p) => (p.rating ?? 0) > 0).length;

  // The first drive's backups and documents are gone (a failing disk), and where the
  // documents were, something is in the way: the invitation cannot come back.
  rmSync(join(host.dir, 'catalog-backups'), { recursive: true });
  rmSync(join(host.dir, 'catalog-documents'), { recursive: true });
  writeFileSync(join(host.dir, 'catalog-documents'), 'in the way');
  await runKadar(host.catalog, [
    'rate',
    '--photos',
    before.map((p) => p.id).join(','),
    '--stars',
    '5',
  ]);
  await page.reload();
  await expect(page.getByTestId('rating-mark').first()).toHaveAttribute('data-rating', '5');

  await page.getByTestId('open-backups').click();
  const row = dialog.getByTestId('backup-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('on the second drive');
  await snap(page, 'backup-second-drive');
  await row.getByTestId('backup-restore').click();
  await row.getByTestId('backup-restore-confirm').click();
  // Restored, and said after the window started again: with the document that did not come
  // back, which stays until dismissed.
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('The backup is restored.');
  await expect(notice).toContainText(
    '1 of the documents kept beside the backup could not be copied back',
  );
  await expect(notice).toContainText(
    'invitation-fashion-show-stip.pdf: a file has the name of a folder on its path',
  );
  await expect(page.getByTestId('rating-mark')).toHaveCount(rated);
  await snap(page, 'backup-documents-not-back');
  expect(await cliPhotos(host.catalog)).toEqual(before);
});

test('a backup shows how far it is, and Cancel stops it with nothing left behind', async ({
  page,
}) => {
  // A catalog grown large (512 MB: years of photos, stood in for by a table of its own), so
  // that its backup takes long enough to watch.
  const big = await startKadarHost({ index: [samplePhotos] });
  try {
    await big.stop({ keep: true });
    const db = new Database(big.catalog);
    db.exec(`CREATE TABLE ballast (bytes BLOB)`);
    const add = db.prepare(`INSERT INTO ballast VALUES (?)`);
    const megabyte = Buffer.alloc(2 ** 20, 7);
    db.transaction(() => {
      for (let i = 0; i < 512; i++) add.run(megabyte);
    })();
    db.close();
    // Whatever backups there are (one Kadar made as it closed, before the catalog grew), a
    // cancelled one leaves as they were.
    const backups = join(big.dir, 'catalog-backups');
    const kept = () =>
      existsSync(backups)
        ? readdirSync(backups).map((name) => [name, statSync(join(backups, name)).mtimeMs])
        : [];
    const before = kept();
    const restarted = await startKadarHost({ dir: big.dir });
    try {
      await openKadar(page, restarted.url);
      await page.getByTestId('open-backups').click();
      const dialog = page.getByTestId('backups-dialog');
      await dialog.getByTestId('backup-now').click();
      const progress = dialog.getByTestId('backup-progress');
      // Watched in the page (each frame), not polled: the copy takes about a second.
      await dialog.locator('[data-testid="backup-progress"][data-phase="copying"]').waitFor();
      await expect(progress).toContainText(/Copying the catalog · [\d.]+ MB of 5\d\d\.\d MB/);
      await snap(page, 'backup-progress');
      await progress.getByTestId('backup-cancel').click();
      await expect(dialog.getByTestId('backups-message')).toContainText(
        'was cancelled; the backups made before are kept.',
      );
      await expect(progress).toBeHidden();
      // Said as what the person asked for, not as a failure; the backups are as they were.
      await expect(dialog.getByRole('alert')).toHaveCount(0);
      await expect(dialog.getByTestId('backup-row')).toHaveCount(before.length);
      expect(kept()).toEqual(before);
      await snap(page, 'backup-cancelled');
    } finally {
      await restarted.stop();
    }
  } finally {
    rmSync(big.dir, { recursive: true, force: true });
  }
});
