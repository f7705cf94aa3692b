import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupsDirFor } from '../../electron/catalog/default-paths';
import type { BackupResult } from '../../shared/api/domains/backups';
import type { Photo } from '../../shared/api/photo-schema';
import { exiftoolRead } from '../helpers/exiftool';
import { catalogCli, cliPath, parseJson } from '../helpers/run-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

const sample = fileURLToPath(new URL('../../assets/sample/photos/', import.meta.url));
const invitation = fileURLToPath(
  new URL('../../assets/sample/documents/invitation-fashion-show-stip.pdf', import.meta.url),
);
let catalog: string;
let dir: string;

const { kadar, json } = catalogCli(() => catalog);

afterAll(removeTempDirs);
beforeAll(async () => {
  dir = tempDir();
  catalog = join(dir, 'catalog.sqlite');
  cpSync(sample, join(dir, 'library'), { recursive: true });
  await json('index', join(dir, 'library'), '--json', '--progress', 'none');
}, 60_000);

describe('kadar backup and kadar restore', () => {
  it('puts the catalog back when the restored backup will not open, and refuses an empty --out', async () => {
    const before = await json<Photo[]>('photos', '--json');
    const file = join(dir, 'will-not-open.sqlite');
    await json('backup', '--out', file, '--json');
    // It checks out, but claims schema 14 and lacks a trigger migration 15 replaces.
    const db = new Database(file);
    db.exec('DROP TRIGGER sidecar_tag_path_update');
    db.pragma('user_version = 14');
    db.close();
    // An earlier restore's failed copy is there already.
    writeFileSync(`${catalog}.restore-failed`, 'an earlier failed copy');
    const restore = await kadar('restore', file, '--json');
    expect(restore.code).not.toBe(0);
    expect(restore.stderr).toMatch(
      /The backup would not open \(.*no such trigger.*\); the catalog it replaced is back, and the backup is kept as .*restore-failed\./,
    );
    expect(await json<Photo[]>('photos', '--json')).toEqual(before);
    expect(readFileSync(`${catalog}.restore-failed`).subarray(0, 15).toString()).toBe(
      'SQLite format 3',
    );
    rmSync(`${catalog}.restore-failed`);

    // An unset shell variable is not taken for "today's backup".
    const empty = await kadar('backup', '--out', '', '--json');
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toBe('kadar: Invalid input for backups.create: out: Give a file\n');
    expect(existsSync(backupsDirFor(catalog))).toBe(false);
  });

  it('backs up, and a restore gives the catalog as it was before a batch edit', async () => {
    const before = await json<Photo[]>('photos', '--json');
    const file = join(dir, 'before.sqlite');
    const backup = await json<BackupResult>('backup', '--out', file, '--json');
    expect(backup).toMatchObject({ path: file, copy: null });
    expect(backup.counts.photos).toBe(10);

    const ids = before.map((p) => p.id).join(',');
    await json('tag', '--photos', ids, '--add', 'Batch/Edit', '--json');
    await json('rate', '--photos', ids, '--stars', '4', '--json');
    expect((await json<Photo[]>('photos', '--json')).every((p) => p.rating === 4)).toBe(true);

    const restored = await json<{ restored: string; keptAside: string }>('restore', file, '--json');
    expect(restored.restored).toBe(catalog);
    expect(readdirSync(dir)).toContain(restored.keptAside.split('/').at(-1));
    expect(await json<Photo[]>('photos', '--json')).toEqual(before);
  });

  it('rewrites the sidecars from the restored catalog, so the folders no longer say what it undid', async () => {
    const [root] = await json<{ id: number }[]>('roots', '--json');
    await json('sidecars', 'on', '--root', String(root!.id), '--json');
    const photos = await json<Photo[]>('photos', '--json');
    const [described, other] = photos;
    await json('rate', '--photos', String(described!.id), '--stars', '2', '--json');
    const sidecarOf = (photo: Photo) => join(dir, 'library', `${photo.relPath}.xmp`);
    const read = (photo: Photo) => exiftoolRead([sidecarOf(photo)]).get(sidecarOf(photo))!;
    expect(read(described!)['XMP-xmp:Rating']).toBe(2);
    expect(existsSync(sidecarOf(other!))).toBe(false);
    const file = join(dir, 'before-batch.sqlite');
    await json('backup', '--out', file, '--json');
    const before = await json<Photo[]>('photos', '--json');

    // The batch edit describes every photo: each gets a sidecar saying so.
    const ids = photos.map((p) => p.id).join(',');
    await json('tag', '--photos', ids, '--add', 'Batch/Edit', '--json');
    await json('rate', '--photos', ids, '--stars', '4', '--json');
    expect(read(described!)['XMP-xmp:Rating']).toBe(4);
    expect(read(other!)['XMP-lr:HierarchicalSubject']).toEqual(
      expect.arrayContaining(['Batch|Edit']),
    );

    const restored = await json<{ sidecars: { written: number; failed: number } }>(
      'restore',
      file,
      '--json',
    );
    expect(restored.sidecars).toMatchObject({ written: 10, failed: 0 });
    expect(read(described!)['XMP-xmp:Rating']).toBe(2);
    for (const photo of photos) {
      const tags = read(photo);
      expect([tags['XMP-lr:HierarchicalSubject']].flat(), photo.relPath).not.toContain(
        'Batch|Edit',
      );
      if (photo !== described) expect(tags['XMP-xmp:Rating'], photo.relPath).toBeUndefined();
    }
    // A rescan, which reads the sidecars again, brings nothing of the batch edit back.
    await json('index', join(dir, 'library'), '--json', '--progress', 'none');
    expect(await json<Photo[]>('photos', '--json')).toEqual(before);
  });

  it("restores from the second drive's copy after the first drive is lost, documents and all", async () => {
    const second = join(dir, 'usb');
    mkdirSync(second);
    const db = new Database(catalog);
    db.prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)`).run(
      'backups.secondFolder',
      second,
    );
    db.close();
    const event = await json<{ id: number }>(
      'event',
      'add',
      '--title',
      'Info day',
      '--start',
      '2015-11-24',
      '--json',
    );
    await json('attach', invitation, '--event', String(event.id), '--json');
    const backup = await json<BackupResult>('backup', '--json');
    expect(backup.copy).toBe(join(second, backup.path.split('/').at(-1)!));
    const before = await json<unknown[]>('events', '--json');

    // The first drive's documents and backups are gone.
    rmSync(join(dir, 'catalog-documents'), { recursive: true });
    rmSync(join(dir, 'catalog-backups'), { recursive: true });
    const restored = await json<{ documents: { copied: number; failures: unknown[] } }>(
      'restore',
      backup.copy!,
      '--json',
    );
    expect(restored.documents).toEqual({ copied: 1, failures: [] });
    expect(await json('events', '--json')).toEqual(before);
    const stored = readdirSync(join(dir, 'catalog-documents'), {
      recursive: true,
      encoding: 'utf8',
    });
    expect(stored.some((p) => p.endsWith('invitation-fashion-show-stip.pdf'))).toBe(true);
  });

  it('refuses to restore from a file that is not a catalog backup, changing nothing', async () => {
    const result = await kadar(
      'restore',
      join(dir, 'library', '2015', '2015-11-19 Niš training', 'DSC_0412.JPG'),
      '--json',
    );
    expect(result.code).toBe(1);
    expect(parseJson(result)).toMatchObject({ error: { code: 'BACKUP_FAILED' } });
    expect((await json<Photo[]>('photos', '--json')).length).toBe(10);
  });

  it('killed mid-backup, leaves no backup under a backup name, and the next backup clears the rest', async () => {
    // A catalog large enough (256 MB) that its backup takes a while.
    const db = new Database(catalog);
    db.prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES ('ballast', ?)`).run(
      Buffer.alloc(256 * 1024 * 1024, 7),
    );
    db.close();
    const folder = backupsDirFor(catalog);
    const child = spawn(process.execPath, [cliPath, '--catalog', catalog, 'backup'], {
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const partial = () => {
      try {
        return readdirSync(folder).find((n) => n.includes('.partial'));
      } catch {
        return undefined;
      }
    };
    const deadline = Date.now() + 60_000;
    while (!partial() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(partial(), 'the backup was being written').toBeDefined();
    child.kill('SIGKILL');
    await exited;
    expect(readdirSync(folder).filter((n) => /^kadar-.*\.sqlite$/.test(n))).toEqual([]);

    const next = await json<BackupResult>('backup', '--json');
    expect(readdirSync(folder)).toEqual([next.path.split('/').at(-1)]);
  }, 120_000);

  it('stops at Ctrl-C, reporting as it goes, and leaves nothing under a backup name', async () => {
    // The 256 MB catalog of the test above; a backup to a file of its own.
    const out = join(tempDir(), 'before-the-merge.sqlite');
    const child = spawn(
      process.execPath,
      [cliPath, '--catalog', catalog, 'backup', '--out', out, '--progress', 'ndjson', '--json'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const interrupted = new Promise<void>((resolve) =>
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        // A person presses Ctrl-C once the copy is seen going.
        if (stderr.includes('"phase":"copying"')) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await interrupted;
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    const first = JSON.parse(stderr.split('\n')[0]!) as Record<string, unknown>;
    expect(first).toMatchObject({ phase: 'copying', done: 0 });
    expect(first.total).toBeGreaterThan(256e6);
    expect(JSON.parse(stdout)).toMatchObject({ error: { code: 'CANCELLED' } });
    expect(readdirSync(join(out, '..'))).toEqual([]);
  }, 120_000);
});
