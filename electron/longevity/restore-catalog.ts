import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { openSqliteFile } from './sqlite-file';
import { verifyInWorker } from './verify-in-worker';
import { verifyBackup, type RowCounts } from './catalog-backup';

/**
 * A restore asked for while the catalog was open waits for the next start as a copy of the
 * backup: the daily backup it came from may be rewritten meanwhile (the app backs up at quit).
 */
export const pendingRestoreFile = (catalogPath: string) => `${catalogPath}.restore-pending`;

/** Asks for `backupFile` to become the catalog when it next opens; checked now. */
export async function requestRestore(catalogPath: string, backupFile: string): Promise<void> {
  await verifyInWorker(backupFile);
  const pending = pendingRestoreFile(catalogPath);
  copyFileSync(backupFile, `${pending}.partial`);
  renameSync(`${pending}.partial`, pending);
}

/** Carries out a restore asked for earlier, before the catalog is opened. */
export function restorePending(catalogPath: string): RestoreResult | null {
  const pending = pendingRestoreFile(catalogPath);
  if (!existsSync(pending)) return null;
  const result = restoreCatalog(catalogPath, pending);
  rmSync(pending, { force: true });
  return result;
}

export interface RestoreResult {
  restored: string;
  /** The catalog that was replaced, kept beside it: a restore never deletes one. */
  keptAside: string | null;
  counts: RowCounts;
}

const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

/**
 * Puts a backup in the catalog's place. The catalog must be closed (no app, no command using
 * it). The one replaced is first made whole (its write-ahead log folded in) and moved aside.
 */
export function restoreCatalog(
  catalogPath: string,
  backupFile: string,
  now = new Date(),
): RestoreResult {
  const counts = verifyBackup(backupFile);
  let keptAside: string | null = null;
  if (existsSync(catalogPath)) {
    const current = openSqliteFile(catalogPath);
    try {
      current.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      current.close();
    }
    keptAside = `${catalogPath}.before-restore-${stamp(now)}`;
    renameSync(catalogPath, keptAside);
    for (const suffix of ['-wal', '-shm']) rmSync(`${catalogPath}${suffix}`, { force: true });
  }
  const partial = join(dirname(catalogPath), `.${basename(catalogPath)}.restoring`);
  copyFileSync(backupFile, partial);
  renameSync(partial, catalogPath);
  return { restored: catalogPath, keptAside, counts };
}
