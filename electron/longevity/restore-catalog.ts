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

/** Where a restore that could not be carried out leaves its copy, for a person to look at. */
export const failedRestoreFile = (catalogPath: string) => `${catalogPath}.restore-failed`;

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

/**
 * Sets aside a copy waiting to be restored that no longer checks out (the disk damaged it
 * since): there is nothing to try again, and a start must not fail on it every time.
 */
export function setAsideDamagedRestore(catalogPath: string, error: unknown): RestoreFailure {
  const failed = failedRestoreFile(catalogPath);
  renameSync(pendingRestoreFile(catalogPath), failed);
  return { error: `${toApiError(error).message} It is kept as ${failed}.` };
}

/**
 * Opens the catalog with `open`, first carrying out a restore asked for earlier. Whatever goes
 * wrong with the restore, the catalog opened is the backup or the catalog as it was, never an
 * empty one in its place, and `restored` says which:
 * - a copy that no longer checks out is set aside (`….restore-failed`);
 * - one that cannot be put in place (a full disk, another program holding the catalog) leaves
 *   everything as it was, and the next start tries again;
 * - one that checks out but will not open (a schema this Kadar cannot migrate) is taken out
 *   again, and the catalog it replaced comes back.
 * `checked`: the copy's row counts, when it was just checked in a worker (a window's reopening),
 * so the integrity check does not run again on this thread.
 */
export function openWithPendingRestore<T>(
  catalogPath: string,
  open: () => T,
  checked?: RowCounts,
): { opened: T; restored: RestoreResult | RestoreFailure | null } {
  const pending = pendingRestoreFile(catalogPath);
  if (!existsSync(pending)) return { opened: open(), restored: null };
  let counts: RowCounts;
  try {
    counts = checked ?? verifyBackup(pending);
  } catch (error) {
    return { opened: open(), restored: setAsideDamagedRestore(catalogPath, error) };
  }
  const existed = existsSync(catalogPath);
  let result: RestoreResult;
  try {
    result = restoreCatalog(catalogPath, pending, { move: true, checked: counts });
  } catch (error) {
    // restoreCatalog put everything back; if it could not, opening would make an empty
    // catalog in the person's place: its message says where things are instead.
    if (existed && !existsSync(catalogPath)) throw error;
    return {
      opened: open(),
      restored: {
        error: `${toApiError(error).message} Kadar tries again when it next opens the catalog.`,
      },
    };
  }
  try {
    return { opened: open(), restored: result };
  } catch (error) {
    const failed = failedRestoreFile(catalogPath);
    renameSync(catalogPath, failed);
    for (const suffix of ['-wal', '-shm']) rmSync(`${catalogPath}${suffix}`, { force: true });
    if (result.keptAside) renameSync(result.keptAside, catalogPath);
    return {
      opened: open(),
      restored: {
        error: `The backup would not open (${toApiError(error).message}); the catalog it replaced is back, and the backup is kept as ${failed}.`,
      },
    };
  }
}

const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

/** Folds the write-ahead log into the catalog, refusing while another program uses it. */
function foldLog(catalogPath: string): void {
  const current = openSqliteFile(catalogPath);
  try {
    // A command finishing its read gets a second; one that goes on is said to be in the way.
    current.pragma('busy_timeout = 1000');
    const [row] = current.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (row && row.busy !== 0)
      throw new KadarError(
        'CATALOG_BUSY',
        `Another program is using the catalog ${catalogPath} (a kadar command still running?); nothing was changed. Let it finish, then restore again.`,
      );
  } finally {
    current.close();
  }
}

/**
 * Puts a backup in the catalog's place. The catalog must be closed (no app, no command using
 * it). The one replaced is first made whole (its write-ahead log folded in) and moved aside.
 * The backup is copied beside the catalog before anything is moved (`move`: Kadar's own copy,
 * moved instead), so a failure on the way (a full disk) puts everything back as it was: an
 * empty catalog is never opened in the place of the person's.
 */
export function restoreCatalog(
  catalogPath: string,
  backupFile: string,
  {
    now = new Date(),
    move = false,
    checked,
  }: { now?: Date; move?: boolean; checked?: RowCounts } = {},
): RestoreResult {
  const counts = checked ?? verifyBackup(backupFile);
  const partial = join(dirname(catalogPath), `.${basename(catalogPath)}.restoring`);
  try {
    if (move) renameSync(backupFile, partial);
    else copyFileSync(backupFile, partial);
  } catch (error) {
    // What a failed copy left; not whatever else sits at that name.
    if (!move && existsSync(partial) && lstatSync(partial).isFile()) rmSync(partial);
    throw new KadarError(
      'BACKUP_FAILED',
      `The backup ${backupFile} could not be put beside the catalog (${toApiError(error).message}); the catalog is unchanged.`,
      { cause: error },
    );
  }
  let keptAside: string | null = null;
  try {
    if (existsSync(catalogPath)) {
      foldLog(catalogPath);
      keptAside = `${catalogPath}.before-restore-${stamp(now)}`;
      renameSync(catalogPath, keptAside);
      for (const suffix of ['-wal', '-shm']) rmSync(`${catalogPath}${suffix}`, { force: true });
    }
    renameSync(partial, catalogPath);
  } catch (error) {
    try {
      if (keptAside && !existsSync(catalogPath)) renameSync(keptAside, catalogPath);
      if (move) renameSync(partial, backupFile);
      else rmSync(partial, { force: true });
    } catch (undoing) {
      throw new KadarError(
        'RESTORE_FAILED',
        `The restore failed (${toApiError(error).message}) and could not be undone (${toApiError(undoing).message}): the catalog is kept as ${keptAside ?? catalogPath}, the backup as ${move ? partial : backupFile}. Put the catalog back at ${catalogPath} before opening Kadar.`,
        { cause: error },
      );
    }
    throw error;
  }
  return { restored: catalogPath, keptAside, counts };
}
