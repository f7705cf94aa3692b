import { copyFileSync, existsSync, lstatSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { openSqliteFile } from './sqlite-file';
import { verifyInWorker } from './verify-in-worker';
import { verifyBackup, type RowCounts } from './catalog-backup';
import { KadarError, toApiError } from '../../shared/errors';

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

/**
 * Carries out a restore asked for earlier, before the catalog is opened. A copy that no longer
 * checks out (the disk damaged it since) is not restored: the catalog stays as it was and
 * opens, the copy is kept as `….restore-failed` for a person to look at, and the result says
 * why, rather than the app failing to start until someone deletes the file.
 */
export function restorePending(catalogPath: string): RestoreResult | RestoreFailure | null {
  const pending = pendingRestoreFile(catalogPath);
  if (!existsSync(pending)) return null;
  let result: RestoreResult;
  try {
    result = restoreCatalog(catalogPath, pending);
  } catch (error) {
    renameSync(pending, `${catalogPath}.restore-failed`);
    return { error: toApiError(error).message };
  }
  rmSync(pending, { force: true });
  return result;
}

/** Why a restore asked for earlier did not happen; the catalog is as it was. */
export interface RestoreFailure {
  error: string;
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
  // The copy is made before anything is moved: if it fails (a full disk), the catalog is
  // still where it was, and nothing opens an empty one in its place.
  const partial = join(dirname(catalogPath), `.${basename(catalogPath)}.restoring`);
  try {
    copyFileSync(backupFile, partial);
  } catch (error) {
    // What a failed copy left; not whatever else sits at that name.
    if (existsSync(partial) && lstatSync(partial).isFile()) rmSync(partial);
    throw new KadarError(
      'BACKUP_FAILED',
      `The backup ${backupFile} could not be copied beside the catalog (${toApiError(error).message}); the catalog is unchanged.`,
      { cause: error },
    );
  }
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
  renameSync(partial, catalogPath);
  return { restored: catalogPath, keptAside, counts };
}
