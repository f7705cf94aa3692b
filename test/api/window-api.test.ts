import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { callApi, callThrough } from '../../electron/api/dispatch';
import { createKadarApi } from '../../electron/api/kadar-api';
import { createWindowApi } from '../../electron/api/window-api';
import { backupsDirFor } from '../../electron/catalog/default-paths';
import { partialName, verifyBackup } from '../../electron/longevity/catalog-backup';
import {
  failedRestoreFile,
  pendingRestoreFile,
  restoreCatalog,
} from '../../electron/longevity/restore-catalog';
import type { EventName, MethodInput, MethodName } from '../../shared/api/contract';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

afterAll(() => removeTempDirs());

/** A window's API over a fresh catalog, recording every event it forwards. */
function windowOver(catalogPath: string) {
  // The daily backup's first run is far off: only the one at closing may happen here.
  const api = createWindowApi({ catalogPath, autoBackup: { firstDelayMs: 3_600_000 } });
  const heard: [EventName, unknown][] = [];
  api.onEvent((event, payload) => heard.push([event, payload]));
  const call = <M extends MethodName>(method: M, input: MethodInput<M>) =>
    callThrough(api.call, method, input);
  const reopened = () =>
    heard.filter(([event]) => event === 'catalog.reopened').map(([, payload]) => payload);
  return { api, heard, call, reopened };
}

/**
 * A window over a fresh catalog with a backup made of it (`before.sqlite`), then a gallery
 * named `after` made after the backup, when given.
 */
async function windowWithBackup(after?: string) {
  const folder = tempDir();
  const catalogPath = join(folder, 'catalog.sqlite');
  const window = windowOver(catalogPath);
  const backup = join(folder, 'before.sqlite');
  await window.call('backups.create', { out: backup });
  if (after) await window.call('galleries.create', { name: after });
  return { ...window, folder, catalogPath, backup };
}

/** The same without a window: the catalog closed, as before Kadar starts. */
async function closedWithBackup(after: string) {
  const folder = tempDir();
  const catalogPath = join(folder, 'catalog.sqlite');
  const app = createKadarApi({ catalogPath });
  const backup = join(folder, 'before.sqlite');
  await callApi(app.handlers, 'backups.create', { out: backup });
  await callApi(app.handlers, 'galleries.create', { name: after });
  return { app, folder, catalogPath, backup };
}

const todaysBackups = (catalogPath: string) =>
  existsSync(backupsDirFor(catalogPath)) ? readdirSync(backupsDirFor(catalogPath)) : [];

