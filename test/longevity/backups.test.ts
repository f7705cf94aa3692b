import {
  closeSync,
  cpSync,
  existsSync,
  openSync,
  writeSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callApi } from '../../electron/api/dispatch';
import { createKadarApi, type KadarApi } from '../../electron/api/kadar-api';
import { backupsDirFor, documentsDirFor } from '../../electron/catalog/default-paths';
import { loadMigrations, migrate } from '../../electron/catalog/migrate';
import { atomicTmpName } from '../../electron/longevity/atomic-file';
import { backupsToRemove, dailyBackup, localDay } from '../../electron/longevity/backup-rotation';
import { countRows, verifyBackup } from '../../electron/longevity/catalog-backup';
import { requestRestore, restoreCatalog } from '../../electron/longevity/restore-catalog';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { exiftoolRead } from '../helpers/exiftool';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

const sample = fileURLToPath(new URL('../../assets/sample/photos/', import.meta.url));
const agenda = fileURLToPath(
  new URL('../../assets/sample/documents/agenda-cluster-training-nis.pdf', import.meta.url),
);
const invitation = fileURLToPath(
  new URL('../../assets/sample/documents/invitation-fashion-show-stip.pdf', import.meta.url),
);
let api: KadarApi;
let dir: string;
let catalogPath: string;

const call = <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> =>
  callApi(api.handlers, method, input);
const open = () => (api = createKadarApi({ catalogPath, threads: 2 }));

beforeAll(async () => {
  dir = tempDir();
  catalogPath = join(dir, 'catalog.sqlite');
  cpSync(sample, join(dir, 'library'), { recursive: true });
  open();
  await call('roots.add', { path: join(dir, 'library') });
  await call('index.start', {});
  await api.indexing.idle();
}, 60_000);
afterAll(async () => {
  await api.close();
  removeTempDirs();
});

describe('rotation', () => {
  it('keeps the 7 newest days and the newest of each of the 4 weeks before them', () => {
    // 2026-11-01 … 2026-11-30, one backup a day.
    const days = Array.from(
      { length: 30 },
      (_, i) => `kadar-2026-11-${String(i + 1).padStart(2, '0')}.sqlite`,
    );
    const removed = new Set(backupsToRemove([...days, 'notes.txt']));
    const kept = days.filter((d) => !removed.has(d)).map((d) => d.slice(6, 16));
    // 24–30 November, then the newest of each of the four weeks (Monday to Sunday) before the
    // week of the 24th: the 23rd is in that week, and does not take one of the four places.
    expect(kept).toEqual([
      '2026-11-01',
      '2026-11-08',
      '2026-11-15',
      '2026-11-22',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
    ]);
  });
});

