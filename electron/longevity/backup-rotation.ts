import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/open-catalog';
import { backupsDirFor } from '../catalog/default-paths';
import { KadarError } from '../../shared/errors';
import { fsyncFileAsync, removeDeadWritersTemps, removeQuietly, syncFolder } from './atomic-file';
import {
  backupCancelled,
  backupCatalog,
  partialName,
  type BackupOptions,
  type BackupResult,
} from './catalog-backup';
import { copyWithProgress } from './copy-with-progress';
import { mirrorDocumentsTo } from './documents-mirror';
import { verifyInWorker } from './verify-in-worker';

const dailyPattern = /^kadar-(\d{4}-\d{2}-\d{2})\.sqlite$/;

/** A daily backup's file name, for its day (YYYY-MM-DD). */
export const dailyBackupName = (day: string) => `kadar-${day}.sqlite`;

/** The day a daily backup's file name carries; null for any other file. */
export const dailyBackupDay = (name: string): string | null => dailyPattern.exec(name)?.[1] ?? null;
const keepDaily = 7;
const keepWeekly = 4;

/** The local calendar day of `now`, as the backup's name carries it. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The Monday of the day's week: backups of one week share it. */
function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/**
 * The backups a folder keeps: the 7 newest days, then the newest of each of the 4 weeks before
 * them. Returns the names of the others, which go. The week of the oldest daily one counts as
 * theirs: a backup a day older than it would otherwise take a week's place.
 */
export function backupsToRemove(names: readonly string[]): string[] {
  const days = names
    .map(dailyBackupDay)
    .filter((day): day is string => day != null)
    .sort()
    .reverse();
  const kept = new Set(days.slice(0, keepDaily));
  const weeks = new Set<string>();
  const dailyWeek = days.length > keepDaily ? weekOf(days[keepDaily - 1]!) : null;
  for (const day of days.slice(keepDaily)) {
    const week = weekOf(day);
    if (week === dailyWeek || weeks.has(week) || weeks.size >= keepWeekly) continue;
    weeks.add(week);
    kept.add(day);
  }
  return days.filter((day) => !kept.has(day)).map(dailyBackupName);
}

function rotate(dir: string): string[] {
  const removed = backupsToRemove(readdirSync(dir));
  for (const name of removed) rmSync(join(dir, name), { force: true });
  return removed;
}

export interface DailyBackup extends BackupResult {
  /** The copy on the second drive, when one is set. */
  copy: string | null;
  removed: string[];
}

/** Why a copy to the second folder failed, in words a person can act on. */
function copyProblem(error: unknown): string {
  // The copy's own check (integrity, row counts) says what it found.
  if (error instanceof KadarError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENODEV' || code === 'EIO' || code === 'ENXIO')
    return `the folder is not there (${code}). Is that drive connected?`;
  if (code === 'ENOSPC' || code === 'EDQUOT') return `the drive is full (${code}).`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return `Kadar may not write there (${code}).`;
  return (error as Error).message;
}

/**
 * Today's backup in the catalog's backups folder (and a copy in `secondDir`), verified before
 * the oldest backups are removed.
 */
export async function dailyBackup(
  db: Catalog,
  catalogPath: string,
  options: BackupOptions & { now?: Date; secondDir?: string | null } = {},
): Promise<DailyBackup> {
  const { signal, report } = options;
  const dir = backupsDirFor(catalogPath);
  mkdirSync(dir, { recursive: true });
  const name = dailyBackupName(localDay(options.now ?? new Date()));
  const result = await backupCatalog(db, join(dir, name), { signal, report });
  const removed = rotate(dir);
  let copy: string | null = null;
  if (options.secondDir) {
    copy = join(options.secondDir, name);
    const partial = join(options.secondDir, partialName(name));
    // Today's backup is made by now: a cancel stops only what goes to the second drive.
    const cancelled = () =>
      backupCancelled(`Today's backup is made, but its copy in ${options.secondDir}`);
    try {
      removeDeadWritersTemps(options.secondDir);
      // This process's own, left by a copy whose removal failed (a drive that went away).
      rmSync(partial, { force: true });
      // Off the app's thread: a large catalog onto a slow USB drive takes a while.
      report?.phase('second-folder', result.bytes);
      await copyWithProgress(result.path, partial, {
        signal,
        onBytes: (bytes) => report?.advance(bytes),
      });
      report?.phase('checking', 0);
      // SQLite's check cannot be stopped part-way: a cancel takes effect when it ends, once
      // nothing holds the copy open any more.
      await verifyInWorker(partial, result.counts);
      signal?.throwIfAborted();
      // On the disk before it has a backup's name: a drive pulled right after keeps it whole.
      await fsyncFileAsync(partial);
      renameSync(partial, copy);
      syncFolder(options.secondDir);
    } catch (error) {
      if (signal?.aborted) throw cancelled();
      throw new KadarError(
        'BACKUP_FAILED',
        `Today's backup is made, but its copy in the second folder ${options.secondDir} could not be: ${copyProblem(error)}`,
        { cause: error },
      );
    } finally {
      removeQuietly(partial);
    }
    rotate(options.secondDir);
    // Each document that can be copied is; the others are said, and tried again tomorrow.
    const { failures, stopped } = await mirrorDocumentsTo(db, catalogPath, options.secondDir, {
      signal,
      onCopied: (done, total) => {
        if (done === 0) report?.phase('documents', total);
        else report?.advance(done);
      },
    });
    if (stopped)
      throw backupCancelled(
        `Today's backup is made and copied to ${options.secondDir}, but copying the attached documents there`,
      );
    if (failures.length > 0)
      throw new KadarError(
        'BACKUP_FAILED',
        `Today's backup is made and copied to ${options.secondDir}, but ${failures.length} attached ${failures.length === 1 ? 'document' : 'documents'} could not be copied there (${failures[0]!.path}: ${failures[0]!.message}).`,
      );
  }
  return { ...result, copy, removed };
}