describe('a restore asked for from a window', () => {
  it('takes one restore at a time', async () => {
    const { api, call, folder, backup } = await windowWithBackup();
    const [first, second] = await Promise.all([
      api.call('backups.restore', { path: backup }),
      api.call('backups.restore', { path: backup }),
    ]);
    expect(first).toEqual({
      ok: true,
      value: { when: 'now', documentsNotCopied: 0, documentFailures: [] },
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'ALREADY_RUNNING' } });
    await call('galleries.list', {});
    expect(readdirSync(folder).filter((n) => n.includes('before-restore'))).toHaveLength(1);
    // Closing twice at once (a reopening meeting the app's quitting) closes once.
    await Promise.all([api.close(), api.close()]);
  });

  it('closes the catalog and opens the backup at once; calls made meanwhile get the backup', async () => {
    const { api, heard, call, reopened, folder, catalogPath, backup } =
      await windowWithBackup('After the backup');

    expect(await call('backups.restore', { path: backup })).toEqual({
      when: 'now',
      documentsNotCopied: 0,
      documentFailures: [],
    });
    // Asked before the catalog has been opened again: it waits for it, and sees the backup.
    expect(await call('galleries.list', {})).toEqual([]);
    expect(reopened()).toEqual([
      {
        closed: true,
        error: null,
        keptAside: expect.stringMatching(/catalog\.sqlite\.before-restore-/) as string,
      },
    ]);
    const { keptAside } = reopened()[0] as { keptAside: string };
    expect(verifyBackup(keptAside).galleries).toBe(1);
    expect(readdirSync(folder).filter((n) => n.includes('restore-pending'))).toEqual([]);
    // Closing to be replaced made no backup: it would have overwritten today's with the state
    // being left.
    expect(todaysBackups(catalogPath)).toEqual([]);

    // Listeners registered before hear the new catalog's events.
    const before = heard.length;
    await call('galleries.create', { name: 'After the restore' });
    expect(heard.slice(before).map(([event]) => event)).toContain('catalog.changed');
    expect((await call('galleries.list', {})).map((g) => g.name)).toEqual(['After the restore']);

    // Closing the window's API is quitting: that makes today's backup, of the new catalog.
    await api.close();
    const [made] = todaysBackups(catalogPath);
    expect(made).toMatch(/^kadar-\d{4}-\d{2}-\d{2}\.sqlite$/);
    expect(verifyBackup(join(backupsDirFor(catalogPath), made!)).galleries).toBe(1);
  });

  it('changes nothing when the copy to restore was damaged since, and sets it aside', async () => {
    const { api, call, reopened, catalogPath, backup } = await windowWithBackup('Kept');
    const open = api.current;

    expect(await call('backups.restore', { path: backup })).toEqual({
      when: 'now',
      documentsNotCopied: 0,
      documentFailures: [],
    });
    // The copy waiting to be restored is damaged before the catalog closes (a disk error).
    writeFileSync(pendingRestoreFile(catalogPath), 'not a catalog '.repeat(500));
    expect((await call('galleries.list', {})).map((g) => g.name)).toEqual(['Kept']);
    expect(reopened()).toEqual([
      {
        // Refused before the catalog was closed: the windows keep what they show.
        closed: false,
        error: expect.stringMatching(
          /^The backup asked for was not restored, and the catalog is as it was: .*restore-pending is not a sound Kadar catalog backup.* It is kept as .*catalog\.sqlite\.restore-failed\.$/,
        ) as string,
        keptAside: null,
      },
    ]);
    // Not even closed: whatever ran goes on.
    expect(api.current).toBe(open);
    // Kept for a person to look at; not tried again at every start.
    expect(existsSync(failedRestoreFile(catalogPath))).toBe(true);
    expect(existsSync(pendingRestoreFile(catalogPath))).toBe(false);
    // The catalog that went on can be restored afterwards, as if nothing had been asked.
    expect(await call('backups.restore', { path: backup })).toEqual({
      when: 'now',
      documentsNotCopied: 0,
      documentFailures: [],
    });
    expect(await call('galleries.list', {})).toEqual([]);
    expect(reopened()[1]).toMatchObject({ closed: true, error: null });
    await api.close();
  });

  it('brings the catalog back when the backup checks out but will not open', async () => {
    const { api, call, reopened, folder, catalogPath, backup } =
      await windowWithBackup('Made after the backup');
    expect(await call('backups.restore', { path: backup })).toEqual({
      when: 'now',
      documentsNotCopied: 0,
      documentFailures: [],
    });
    // The copy waiting is replaced by one that checks out but cannot be opened: it claims to
    // be at schema 14 and lacks a trigger migration 15 replaces, so its migration fails.
    const pending = pendingRestoreFile(catalogPath);
    copyFileSync(backup, pending);
    const db = new Database(pending);
    db.exec('DROP TRIGGER sidecar_tag_path_update');
    db.pragma('user_version = 14');
    db.close();

    expect((await call('galleries.list', {})).map((g) => g.name)).toEqual([
      'Made after the backup',
    ]);
    expect(reopened()).toEqual([
      {
        // Closed and opened again: what the windows show belongs to the catalog closed.
        closed: true,
        error: expect.stringMatching(
          /^The backup asked for was not restored, and the catalog is as it was: The backup would not open \(.*no such trigger.*\); the catalog it replaced is back, and the backup is kept as .*catalog\.sqlite\.restore-failed\.$/,
        ) as string,
        keptAside: null,
      },
    ]);
    expect(readdirSync(folder).filter((n) => n.includes('before-restore'))).toEqual([]);
    expect(existsSync(failedRestoreFile(catalogPath))).toBe(true);
    // Said once, by the event: not kept as a failed backup for every window to say again.
    expect((await call('backups.list', {})).lastError).toBeNull();
    await api.close();
  });

  it('quits as asked when Kadar closes before the reopening: the restore waits for the next start', async () => {
    const { api, call, reopened, catalogPath, backup } =
      await windowWithBackup('Made after the backup');
    expect(await call('backups.restore', { path: backup })).toEqual({
      when: 'now',
      documentsNotCopied: 0,
      documentFailures: [],
    });
    await api.close();
    expect(reopened()).toEqual([]);
    // Closed as when quitting: today's backup made, of the catalog as it was.
    const [made] = todaysBackups(catalogPath);
    expect(verifyBackup(join(backupsDirFor(catalogPath), made!)).galleries).toBe(1);
    expect(existsSync(pendingRestoreFile(catalogPath))).toBe(true);
    const again = windowOver(catalogPath);
    expect(await again.call('galleries.list', {})).toEqual([]);
    await again.api.close();
  });
});