describe('backups', () => {
  it("writes today's verified backup beside the catalog, and a copy on a second drive", async () => {
    const second = join(dir, 'usb');
    mkdirSync(second);
    await expect(call('backups.setSecondFolder', { folder: 'relative' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('folder: relative is not a full path') as string,
    });
    await expect(
      call('backups.setSecondFolder', { folder: join(dir, 'not-there') }),
    ).rejects.toMatchObject({ code: 'FOLDER_NOT_FOUND' });
    // The backups' own folder would list each backup twice, and save nothing from a lost drive.
    mkdirSync(backupsDirFor(catalogPath), { recursive: true });
    await expect(
      call('backups.setSecondFolder', { folder: `${backupsDirFor(catalogPath)}/.` }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: /where the backups are kept/ });
    await call('backups.setSecondFolder', { folder: second });
    const result = await call('backups.create', {});
    expect(result.path.startsWith(backupsDirFor(catalogPath))).toBe(true);
    expect(result.counts).toEqual(countRows(api.db));
    expect(result.counts.photos).toBe(10);
    expect(verifyBackup(result.path, result.counts)).toEqual(result.counts);
    expect(result.copy).toBe(join(second, result.path.split('/').at(-1)!));
    expect(verifyBackup(result.copy!)).toEqual(result.counts);
    // Both are listed, to restore from either: the copy is the one left when the first drive
    // fails.
    const listed = async () =>
      (await call('backups.list', {})).backups.map((b) => ({ path: b.path, where: b.where }));
    expect(await listed()).toEqual([
      { path: result.path, where: 'beside' },
      { path: result.copy, where: 'second' },
    ]);
    // The second drive not connected: its copies are not listed, and listing does not fail.
    renameSync(second, `${second}-unplugged`);
    expect(await listed()).toEqual([{ path: result.path, where: 'beside' }]);
    renameSync(`${second}-unplugged`, second);
    expect(readdirSync(backupsDirFor(catalogPath))).toEqual([result.path.split('/').at(-1)]);
  });

  it('rotates over the days, removing the oldest only after the new one is verified', async () => {
    for (let d = 1; d <= 12; d++)
      await dailyBackup(api.db, catalogPath, { now: new Date(2026, 9, d, 12) });
    const names = readdirSync(backupsDirFor(catalogPath)).sort();
    // With today's backup from the test before: the 7 newest are today's and 12–7 October;
    // then the 4th, the newest of the week before the 7th's (the 5th and 6th are in the 7th's).
    expect(names).toEqual([
      'kadar-2026-10-04.sqlite',
      ...[7, 8, 9, 10, 11, 12].map((d) => `kadar-2026-10-${String(d).padStart(2, '0')}.sqlite`),
      `kadar-${localDay(new Date())}.sqlite`,
    ]);
  });

  it('rotates the copies in the second folder as it rotates its own', async () => {
    const second = join(tempDir(), 'usb');
    mkdirSync(second);
    for (let d = 1; d <= 12; d++)
      await dailyBackup(api.db, catalogPath, { now: new Date(2025, 9, d, 12), secondDir: second });
    const copies = readdirSync(second).sort();
    const made = Array.from(
      { length: 12 },
      (_, i) => `kadar-2025-10-${String(i + 1).padStart(2, '0')}.sqlite`,
    );
    const removed = new Set(backupsToRemove(made));
    expect(removed.size).toBeGreaterThan(0);
    expect(copies).toEqual(made.filter((n) => !removed.has(n)));
    for (const name of copies) expect(verifyBackup(join(second, name)).photos).toBe(10);
  });

  it("clears what a killed backup or copy left, in both folders, but not a live one's", async () => {
    const second = join(tempDir(), 'usb');
    mkdirSync(second);
    const exited = spawnSync(process.execPath, ['-e', '0']).pid;
    const folder = backupsDirFor(catalogPath);
    const dead = atomicTmpName('kadar-2026-01-01.sqlite.partial', exited);
    const live = atomicTmpName('kadar-2026-01-02.sqlite.partial');
    for (const where of [folder, second]) {
      for (const name of [dead, `${dead}-journal`, live]) writeFileSync(join(where, name), 'half');
    }
    await dailyBackup(api.db, catalogPath, { secondDir: second });
    for (const where of [folder, second]) {
      const names = readdirSync(where);
      expect(names, where).not.toContain(dead);
      expect(names, where).not.toContain(`${dead}-journal`);
      // Another backup under way in this process (a command's, beside the app's) is its own.
      expect(names, where).toContain(live);
      rmSync(join(where, live));
    }
  });

  it('refuses a damaged backup, naming what is wrong', () => {
    const bad = join(dir, 'bad.sqlite');
    writeFileSync(bad, 'not a database at all'.repeat(100));
    expect(() => verifyBackup(bad)).toThrow(
      expect.objectContaining({
        code: 'BACKUP_FAILED',
        message: expect.stringContaining(bad) as string,
      }),
    );
  });

  it("refuses a backup whose pages are damaged, or whose rows are not the catalog's", async () => {
    const good = join(dir, 'good.sqlite');
    const made = await call('backups.create', { out: good });
    expect(() => verifyBackup(good, { ...made.counts, photos: made.counts.photos! + 1 })).toThrow(
      expect.objectContaining({
        code: 'BACKUP_FAILED',
        message: expect.stringMatching(/photos has 10 rows, the catalog 11/) as string,
      }),
    );
    // A real SQLite file with pages overwritten in the middle (a failing disk).
    const damaged = join(dir, 'damaged.sqlite');
    cpSync(good, damaged);
    const fd = openSync(damaged, 'r+');
    const size = statSync(damaged).size;
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    expect(() => verifyBackup(damaged)).toThrow(
      expect.objectContaining({
        code: 'BACKUP_FAILED',
        message: expect.stringContaining(
          `${damaged} is not a sound Kadar catalog backup`,
        ) as string,
      }),
    );
  });

  it("checks an earlier Kadar's backup, which lacks tables added since, by the tables it has", () => {
    const older = join(dir, 'older.sqlite');
    const db = new Database(older);
    migrate(db, loadMigrations().slice(0, 12));
    db.close();
    const counts = verifyBackup(older);
    expect(counts).toMatchObject({ photos: 0, deleted_uids: 0 });
    expect(counts).not.toHaveProperty('event_merges');
    // Against a catalog that has the table, the backup misses it.
    expect(() => verifyBackup(older, { ...counts, event_merges: 0 })).toThrow(
      /it has no event_merges table, which the catalog has/,
    );
  });

  it('writes an export or a backup over nothing but a file of its own kind', async () => {
    const photo = readdirSync(join(dir, 'library'), { recursive: true })
      .map(String)
      .find((n) => /\.jpe?g$/i.test(n))!;
    const photoPath = join(dir, 'library', photo);
    const bytes = readFileSync(photoPath);
    await expect(call('archive.export', { path: photoPath })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `path: ${photoPath} is already there and is not a Kadar archive file; Kadar replaces only its own. Give another name.`,
    });
    await expect(call('backups.create', { out: photoPath })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `out: ${photoPath} is already there and is not a Kadar backup; Kadar replaces only its own. Give another name.`,
    });
    expect(readFileSync(photoPath).equals(bytes)).toBe(true);
    for (const journal of [`${catalogPath}-wal`, `${catalogPath}-shm`])
      await expect(call('backups.create', { out: journal })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: 'out: that is the catalog itself.',
      });
    await expect(call('archive.export', { path: dir })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `path: ${dir} is a folder; give a file name.`,
    });

    // Its own kind is replaced, as a second export or backup under one name expects.
    const archive = join(tempDir(), 'archive.json');
    const backup = join(dirname(archive), 'backup.sqlite');
    for (let i = 0; i < 2; i++) {
      await call('archive.export', { path: archive });
      await call('backups.create', { out: backup });
    }
    expect(verifyBackup(backup).photos).toBe(10);
    // …but not a catalog in use (another library's, in WAL mode), nor one of the other kind.
    const live = join(dirname(archive), 'other-library.sqlite');
    cpSync(backup, live);
    const other = new Database(live);
    other.pragma('journal_mode = WAL');
    other.close();
    await expect(call('backups.create', { out: live })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('is not a Kadar backup') as string,
    });
    await expect(call('archive.export', { path: backup })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(call('backups.create', { out: archive })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it("refuses another program's SQLite file, even one with a settings table", () => {
    const foreign = join(dir, 'foreign.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)');
    db.close();
    expect(() => verifyBackup(foreign)).toThrow(
      expect.objectContaining({
        code: 'BACKUP_FAILED',
        message: `${foreign} is not a sound Kadar catalog backup: it is not a Kadar catalog (it has no Kadar schema).`,
      }),
    );
    const target = join(tempDir(), 'catalog.sqlite');
    expect(() => restoreCatalog(target, foreign)).toThrow(/it is not a Kadar catalog/);
    expect(existsSync(target)).toBe(false);
  });

  it("restores what a backup's write-ahead log holds, and clears copies a killed restore left", async () => {
    // A copy of a catalog taken with its log (a folder synced while Kadar ran): the last
    // setting is only in the -wal file.
    const from = join(tempDir(), 'copied.sqlite');
    await call('backups.create', { out: from });
    const writer = new Database(from);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer
      .prepare(`INSERT INTO settings (key, value) VALUES ('test.only-in-the-log', 'yes')`)
      .run();
    const settings = writer.prepare('SELECT count(*) FROM settings').pluck().get() as number;
    // Left as a killed process leaves it: the log not folded in.
    cpSync(from, `${from}.copy`);
    cpSync(`${from}-wal`, `${from}.copy-wal`);
    writer.close();
    rmSync(from);
    renameSync(`${from}.copy`, from);
    renameSync(`${from}.copy-wal`, `${from}-wal`);

    const folder = tempDir();
    const target = join(folder, 'catalog.sqlite');
    // What a restore killed while it copied left, with the journal of its last write.
    const exited = spawnSync(process.execPath, ['-e', '0']).pid;
    const dead = atomicTmpName('catalog.sqlite.restoring.partial', exited);
    writeFileSync(join(folder, dead), 'half a copy');
    writeFileSync(join(folder, `${dead}-journal`), 'a journal of another copy');
    const result = restoreCatalog(target, from);
    expect(result.counts.settings).toBe(settings);
    const restored = new Database(target, { readonly: true });
    expect(
      restored
        .prepare(`SELECT value FROM settings WHERE key = 'test.only-in-the-log'`)
        .pluck()
        .get(),
    ).toBe('yes');
    restored.close();
    expect(readdirSync(folder).sort()).toEqual(['catalog.sqlite']);
  });

  it('refuses a backup written by a newer Kadar, which this one could not open', async () => {
    const newer = join(dir, 'newer.sqlite');
    await call('backups.create', { out: newer });
    const db = new Database(newer);
    db.pragma('user_version = 999');
    db.close();
    expect(() => verifyBackup(newer)).toThrow(
      expect.objectContaining({
        code: 'BACKUP_FAILED',
        message: expect.stringMatching(
          /written by a newer Kadar \(schema 999; this version knows \d+\)/,
        ) as string,
      }),
    );
  });

  it('restores the catalog as it was before a batch edit, keeping the replaced one aside', async () => {
    const before = await call('photos.get', { ids: Array.from({ length: 10 }, (_, i) => i + 1) });
    const backup = join(dir, 'before-edit.sqlite');
    await call('backups.create', { out: backup });
    const all = before.map((p) => p.id);
    await call('tags.add', { photoIds: all, paths: ['Batch/Edit'] });
    await call('photos.edit', { ids: all, set: { rating: 5 } });
    await api.close();

    const result = restoreCatalog(catalogPath, backup);
    expect(result.keptAside).toMatch(/catalog\.sqlite\.before-restore-/);
    expect(existsSync(result.keptAside!)).toBe(true);
    expect(verifyBackup(result.keptAside!).photo_tags).toBeGreaterThan(
      verifyBackup(backup).photo_tags!,
    );

    open();
    expect(await call('photos.get', { ids: all })).toEqual(before);
    expect((await call('tags.list', {})).map((t) => t.path)).not.toContain('Batch/Edit');
  });
});

