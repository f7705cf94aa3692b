import {
  constants,
  copyFileSync,
  existsSync,
  linkSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { openSqliteFile } from './sqlite-file';
import { sameFile } from '../os/same-file';
import { flagSidecarsForResync } from './sidecars/resync-after-restore';
import { restoreDocumentsFrom, type MirrorResult } from './documents-mirror';
import { copyForRestoreInWorker } from './verify-in-worker';
import {
  copyBackupForRestore,
  partialName,
  removeDatabaseFiles,
  verifyBackup,
  type RowCounts,
} from './catalog-backup';
import { fsyncFile, removeDeadWritersTemps, syncFolder } from './atomic-file';
import { KadarError, toApiError } from '../../shared/errors';

/**
 * A restore asked for while the catalog was open waits for the next start as a copy of the
 * backup: the daily backup it came from may be rewritten meanwhile (the app backs up at quit).
 */
export const pendingRestoreFile = (catalogPath: string) => `${catalogPath}.restore-pending`;

/**
 * The copy `kadar restore FILE` makes beside the catalog, named for the process writing it: a
 * copy a killed restore left is removed by the next one.
 */
const restoringFile = (catalogPath: string) =>
  join(dirname(catalogPath), partialName(`${basename(catalogPath)}.restoring`));

/** Asks for `backupFile` to become the catalog when it next opens; copied and checked now. */
export async function requestRestore(
  catalogPath: string,
  backupFile: string,
): Promise<MirrorResult> {
  const dir = dirname(catalogPath);
  removeDeadWritersTemps(dir);
  const pending = pendingRestoreFile(catalogPath);
  const partial = join(dir, partialName(basename(pending)));
  await copyForRestoreInWorker(backupFile, partial);
  try {
    // Documents a second drive keeps beside its backups come back first (only those missing).
    const documents = await restoreDocumentsFrom(backupFile, catalogPath);
    // Its time says when the restore was asked for (pendingRestoreSince).
    const now = new Date();
    utimesSync(partial, now, now);
    // A journal an earlier waiting copy left would be replayed into this one.
    removeDatabaseFiles(pending);
    renameSync(partial, pending);
    syncFolder(dir);
    return documents;
  } catch (error) {
    removeDatabaseFiles(partial);
    throw error;
  }
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
    rollBackHotJournal(pending);
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
    const said = undoRestore(catalogPath, result, error);
    return { opened: open(), restored: { error: said } };
  }
}

/**
 * Puts back the catalog a restore replaced, when the restored one would not open (`error`);
 * the backup's copy is kept as `….restore-failed`. Returns what to tell the person; throws
 * RESTORE_FAILED, saying where things are, when the catalog cannot be put back.
 */
export function undoRestore(catalogPath: string, result: RestoreResult, error: unknown): string {
  const failed = failedRestoreFile(catalogPath);
  try {
    // An earlier restore's failed copy (only ever a copy of a backup) gives its name to this one.
    removeDatabaseFiles(failed);
    if (result.keptAside) {
      keepAside(catalogPath, failed);
      setAsideLogs(catalogPath, `restore-failed`);
      renameSync(result.keptAside, catalogPath);
    } else {
      renameSync(catalogPath, failed);
      setAsideLogs(catalogPath, `restore-failed`);
    }
    syncFolder(dirname(catalogPath));
  } catch (undoing) {
    throw new KadarError(
      'RESTORE_FAILED',
      `The backup would not open (${toApiError(error).message}), and the catalog it replaced could not be put back (${toApiError(undoing).message}). Before opening Kadar, put ${result.keptAside ?? 'the catalog'} back at ${catalogPath}.`,
      { cause: error },
    );
  }
  return `The backup would not open (${toApiError(error).message}); the catalog it replaced is back, and the backup is kept as ${failed}.`;
}

/**
 * Rolls back what a start killed while writing the restore's flag into the waiting copy left
 * (a read-only check cannot, and would call the copy damaged): the copy is Kadar's own.
 */
