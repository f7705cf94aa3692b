import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/dispatch';
import { createKadarApi, type KadarApi } from '../../electron/api/kadar-api';
import { backupsDirFor } from '../../electron/catalog/default-paths';
import { dailyBackupName, localDay } from '../../electron/longevity/backup-rotation';
import type { BackupProgress } from '../../shared/api/domains/backups';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

const invitation = fileURLToPath(
  new URL('../../assets/sample/documents/invitation-fashion-show-stip.pdf', import.meta.url),
);

afterAll(removeTempDirs);

let api: KadarApi;
let catalogPath: string;
let second: string;
let heard: BackupProgress[];
const call = <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> =>
  callApi(api.handlers, method, input);
const today = () => dailyBackupName(localDay(new Date()));
/** Every file in `dir` (none when it is not there): a cancelled backup leaves none of its own. */
const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

/**
 * A catalog of about 24 MB (a table of its own stands in for years of photos), with an event and
 * a PDF attached as a copy, and a second folder: a backup of it takes several steps in each
 * phase, each step a chance to stop.
 */
beforeEach(async () => {
  const folder = tempDir();
  catalogPath = join(folder, 'catalog.sqlite');
  second = join(folder, 'usb-drive');
  mkdirSync(second);
  api = createKadarApi({ catalogPath });
  const event = await call('events.create', { title: 'Modna revija Štip', startsOn: '2015-11-28' });
  await call('documents.attach', { owner: { eventId: event.id }, sources: [{ path: invitation }] });
  await call('backups.setSecondFolder', { folder: second });
  const db = new Database(catalogPath);
  db.exec(`CREATE TABLE ballast (bytes BLOB)`);
  for (let i = 0; i < 24; i++) db.prepare(`INSERT INTO ballast VALUES (randomblob(1000000))`).run();
  db.close();
  heard = [];
  api.onEvent((name, payload) => {
    if (name === 'backups.progress') heard.push(payload as BackupProgress);
  });
});
afterEach(() => api.close({ finalBackup: false }));

/**
 * Calls `backups.cancel` when the first report of `phase` arrives (a window's Cancel); the
 * answer it got, for the test to check once the backup has answered.
 */
function cancelAt(phase: BackupProgress['phase']): Promise<{ cancelled: boolean }> {
  return new Promise((resolve, reject) => {
    const off = api.onEvent((name, payload) => {
      if (name === 'backups.progress' && (payload as BackupProgress).phase === phase) {
        off();
        call('backups.cancel', {}).then(resolve, reject);
      }
    });
  });
}

describe('a backup under way', () => {
  it('reports each step in turn: bytes copied, the check, the second folder, the documents', async () => {
    const made = await call('backups.create', {});
    const phases = heard.map((p) => p.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(['copying', 'checking', 'second-folder', 'checking', 'documents']);
    const copying = heard.filter((p) => p.phase === 'copying');
    // From nothing (reports come at most ten times a second), never going back, to the whole
    // catalog.
    expect(copying[0]!.done).toBe(0);
    for (let i = 1; i < copying.length; i++)
      expect(copying[i]!.done).toBeGreaterThanOrEqual(copying[i - 1]!.done);
    const last = copying.at(-1)!;
    expect(last.done).toBe(last.total);
    expect(last.total).toBeGreaterThan(24e6);
    expect(heard.some((p) => p.phase === 'copying' && p.rate > 0)).toBe(true);
    const toSecond = heard.filter((p) => p.phase === 'second-folder').at(-1)!;
    expect(toSecond).toMatchObject({ done: made.bytes, total: made.bytes });
    expect(heard.filter((p) => p.phase === 'documents').at(-1)).toMatchObject({
      done: 1,
      total: 1,
    });
    expect(made.copy).toBe(join(second, today()));
  });

  it('cancelled while copying, leaves nothing under a backup’s name, nor a failure to show', async () => {
    const asked = cancelAt('copying');
    await expect(call('backups.create', {})).rejects.toMatchObject({
      code: 'CANCELLED',
      message: expect.stringContaining('was cancelled') as string,
    });
    expect(await asked).toEqual({ cancelled: true });
    expect(heard.some((p) => p.phase === 'checking')).toBe(false);
    expect(filesIn(backupsDirFor(catalogPath))).toEqual([]);
    expect(filesIn(second)).toEqual([]);
    expect((await call('backups.list', {})).lastError).toBeNull();
    // Nothing is left held: the next backup goes through.
    const made = await call('backups.create', {});
    expect(statSync(made.path).size).toBe(made.bytes);
  });

  it('cancelled while checking, keeps no backup that was not checked', async () => {
    const asked = cancelAt('checking');
    await expect(call('backups.create', {})).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await asked).toEqual({ cancelled: true });
    expect(filesIn(backupsDirFor(catalogPath))).toEqual([]);
  });

  it('cancelled on the way to the second folder, keeps today’s backup and no part of the copy', async () => {
    const asked = cancelAt('second-folder');
    await expect(call('backups.create', {})).rejects.toMatchObject({
      code: 'CANCELLED',
      message: expect.stringContaining(
        `Today's backup is made, but its copy in ${second}`,
      ) as string,
    });
    expect(await asked).toEqual({ cancelled: true });
    expect(filesIn(backupsDirFor(catalogPath))).toEqual([today()]);
    expect(filesIn(second)).toEqual([]);
  });

  it('cancelled while copying the documents, keeps both backups and says what was not done', async () => {
    const asked = cancelAt('documents');
    await expect(call('backups.create', {})).rejects.toMatchObject({
      code: 'CANCELLED',
      message: `Today's backup is made and copied to ${second}, but copying the attached documents there was cancelled; the backups made before are kept.`,
    });
    expect(await asked).toEqual({ cancelled: true });
    expect(filesIn(backupsDirFor(catalogPath))).toEqual([today()]);
    expect(filesIn(second)).toEqual([today()]);
  });

  it('cancelled, leaves a failure from before said until a backup goes through', async () => {
    const db = new Database(catalogPath);
    db.prepare(
      `INSERT INTO settings (key, value) VALUES ('backups.lastError', 'the drive is full')`,
    ).run();
    db.close();
    const asked = cancelAt('copying');
    await expect(call('backups.create', {})).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await asked).toEqual({ cancelled: true });
    expect((await call('backups.list', {})).lastError).toBe('the drive is full');
    await call('backups.create', {});
    expect((await call('backups.list', {})).lastError).toBeNull();
  });

  it('to a file of one’s choosing, is cancelled the same way', async () => {
    const out = join(tempDir(), 'before-the-big-edit.sqlite');
    const asked = cancelAt('copying');
    await expect(call('backups.create', { out })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await asked).toEqual({ cancelled: true });
    expect(filesIn(join(out, '..'))).toEqual([]);
  });

  it('answers that nothing was cancelled when no backup is under way', async () => {
    expect(await call('backups.cancel', {})).toEqual({ cancelled: false });
  });
});