/** A catalog with something in it: an empty one is not backed up by itself. */
async function catalogWithGallery(path: string): Promise<void> {
  const app = createKadarApi({ catalogPath: path });
  await callApi(app.handlers, 'galleries.create', { name: 'Kept' });
  await app.close();
}

describe('automatic backups (the app)', () => {
  it('makes today’s backup soon after opening, and another when closing', async () => {
    const path = join(tempDir(), 'auto.sqlite');
    await catalogWithGallery(path);
    const auto = createKadarApi({ catalogPath: path, autoBackup: { firstDelayMs: 10 } });
    const list = () => callApi(auto.handlers, 'backups.list', {});
    const deadline = Date.now() + 10_000;
    while ((await list()).backups.length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const [first] = (await list()).backups;
    expect(first).toMatchObject({ day: localDay(new Date()) });
    expect((await list()).lastError).toBeNull();
    const made = statSync(first!.path).mtimeMs;
    await callApi(auto.handlers, 'galleries.create', { name: 'Made before closing' });
    await auto.close();
    // At close: today's backup again, now holding the gallery.
    expect(statSync(first!.path).mtimeMs).toBeGreaterThan(made);
    expect(verifyBackup(first!.path).galleries).toBe(2);
  });

  it('makes none of a catalog with nothing in it, which would replace today’s on the second drive', async () => {
    const folder = tempDir();
    const path = join(folder, 'new.sqlite');
    const second = join(folder, 'usb');
    mkdirSync(second);
    // Today's good backup on the second drive, from the catalog that was lost.
    const lost = join(folder, 'lost.sqlite');
    await catalogWithGallery(lost);
    const old = createKadarApi({ catalogPath: lost });
    const good = await dailyBackup(old.db, lost, { secondDir: second });
    await old.close();

    const fresh = createKadarApi({ catalogPath: path, autoBackup: { firstDelayMs: 10 } });
    await callApi(fresh.handlers, 'backups.setSecondFolder', { folder: second });
    await new Promise((r) => setTimeout(r, 300));
    await fresh.close();
    expect(existsSync(backupsDirFor(path))).toBe(false);
    expect(verifyBackup(good.copy!).galleries).toBe(1);
    // Asked for, it is made.
    const asked = createKadarApi({ catalogPath: path });
    await expect(callApi(asked.handlers, 'backups.create', {})).resolves.toMatchObject({
      counts: { galleries: 0 },
    });
    await asked.close();
  });
});

describe('automatic backups while the app stays open', () => {
  it('make the new day’s backup on the hour after midnight, once', async () => {
    const path = join(tempDir(), 'open-overnight.sqlite');
    await catalogWithGallery(path);
    const auto = createKadarApi({
      catalogPath: path,
      autoBackup: { firstDelayMs: 10, everyMs: 50 },
    });
    try {
      const folder = backupsDirFor(path);
      const today = `kadar-${localDay(new Date())}.sqlite`;
      const deadline = Date.now() + 10_000;
      while (!existsSync(join(folder, today)) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      const made = statSync(join(folder, today)).mtimeMs;
      // Checked every 50 ms here (hourly in the app): today's is there, nothing more is made.
      await new Promise((r) => setTimeout(r, 300));
      expect(statSync(join(folder, today)).mtimeMs).toBe(made);
      // Midnight passes (the clock moved a day on): the next check makes the new day's.
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 86_400_000, shouldAdvanceTime: true });
      const tomorrow = `kadar-${localDay(new Date())}.sqlite`;
      while (!existsSync(join(folder, tomorrow)) && Date.now() < deadline + 86_400_000 + 10_000)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 300));
      expect(readdirSync(folder).sort()).toEqual([today, tomorrow].sort());
      expect(statSync(join(folder, today)).mtimeMs).toBe(made);
    } finally {
      vi.useRealTimers();
      await auto.close();
    }
  });
});