function rollBackHotJournal(file: string): void {
  if (!existsSync(`${file}-journal`)) return;
  const db = openSqliteFile(file);
  try {
    db.pragma('user_version');
  } finally {
    db.close();
  }
}

/**
 * Keeps the file at `path` also at `aside`, leaving it in place: a hard link where the drive
 * has them, else a flushed copy. The catalog's name then never stands empty: a restore killed
 * at any point leaves a catalog there, the old one or the restored one.
 */
function keepAside(path: string, aside: string): void {
  try {
    linkSync(path, aside);
  } catch (error) {
    // Any drive that refuses a link (FAT and exFAT answer on Windows as if with a folder,
    // EISDIR; some shares EINVAL) gets a copy; only a name taken, or no file, is an error.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOENT') throw error;
    copyFileSync(path, aside, constants.COPYFILE_EXCL);
    fsyncFile(aside);
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
 * Removes what a restore killed before its last rename kept aside: a hard link to the catalog
 * itself, which changes with it, so it keeps nothing (a copy kept aside is a file of its own).
 */
function removeLinksToCatalog(catalogPath: string): void {
  try {
    // Only a catalog with more than one name: a copy kept aside is a file of its own.
    if (statSync(catalogPath).nlink < 2) return;
    const prefix = `${basename(catalogPath)}.before-restore-`;
    for (const name of readdirSync(dirname(catalogPath))) {
      const aside = join(dirname(catalogPath), name);
      if (name.startsWith(prefix) && sameFile(aside, catalogPath)) rmSync(aside, { force: true });
    }
  } catch {
    // The folder cannot be listed: nothing is removed, and the restore goes on.
  }
}

/**
 * Puts a backup in the catalog's place. The catalog must be closed (no app, no command using
 * it: refused otherwise). The one replaced is first made whole (its write-ahead log folded in)
 * and kept aside. A backup file is first copied beside the catalog and the copy checked; Kadar's
 * own waiting copy (`move`) is moved straight into place. The backup takes the catalog's name
 * in one rename, so a stop at any point leaves the old catalog there or the restored one,
 * never none (which the next opening would fill with an empty catalog). A failure on the way
 * leaves the catalog as it was.
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
  const dir = dirname(catalogPath);
  const existed = existsSync(catalogPath);
  if (existed) {
    takeAlone(catalogPath);
    removeLinksToCatalog(catalogPath);
  }
  let counts: RowCounts;
  let source = backupFile;
  if (move) counts = checked ?? verifyBackup(backupFile);
  else {
    removeDeadWritersTemps(dir);
    source = restoringFile(catalogPath);
    counts = copyBackupForRestore(backupFile, source);
  }
  try {
    flagSidecarsForResync(source);
  } catch (error) {
    if (!move) removeDatabaseFiles(source);
    throw new KadarError(
      'RESTORE_FAILED',
      `The backup's copy beside the catalog could not be prepared (${toApiError(error).message}); the catalog is unchanged.`,
      { cause: error },
    );
  }
  const keptAside = existed ? `${catalogPath}.before-restore-${stamp(now)}` : null;
  let linked = false;
  try {
    if (keptAside) {
      keepAside(catalogPath, keptAside);
      linked = true;
    }
    setAsideLogs(catalogPath, `before-restore-${stamp(now)}`);
    renameSync(source, catalogPath);
  } catch (error) {
    // The catalog is still the old one: what was made for the restore goes (not a file
    // that had the kept-aside name already).
    if (linked) rmSync(keptAside!, { force: true });
    if (!move) removeDatabaseFiles(source);
    throw new KadarError(
      'RESTORE_FAILED',
      `The backup could not take the catalog's place (${toApiError(error).message}); the catalog is unchanged.`,
      { cause: error },
    );
  }
  syncFolder(dir);
  return { restored: catalogPath, keptAside, counts };
}
