import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { openSqliteFile } from './sqlite-file';
import { restoringFile } from './interrupted-restore';
import { flagSidecarsForResync } from './sidecars/resync-after-restore';
import { restoreDocumentsFrom, type MirrorResult } from './documents-mirror';
import { verifyInWorker } from './verify-in-worker';
import { verifyBackup, type RowCounts } from './catalog-backup';
import { KadarError, toApiError } from '../../shared/errors';

/**
 * A restore asked for while the catalog was open waits for the next start as a copy of the
 * backup: the daily backup it came from may be rewritten meanwhile (the app backs up at quit).
 */
export const pendingRestoreFile = (catalogPath: string) => `${catalogPath}.restore-pending`;

/** Asks for `backupFile` to become the catalog when it next opens; checked now. */
export async function requestRestore(
  catalogPath: string,
  backupFile: string,
): Promise<MirrorResult> {
  await verifyInWorker(backupFile);
  // Documents a second drive keeps beside its backups come back first (only those missing).
  const documents = await restoreDocumentsFrom(backupFile, catalogPath);
  const pending = pendingRestoreFile(catalogPath);
  copyFileSync(backupFile, `${pending}.partial`);
  makeWritable(`${pending}.partial`);
  // Its time says when the restore was asked for (pendingRestoreSince): copies keep the
  // backup's own time on macOS and Windows.
  const now = new Date();
  utimesSync(`${pending}.partial`, now, now);
  renameSync(`${pending}.partial`, pending);
  return documents;
}

/** When the restore waiting for the next start was asked for; null when none waits. */
export function pendingRestoreSince(catalogPath: string): Date | null {
  try {
    return statSync(pendingRestoreFile(catalogPath)).mtime;
  } catch {
    return null;
  }
}

/**
 * Calls off the restore waiting for the next start: its copy goes, the backup it was copied
 * from stays. Returns whether one was waiting.
 */
export function cancelPendingRestore(catalogPath: string): boolean {
  try {
    rmSync(pendingRestoreFile(catalogPath));
    return true;
  } catch (error) {
    // None waits, or another Kadar opening the catalog has just taken it.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
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
    try {
      renameSync(catalogPath, failed);
      setAsideLogs(catalogPath, `restore-failed`);
      if (result.keptAside) renameSync(result.keptAside, catalogPath);
    } catch (undoing) {
      throw new KadarError(
        'RESTORE_FAILED',
        `The backup would not open (${toApiError(error).message}), and the catalog it replaced could not be put back (${toApiError(undoing).message}). Before opening Kadar, put ${result.keptAside ?? 'the catalog'} back at ${catalogPath}.`,
        { cause: error },
      );
    }
    return {
      opened: open(),
      restored: {
        error: `The backup would not open (${toApiError(error).message}); the catalog it replaced is back, and the backup is kept as ${failed}.`,
      },
    };
  }
}

/**
 * A copy keeps a read-only backup's mode, and the restore writes its flag into the copy: the
 * owner may write it. Only where it may not yet, and without failing where modes cannot be
 * changed (a FAT drive): writing the flag then says what is wrong.
 */
function makeWritable(file: string): void {
  try {
    const { mode } = statSync(file);
    if ((mode & 0o200) === 0) chmodSync(file, mode | 0o200);
  } catch {
    // As above.
  }
}

const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

/**
 * Moves a catalog's write-ahead log and shared memory aside (named with `tag`) rather than
 * deleting them: whatever they hold must not be replayed into another file put at that name.
 */
function setAsideLogs(catalogPath: string, tag: string): void {
  for (const suffix of ['-wal', '-shm'])
    if (existsSync(`${catalogPath}${suffix}`))
      renameSync(`${catalogPath}${suffix}`, `${catalogPath}${suffix}.${tag}`);
}

/**
 * Makes sure nothing else has the catalog open, and folds its write-ahead log in. Leaving WAL
 * mode needs the catalog alone: SQLite refuses while any other connection has it open, even
 * an idle one, which a checkpoint alone would not notice. (Opened again, it is WAL again.)
 */
function takeAlone(catalogPath: string): void {
  const current = openSqliteFile(catalogPath);
  try {
    // A command finishing gets a second; one that goes on is said to be in the way.
    current.pragma('busy_timeout = 1000');
    let mode: unknown;
    try {
      mode = current.pragma('journal_mode = DELETE', { simple: true });
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    }
    if (mode !== 'delete')
      throw new KadarError(
        'CATALOG_BUSY',
        `Another program is using the catalog ${catalogPath} (a kadar command, or a second Kadar window); nothing was changed.`,
      );
  } finally {
    current.close();
  }
}

/**
 * Puts a backup in the catalog's place. The catalog must be closed (no app, no command using
 * it: refused otherwise). The one replaced is first made whole (its write-ahead log folded in)
 * and moved aside. A backup file is first copied beside the catalog; Kadar's own waiting copy
 * (`move`) is moved straight into place, so a stop at any point leaves it waiting or done. A
 * failure on the way puts everything back as it was: an empty catalog is never opened in the
 * place of the person's.
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
  const existed = existsSync(catalogPath);
  if (existed) takeAlone(catalogPath);
  const source = move ? backupFile : restoringFile(catalogPath);
  if (!move) {
    try {
      copyFileSync(backupFile, source);
      makeWritable(source);
    } catch (error) {
      // What a failed copy left; not whatever else sits at that name.
      if (existsSync(source) && lstatSync(source).isFile()) rmSync(source);
      throw new KadarError(
        'BACKUP_FAILED',
        `The backup ${backupFile} could not be copied beside the catalog (${toApiError(error).message}); the catalog is unchanged.`,
        { cause: error },
      );
    }
  }
  try {
    flagSidecarsForResync(source);
  } catch (error) {
    if (!move) rmSync(source, { force: true });
    throw new KadarError(
      'RESTORE_FAILED',
      `The backup's copy beside the catalog could not be prepared (${toApiError(error).message}); the catalog is unchanged.`,
      { cause: error },
    );
  }
  const keptAside = existed ? `${catalogPath}.before-restore-${stamp(now)}` : null;
  try {
    if (keptAside) renameSync(catalogPath, keptAside);
    setAsideLogs(catalogPath, `before-restore-${stamp(now)}`);
    renameSync(source, catalogPath);
  } catch (error) {
    try {
      if (keptAside && !existsSync(catalogPath) && existsSync(keptAside))
        renameSync(keptAside, catalogPath);
      if (!move) rmSync(source, { force: true });
    } catch (undoing) {
      throw new KadarError(
        'RESTORE_FAILED',
        `The restore failed (${toApiError(error).message}) and could not be undone (${toApiError(undoing).message}). Before opening Kadar, put ${keptAside} back at ${catalogPath}.`,
        { cause: error },
      );
    }
    throw error;
  }
  return { restored: catalogPath, keptAside, counts };
}