describe('a backup that fails', () => {
  it('says why, to an open window at once and to the next start, until one succeeds', async () => {
    const path = join(tempDir(), 'failing.sqlite');
    await catalogWithGallery(path);
    const drive = join(tempDir(), 'usb-drive');
    mkdirSync(drive);
    let app = createKadarApi({ catalogPath: path, autoBackup: { firstDelayMs: 60_000 } });
    await callApi(app.handlers, 'backups.setSecondFolder', { folder: drive });
    // The drive is unplugged; the backup made as the app closes cannot be copied to it.
    rmSync(drive, { recursive: true });
    let heard: unknown[] = [];
    const listen = () =>
      app.onEvent((name, payload) => name === 'backups.finished' && heard.push(payload));
    listen();
    await app.close();
    const said = `Today's backup is made, but its copy in the second folder ${drive} could not be: the folder is not there (ENOENT). Is that drive connected?`;
    expect(heard).toEqual([{ error: said, cancelled: false }]);

    heard = [];
    app = createKadarApi({ catalogPath: path, autoBackup: { firstDelayMs: 60_000 } });
    listen();
    const list = () => callApi(app.handlers, 'backups.list', {});
    expect(await list()).toMatchObject({ lastError: said, backups: [expect.anything()] });
    // One asked for answers its caller; only those nobody waits on are announced.
    await expect(callApi(app.handlers, 'backups.create', {})).rejects.toMatchObject({
      code: 'BACKUP_FAILED',
    });
    mkdirSync(drive);
    const made = await callApi(app.handlers, 'backups.create', {});
    expect((await list()).lastError).toBeNull();
    // The backup does not carry the failure before it (restoring it would say it again).
    expect(verifyBackup(made.path)).toBeTruthy();
    const copy = new Database(made.path, { readonly: true });
    expect(copy.prepare(`SELECT key FROM settings`).all()).toEqual([
      { key: 'backups.secondFolder' },
    ]);
    copy.close();
    expect(heard).toEqual([]);
    await app.close();
    expect(heard).toEqual([{ error: null, cancelled: false }]);
  });
});

