import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { callApi, callThrough } from '../../electron/api/dispatch';
import { createKadarApi } from '../../electron/api/kadar-api';
import { createWindowApi } from '../../electron/api/window-api';
import { backupsDirFor } from '../../electron/catalog/default-paths';
import { verifyBackup } from '../../electron/longevity/catalog-backup';
import { pendingRestoreFile, restoreCatalog } from '../../electron/longevity/restore-catalog';
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

const todaysBackups = (catalogPath: string) =>
  existsSync(backupsDirFor(catalogPath)) ? readdirSync(backupsDirFor(catalogPath)) : [];

describe('a restore asked for from a window', () => {
  it('closes the catalog and opens the backup at once; calls made meanwhile get the backup', async () => {
    const folder = tempDir();
    const catalogPath = join(folder, 'catalog.sqlite');
    const { api, heard, call, reopened } = windowOver(catalogPath);
    const backup = join(folder, 'before.sqlite');
    await call('backups.create', { out: backup });
    await call('galleries.create', { name: 'After the backup' });

    expect(await call('backups.restore', { path: backup })).toEqual({ when: 'now' });
    // Asked before the catalog has been opened again: it waits for it, and sees the backup.
    expect(await call('galleries.list', {})).toEqual([]);
    expect(reopened()).toEqual([
      {
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

  it('keeps the catalog as it was when the copy to restore is damaged, and says so', async () => {
    const folder = tempDir();
    const catalogPath = join(folder, 'catalog.sqlite');
    const { api, call, reopened } = windowOver(catalogPath);
    const backup = join(folder, 'before.sqlite');
    await call('backups.create', { out: backup });
    await call('galleries.create', { name: 'Kept' });

    expect(await call('backups.restore', { path: backup })).toEqual({ when: 'now' });
    // The copy waiting to be restored is damaged before the catalog closes (a disk error).
    writeFileSync(pendingRestoreFile(catalogPath), 'not a catalog '.repeat(500));
    expect((await call('galleries.list', {})).map((g) => g.name)).toEqual(['Kept']);
    expect(reopened()).toEqual([
      {
        error: expect.stringMatching(
          /^The backup was not restored, and the catalog is as it was: .*restore-pending/,
        ) as string,
        keptAside: null,
      },
    ]);
    // Kept for a person to look at; not tried again at every start.
    expect(existsSync(`${catalogPath}.restore-failed`)).toBe(true);
    expect(existsSync(pendingRestoreFile(catalogPath))).toBe(false);
    // The window says it like a failed backup until one goes through.
    expect((await call('backups.list', {})).lastError).toMatch(/^The backup asked for was not/);
    await api.close();
  });

  it('answers every call with why, when the catalog cannot be opened again', async () => {
    const folder = tempDir();
    const catalogPath = join(folder, 'catalog.sqlite');
    const { api, call, reopened } = windowOver(catalogPath);
    const backup = join(folder, 'before.sqlite');
    await call('backups.create', { out: backup });
    expect(await call('backups.restore', { path: backup })).toEqual({ when: 'now' });
    // The copy waiting is replaced by one that checks out but cannot be opened: it claims to
    // be at schema 0, so opening it would create tables it already has.
    const pending = pendingRestoreFile(catalogPath);
    copyFileSync(backup, pending);
    const db = new Database(pending);
    db.pragma('user_version = 0');
    db.close();

    const result = await api.call('galleries.list', {});
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/already exists/) as string },
    });
    expect(reopened()).toEqual([
      {
        error: expect.stringMatching(
          /^The catalog could not be opened again \(.*already exists.*\)\. Close Kadar and open it again\.$/,
        ) as string,
        keptAside: null,
      },
    ]);
    // Closing still works, and nothing was lost: the catalog replaced is kept aside.
    await api.close();
    expect(readdirSync(folder).filter((n) => n.includes('before-restore'))).toHaveLength(1);
  });
});

describe('restoreCatalog', () => {
  it('leaves the catalog where it was when the backup cannot be copied beside it', async () => {
    const folder = tempDir();
    const catalogPath = join(folder, 'catalog.sqlite');
    const app = createKadarApi({ catalogPath });
    const backup = join(folder, 'before.sqlite');
    await callApi(app.handlers, 'backups.create', { out: backup });
    await callApi(app.handlers, 'galleries.create', { name: 'Still here' });
    await app.close();
    mkdirSync(join(folder, '.catalog.sqlite.restoring'));
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
