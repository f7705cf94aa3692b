import { readdirSync } from 'node:fs';
import type * as Fs from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { callApi } from '../../electron/api/dispatch';
import { createKadarApi } from '../../electron/api/kadar-api';
import {
  openWithPendingRestore,
  requestRestore,
  restoreCatalog,
} from '../../electron/longevity/restore-catalog';
import { startNodeScript } from '../helpers/node-script';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

// Renames made to fail on demand: a full disk or a locked file cannot be had on purpose, and
// what is tested is what a restore leaves when one of its renames fails.
const renames = vi.hoisted(() => ({
  fail: (_from: string, _to: string): boolean => false,
}));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof Fs>();
  const renameSync: typeof fs.renameSync = (from, to) => {
    const [source, target] = [String(from), String(to)];
    if (renames.fail(source, target))
      throw Object.assign(
        new Error(`EACCES: permission denied, rename '${source}' -> '${target}'`),
        {
          code: 'EACCES',
        },
      );
    fs.renameSync(from, to);
  };
  return { ...fs, renameSync, default: { ...fs, renameSync } };
});

afterEach(() => {
  renames.fail = () => false;
});
afterAll(removeTempDirs);

const restoreModule = fileURLToPath(
  new URL('../../electron/longevity/restore-catalog.ts', import.meta.url),
);

/** A catalog with two galleries, and a backup made when it had the first only. */
async function catalogAndBackup() {
  const dir = tempDir();
  const catalogPath = join(dir, 'catalog.sqlite');
  const backup = join(dir, 'backup.sqlite');
  const api = createKadarApi({ catalogPath });
  await callApi(api.handlers, 'galleries.create', { name: 'In the backup' });
  await callApi(api.handlers, 'backups.create', { out: backup });
  await callApi(api.handlers, 'galleries.create', { name: 'Made after it' });
  await api.close();
  return { dir, catalogPath, backup };
}

function galleries(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT name FROM galleries ORDER BY name`).all() as { name: string }[]).map(
      (g) => g.name,
    );
  } finally {
    db.close();
  }
}

describe('a restore whose renames fail', () => {
  it('puts the catalog back where it was, whole, when the backup cannot take its place', async () => {
    const { dir, catalogPath, backup } = await catalogAndBackup();
    renames.fail = (from, to) => to === catalogPath && !from.includes('.before-restore-');
    expect(() => restoreCatalog(catalogPath, backup)).toThrow(
      expect.objectContaining({
        code: 'RESTORE_FAILED',
        message: expect.stringMatching(/EACCES.*the catalog is unchanged\.$/) as string,
      }),
    );
    renames.fail = () => false;

    expect(galleries(catalogPath)).toEqual(['In the backup', 'Made after it']);
    // Nothing of the attempt is left: no copy of the backup, no catalog "kept aside".
    expect(readdirSync(dir).filter((f) => /restor/.test(f))).toEqual([]);
    expect(galleries(backup)).toEqual(['In the backup']);
  });

  it('leaves a catalog at its name when killed at the last step, and the next restore clears what it left', async () => {
    const { dir, catalogPath, backup } = await catalogAndBackup();
    // The restore's last rename (the backup's copy taking the catalog's name) never returns,
    // so the process is always killed after everything before it was done.
    const child = startNodeScript(
      `import fs from 'node:fs';
         import { syncBuiltinESMExports } from 'node:module';
         const rename = fs.renameSync;
         fs.renameSync = (from, to) => {
           if (String(to) === ${JSON.stringify(catalogPath)}) {
             console.log('renaming');
             Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
           }
           return rename(from, to);
         };
         syncBuiltinESMExports();
         const { restoreCatalog } = await import(${JSON.stringify(restoreModule)});
         restoreCatalog(${JSON.stringify(catalogPath)}, ${JSON.stringify(backup)});`,
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('renaming') && resolve());
      child.on('exit', (code) =>
        reject(new Error(`the restore ended (${code}) before its last step`)),
      );
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));

    // The person's catalog is where it was, whole, and also kept aside.
    expect(galleries(catalogPath)).toEqual(['In the backup', 'Made after it']);
    const keptAside = readdirSync(dir).filter((f) => f.includes('.before-restore-'));
    expect(keptAside).toHaveLength(1);
    expect(galleries(join(dir, keptAside[0]!))).toEqual(['In the backup', 'Made after it']);
    const copies = () => readdirSync(dir).filter((f) => f.includes('.restoring'));
    expect(copies()).toHaveLength(1);

    restoreCatalog(catalogPath, backup);
    expect(galleries(catalogPath)).toEqual(['In the backup']);
    // The killed restore's copy is gone with this one's, and so is its link to the catalog
    // (which changed with the catalog, so kept nothing); this restore's copy stays.
    expect(copies()).toEqual([]);
    const kept = readdirSync(dir).filter((f) => f.includes('.before-restore-'));
    expect(kept).toHaveLength(1);
    expect(kept).not.toContain(keptAside[0]);
  }, 60_000);

  it('says where the catalog is when a restored backup will not open and the catalog cannot come back', async () => {
    const { dir, catalogPath, backup } = await catalogAndBackup();
    await requestRestore(catalogPath, backup);
    // The backup is put in place; opening it fails; moving the person's catalog back fails.
    renames.fail = (from, to) => to === catalogPath && from.includes('.before-restore-');
    let failure: unknown;
    try {
      openWithPendingRestore(catalogPath, () => {
        throw new Error('file is not a database');
      });
    } catch (error) {
      failure = error;
    }
    renames.fail = () => false;

    expect(failure).toMatchObject({ code: 'RESTORE_FAILED' });
    const message = (failure as Error).message;
    expect(message).toContain('The backup would not open (file is not a database)');
    const keptAside = readdirSync(dir).find((f) => /\.before-restore-[^.]*$/.test(f))!;
    expect(message).toContain(`put ${join(dir, keptAside)} back at ${catalogPath}`);
    expect(galleries(join(dir, keptAside))).toEqual(['In the backup', 'Made after it']);
  });
});