describe('a restore asked for from the app', () => {
  /** The app over a new catalog, a backup of it, and a gallery made after that backup. */
  async function appWithBackup() {
    const folder = tempDir();
    const path = join(folder, 'app.sqlite');
    const app = createKadarApi({ catalogPath: path, applyPendingRestore: true });
    const backup = join(folder, 'earlier.sqlite');
    await callApi(app.handlers, 'backups.create', { out: backup });
    await callApi(app.handlers, 'galleries.create', { name: 'After the backup' });
    return { folder, path, app, backup };
  }

  it('happens when the catalog next opens, keeping the replaced one aside', async () => {
    const setup = await appWithBackup();
    const { folder, path, backup } = setup;
    let { app } = setup;
    await expect(
      callApi(app.handlers, 'backups.restore', { path: join(folder, 'no-such.sqlite') }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `There is no backup at ${join(folder, 'no-such.sqlite')}.`,
    });
    await expect(callApi(app.handlers, 'backups.restore', { path: folder })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `${folder} is a folder, not a backup file.`,
    });
    // No window's host to open the catalog again under it: the restore waits for one.
    expect(await callApi(app.handlers, 'backups.restore', { path: backup })).toEqual({
      when: 'next-start',
      documentsNotCopied: 0,
      documentFailures: [],
    });
    // Still the open catalog until it is opened again.
    expect(await callApi(app.handlers, 'galleries.list', {})).toHaveLength(1);
    await app.close();
    // A command run meanwhile does not restore; the window's next start does.
    const command = createKadarApi({ catalogPath: path });
    expect(await callApi(command.handlers, 'galleries.list', {})).toHaveLength(1);
    await command.close();
    app = createKadarApi({ catalogPath: path, applyPendingRestore: true });
    expect(await callApi(app.handlers, 'galleries.list', {})).toEqual([]);
    await app.close();
    const aside = readdirSync(folder).filter((n) => n.startsWith('app.sqlite.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(verifyBackup(join(folder, aside[0]!)).galleries).toBe(1);
    expect(readdirSync(folder).filter((n) => n.includes('restore-pending'))).toEqual([]);
  });

  it("rewrites the library's sidecars from the restored catalog when it opens", async () => {
    const folder = tempDir();
    const path = join(folder, 'app.sqlite');
    const library = join(folder, 'library');
    cpSync(sample, library, { recursive: true });
    let app = createKadarApi({ catalogPath: path, applyPendingRestore: true });
    const appCall = <M extends MethodName>(method: M, input: MethodInput<M>) =>
      callApi(app.handlers, method, input);
    const root = await appCall('roots.add', { path: library });
    await appCall('index.start', {});
    await app.indexing.idle();
    await appCall('sidecars.set', { rootId: root.rootId, naming: 'digikam' });
    const backup = join(folder, 'earlier.sqlite');
    await appCall('backups.create', { out: backup });
    const ids = (await appCall('photos.ids', { sort: 'takenAt', order: 'asc' })).ids;
    await appCall('photos.edit', { ids, set: { rating: 5 } });
    await appCall('sidecars.write', {});
    const photos = await appCall('photos.get', { ids });
    const rated = () => {
      const sidecars = photos
        .map((p) => join(library, `${p.relPath}.xmp`))
        .filter((f) => existsSync(f));
      return [...exiftoolRead(sidecars).values()].filter((t) => t['XMP-xmp:Rating'] === 5).length;
    };
    expect(rated()).toBe(ids.length);

    await appCall('backups.restore', { path: backup });
    await app.close();
    app = createKadarApi({ catalogPath: path, applyPendingRestore: true });
    // Every photo of the folder is owed its sidecar as soon as the catalog opens.
    expect((await appCall('sidecars.status', {})).roots[0]).toMatchObject({
      pending: ids.length,
    });
    await appCall('sidecars.write', {});
    expect(rated()).toBe(0);
    expect((await appCall('sidecars.status', {})).roots[0]).toMatchObject({ pending: 0 });
    await app.close();
    // Once only: the next opening owes nothing.
    app = createKadarApi({ catalogPath: path });
    expect((await appCall('sidecars.status', {})).roots[0]).toMatchObject({ pending: 0 });
    await app.close();
  });

  it('is listed while it waits, and called off leaves the catalog and the backup as they are', async () => {
    const setup = await appWithBackup();
    const { folder, path, backup } = setup;
    let { app } = setup;
    expect((await callApi(app.handlers, 'backups.list', {})).pendingRestore).toBeNull();
    // A backup made long ago: the restore is asked for now, whatever times a copy keeps.
    utimesSync(backup, new Date(2025, 0, 1), new Date(2025, 0, 1));
    const asked = Date.now();
    await callApi(app.handlers, 'backups.restore', { path: backup });
    const { pendingRestore } = await callApi(app.handlers, 'backups.list', {});
    expect(Math.abs(Date.parse(pendingRestore!.askedAt) - asked)).toBeLessThan(5000);

    expect(await callApi(app.handlers, 'backups.cancelRestore', {})).toEqual({ cancelled: true });
    expect((await callApi(app.handlers, 'backups.list', {})).pendingRestore).toBeNull();
    expect(await callApi(app.handlers, 'backups.cancelRestore', {})).toEqual({ cancelled: false });
    await app.close();
    // The next start restores nothing; the backup it was copied from is still there.
    app = createKadarApi({ catalogPath: path, applyPendingRestore: true });
    expect((await callApi(app.handlers, 'galleries.list', {})).map((g) => g.name)).toEqual([
      'After the backup',
    ]);
    await app.close();
    expect(readdirSync(folder).filter((n) => n.includes('restore'))).toEqual([]);
    expect(verifyBackup(backup).galleries).toBe(0);
  });

  it('says at the next start why it did not happen, until it is called off', async () => {
    const setup = await appWithBackup();
    const { path, backup } = setup;
    let { app } = setup;
    await callApi(app.handlers, 'backups.restore', { path: backup });
    await app.close();
    // Another program has the catalog open as the app starts again: the restore waits.
    const other = new Database(path);
    try {
      other.prepare('SELECT count(*) FROM photos').get();
      app = createKadarApi({ catalogPath: path, applyPendingRestore: true });
    } finally {
      other.close();
    }
    const listed = await callApi(app.handlers, 'backups.list', {});
    expect(listed.lastError).toMatch(
      /^The backup asked for was not restored, and the catalog is as it was: Another program is using the catalog/,
    );
    expect(listed.pendingRestore).not.toBeNull();
    expect(await callApi(app.handlers, 'backups.cancelRestore', {})).toEqual({ cancelled: true });
    expect(await callApi(app.handlers, 'backups.list', {})).toMatchObject({
      lastError: null,
      pendingRestore: null,
    });
    await app.close();
  });

  it('keeps a failed backup said when a restore is called off', async () => {
    const folder = tempDir();
    const path = join(folder, 'app.sqlite');
    const app = createKadarApi({ catalogPath: path });
    // The second folder becomes a file (a drive swapped): the daily backup's copy there fails.
    const second = join(folder, 'second');
    mkdirSync(second);
    await callApi(app.handlers, 'backups.setSecondFolder', { folder: second });
    rmSync(second, { recursive: true });
    writeFileSync(second, '');
    await expect(callApi(app.handlers, 'backups.create', {})).rejects.toBeTruthy();
    const { lastError } = await callApi(app.handlers, 'backups.list', {});
    expect(lastError).toBeTruthy();
    expect(await callApi(app.handlers, 'backups.cancelRestore', {})).toEqual({ cancelled: false });
    expect((await callApi(app.handlers, 'backups.list', {})).lastError).toBe(lastError);
    await app.close();
  });
});

describe('attached documents and the second drive', () => {
  it("go with the backup's copy there, and come back with a restore from it", async () => {
    const folder = tempDir();
    const path = join(folder, 'app.sqlite');
    const second = join(folder, 'usb');
    mkdirSync(second);
    let app = createKadarApi({ catalogPath: path });
    const appCall = <M extends MethodName>(method: M, input: MethodInput<M>) =>
      callApi(app.handlers, method, input);
    const event = await appCall('events.create', {
      title: 'Modna revija Štip',
      startsOn: '2015-11-28',
    });
    const [doc, agendaDoc] = await appCall('documents.attach', {
      owner: { eventId: event.id },
      sources: [{ path: invitation }, { path: agenda }],
    });
    expect(doc).toMatchObject({ storage: 'copy', missing: false });
    const mirrorOf = (d: { path: string }) =>
      join(second, 'kadar-documents', relative(documentsDirFor(path), d.path));
    // One document cannot be copied (something else holds its place on that drive): it is
    // said, and the other is copied all the same.
    mkdirSync(join(second, 'kadar-documents'));
    writeFileSync(dirname(mirrorOf(agendaDoc!)), 'in the way');
    await expect(dailyBackup(app.db, path, { secondDir: second })).rejects.toMatchObject({
      code: 'BACKUP_FAILED',
      message: expect.stringContaining(
        'but 1 attached document could not be copied there',
      ) as string,
    });
    expect(readFileSync(mirrorOf(doc!))).toEqual(readFileSync(invitation));
    rmSync(dirname(mirrorOf(agendaDoc!)));
    const backup = await dailyBackup(app.db, path, { secondDir: second });
    expect(readFileSync(mirrorOf(agendaDoc!))).toEqual(readFileSync(agenda));
    // A stored name that would lead out of the folders (a damaged catalog) copies nothing there.
    const escaped = app.db
      .prepare(
        `INSERT INTO documents (title, file_name, mime, file_size, fingerprint, storage,
                  stored_name, event_id, added_at)
                SELECT title, file_name, mime, file_size, fingerprint, storage, '../../escape.pdf',
                  event_id, added_at FROM documents WHERE id = ?`,
      )
      .run(doc!.id).lastInsertRowid;
    await expect(dailyBackup(app.db, path, { secondDir: second })).rejects.toMatchObject({
      message: expect.stringContaining(
        '../../escape.pdf: not the name of a stored document',
      ) as string,
    });
    expect(existsSync(join(folder, 'escape.pdf'))).toBe(false);
    app.db.prepare(`DELETE FROM documents WHERE id = ?`).run(escaped);
    await app.close();

    // The first drive fails: the catalog, its backups and its documents are gone.
    for (const gone of [documentsDirFor(path), backupsDirFor(path)])
      rmSync(gone, { recursive: true });
    for (const name of readdirSync(folder))
      if (name.startsWith('app.sqlite')) rmSync(join(folder, name));
    // Restored from the app (it waits for the catalog's next opening, as no window is here).
    const { failures } = await requestRestore(path, backup.copy!);
    expect(failures).toEqual([]);
    app = createKadarApi({ catalogPath: path, applyPendingRestore: true });
    const [back] = await appCall('documents.list', { eventId: event.id });
    expect(back).toMatchObject({ id: doc!.id, missing: false, path: doc!.path });
    expect(readFileSync(back!.path)).toEqual(readFileSync(invitation));
    await app.close();
  });
});