describe('a restore waiting when Kadar starts', () => {
  it('is refused while another program has the catalog open, even doing nothing, and waits', async () => {
    const { app, catalogPath, backup } = await closedWithBackup('Kept');
    await app.close();
    copyFileSync(backup, pendingRestoreFile(catalogPath));
    // A second window's host or a command, connected and idle: renaming the catalog under it
    // would leave it writing into the file moved aside.
    const idle = new Database(catalogPath);
    try {
      idle.pragma('journal_mode = WAL');
      const next = createKadarApi({ catalogPath, applyPendingRestore: true });
      expect((await callApi(next.handlers, 'galleries.list', {})).map((g) => g.name)).toEqual([
        'Kept',
      ]);
      expect((await callApi(next.handlers, 'backups.list', {})).lastError).toMatch(
        /Another program is using the catalog .*nothing was changed/,
      );
      expect(existsSync(pendingRestoreFile(catalogPath))).toBe(true);
      await next.close();
    } finally {
      idle.close();
    }
  });

  it('carries out a waiting restore when the catalog itself is gone', async () => {
    const folder = tempDir();
    const catalogPath = join(folder, 'catalog.sqlite');
    const app = createKadarApi({ catalogPath });
    const backup = join(folder, 'before.sqlite');
    await callApi(app.handlers, 'galleries.create', { name: 'In the backup' });
    await callApi(app.handlers, 'backups.create', { out: backup });
    await callApi(app.handlers, 'galleries.create', { name: 'Only in the catalog' });
    await app.close();

    // The catalog was moved away (by hand) while a restore waited.
    copyFileSync(backup, pendingRestoreFile(catalogPath));
    renameSync(catalogPath, `${catalogPath}.before-restore-earlier`);
    const next = createKadarApi({ catalogPath, applyPendingRestore: true });
    expect((await callApi(next.handlers, 'galleries.list', {})).map((g) => g.name)).toEqual([
      'In the backup',
    ]);
    await next.close();
  });

  it('opens the catalog as it was when the copy was damaged since, and says so like a failed backup', async () => {
    const folder = tempDir();
    const catalogPath = join(folder, 'catalog.sqlite');
    const app = createKadarApi({ catalogPath });
    await callApi(app.handlers, 'galleries.create', { name: 'Kept' });
    await app.close();
    writeFileSync(pendingRestoreFile(catalogPath), 'not a catalog '.repeat(500));
    const next = createKadarApi({ catalogPath, applyPendingRestore: true });
    expect((await callApi(next.handlers, 'galleries.list', {})).map((g) => g.name)).toEqual([
      'Kept',
    ]);
    expect((await callApi(next.handlers, 'backups.list', {})).lastError).toMatch(
      /^The backup asked for was not restored, and the catalog is as it was: .* It is kept as .*restore-failed\.$/,
    );
    expect(existsSync(pendingRestoreFile(catalogPath))).toBe(false);
    await next.close();
  });

  it('tries again at the next start when another program holds the catalog, changing nothing', async () => {
    const { app, folder, catalogPath, backup } = await closedWithBackup('Kept');
    // A `kadar` command beside it, in the middle of reading: the gallery is still only in the
    // write-ahead log, which cannot be folded into the catalog while the command reads.
    const reader = new Database(catalogPath, { readonly: true });
    reader.prepare('BEGIN').run();
    reader.prepare('SELECT count(*) FROM photos').get();
    await app.close();
    copyFileSync(backup, pendingRestoreFile(catalogPath));
    const next = createKadarApi({ catalogPath, applyPendingRestore: true });
    expect((await callApi(next.handlers, 'galleries.list', {})).map((g) => g.name)).toEqual([
      'Kept',
    ]);
    expect((await callApi(next.handlers, 'backups.list', {})).lastError).toMatch(
      /Another program is using the catalog .*nothing was changed.*Kadar tries again when it next opens the catalog\.$/,
    );
    expect(readdirSync(folder).filter((n) => n.includes('before-restore'))).toEqual([]);
    expect(existsSync(pendingRestoreFile(catalogPath))).toBe(true);
    await next.close();
    reader.prepare('COMMIT').run();
    reader.close();
    const after = createKadarApi({ catalogPath, applyPendingRestore: true });
    expect(await callApi(after.handlers, 'galleries.list', {})).toEqual([]);
    await after.close();
  });
});

describe('restoreCatalog', () => {
  it('leaves the catalog where it was when the backup cannot be copied beside it', async () => {
    const { app, folder, catalogPath, backup } = await closedWithBackup('Still here');
    await app.close();
    // Something in the way of the copy the restore makes beside the catalog.
    mkdirSync(join(folder, partialName('catalog.sqlite.restoring')));
    expect(() => restoreCatalog(catalogPath, backup)).toThrow(
      expect.objectContaining({
        code: 'BACKUP_FAILED',
        message: expect.stringContaining('the catalog is unchanged') as string,
      }),
    );
    expect(readdirSync(folder).filter((n) => n.includes('before-restore'))).toEqual([]);
    expect(verifyBackup(catalogPath).galleries).toBe(1);
  });
});
