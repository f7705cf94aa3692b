import { existsSync, lstatSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import {
  atomicTmpName,
  fsyncFile,
  fsyncFileAsync,
  removeDeadWritersTemps,
  removeQuietly,
  syncFolder,
} from './atomic-file';
import { openSqliteFile } from './sqlite-file';
import { sqliteSideFiles } from './sqlite-side-files';
import type { BackupReporter } from './backup-progress';
import { verifyInWorker } from './verify-in-worker';
import { loadMigrations } from '../catalog/migrate';
import type { Catalog } from '../catalog/open-catalog';
import { KadarError, toApiError } from '../../shared/errors';
import { fileErrorReason } from '../os/file-error-reason';

/**
 * Online backups of the catalog with SQLite's backup API: page by page while the app goes on
 * working, into a hidden file beside the target that is checked (integrity, and the rows of
 * what people made) before it is renamed into place. A kill or a full disk leaves at most a
 * hidden `.partial` file, never a half backup under a backup's name; the next backup into that
 * folder removes it.
 */

/** What people made, counted in the catalog and in its backup: the two must agree. */
export const countedTables = [
  'roots',
  'photos',
  'events',
  'projects',
  'project_events',
  'project_partners',
  'organisations',
  'documents',
  'tags',
  'photo_tags',
  'people',
  'photo_people',
  'saved_searches',
  'galleries',
  'gallery_photos',
  'export_presets',
  'exports',
  'export_files',
  'photo_tag_removals',
  'photo_people_removals',
  'deleted_uids',
  'event_merges',
  'settings',
  'edits',
] as const;

export type RowCounts = Record<string, number>;

export interface BackupResult {
  path: string;
  bytes: number;
  counts: RowCounts;
}

/**
 * The rows of each counted table the file has: a backup made by an earlier Kadar lacks the
 * tables later migrations added (it is migrated when it is opened), and is still checked.
 * Compared with a catalog's counts, a table missing from the backup is a difference.
 */
export function countRows(db: Database.Database): RowCounts {
  const present = new Set(
    db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[],
  );
  const counts: RowCounts = {};
  for (const table of countedTables)
    if (present.has(table))
      counts[table] = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return counts;
}

/** Tables every Kadar catalog has had since its first schema: a SQLite file without them is another program's. */
const kadarTables = ['settings', 'roots', 'photos', 'events', 'projects', 'tags'];

/**
 * Why `db` cannot be restored as this Kadar's catalog, or null: another program's database,
 * or a schema newer than this Kadar knows (it would refuse it at every start).
 */
function notRestorable(db: Database.Database): string | null {
  const schema = db.pragma('user_version', { simple: true }) as number;
  const tables = new Set(
    db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[],
  );
  const missing = kadarTables.filter((t) => !tables.has(t));
  if (schema < 1 || missing.length > 0)
    return `it is not a Kadar catalog (${schema < 1 ? 'it has no Kadar schema' : `it has no ${missing.join(', ')} table`})`;
  const known = loadMigrations().length;
  if (schema > known)
    return `it was written by a newer Kadar (schema ${schema}; this version knows ${known})`;
  return null;
}

/** Whether `file` is a catalog this Kadar could restore (a backup, a catalog): never throws. */
export function isKadarCatalogFile(file: string): boolean {
  let db: Database.Database | null = null;
  try {
    db = openSqliteFile(file, { readonly: true });
    return notRestorable(db) == null;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** The backup file is there and is a file: said plainly, before SQLite says it its way. */
function checkIsFile(file: string): void {
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new KadarError('NOT_FOUND', `There is no backup at ${file}.`);
    throw new KadarError('FILE_UNREADABLE', `${file} cannot be read: ${fileErrorReason(error)}.`);
  }
  if (!stats.isFile())
    throw new KadarError('INVALID_INPUT', `${file} is a folder, not a backup file.`);
}

const notSound = (file: string, error: unknown) =>
  new KadarError(
    'BACKUP_FAILED',
    `${file} is not a sound Kadar catalog backup: ${toApiError(error).message}.`,
    { cause: error },
  );

/** SQLite's integrity check of `db`, and its rows against `expected` (when given). */
function checkContents(db: Database.Database, expected?: RowCounts): RowCounts {
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') throw new Error(`the integrity check says: ${String(integrity)}`);
  const counts = countRows(db);
  for (const [table, n] of Object.entries(expected ?? {}))
    if (counts[table] !== n)
      throw new Error(
        counts[table] === undefined
          ? `it has no ${table} table, which the catalog has`
          : `${table} has ${counts[table]} rows, the catalog ${n}`,
      );
  return counts;
}

/**
 * Checks a backup file: SQLite's integrity check passes, it is a Kadar catalog, and (when
 * given) its rows agree with `expected`. Returns its counts; throws BACKUP_FAILED saying why.
 */
export function verifyBackup(file: string, expected?: RowCounts): RowCounts {
  checkIsFile(file);
  let db: Database.Database | null = null;
  try {
    db = openSqliteFile(file, { readonly: true });
    const why = notRestorable(db);
    if (why) throw new Error(why);
    return checkContents(db, expected);
  } catch (error) {
    throw notSound(file, error);
  } finally {
    db?.close();
  }
}

/**
 * Copies the catalog backup `from` to `to` for a restore, and checks the copy: through SQLite,
 * so what the backup's write-ahead log holds comes along (a file copy would leave it behind),
 * in rollback-journal mode (opened to write the restore's flag, it makes no log beside it),
 * and flushed to disk. What a killed restore left at `to` goes first: a stale journal there
 * would be replayed into the new copy. Returns the copy's counts, which agree with the
 * backup's; a failure leaves nothing at `to`.
 */
export function copyBackupForRestore(from: string, to: string): RowCounts {
  checkIsFile(from);
  let counts: RowCounts;
  let source: Database.Database | null = null;
  try {
    try {
      source = openSqliteFile(from, { readonly: true });
      const why = notRestorable(source);
      if (why) throw new Error(why);
      counts = countRows(source);
    } catch (error) {
      throw notSound(from, error);
    }
    try {
      removeDatabaseFiles(to);
      source.prepare('VACUUM INTO ?').run(to);
    } catch (error) {
      removeDatabaseFiles(to);
      throw new KadarError(
        'BACKUP_FAILED',
        `The backup ${from} could not be copied beside the catalog (${fileErrorReason(error)}); the catalog is unchanged.`,
        { cause: error },
      );
    }
  } finally {
    source?.close();
  }
  let copy: Database.Database | null = null;
  try {
    copy = openSqliteFile(to, { readonly: true });
    checkContents(copy, counts);
    copy.close();
    copy = null;
    fsyncFile(to);
  } catch (error) {
    copy?.close();
    removeDatabaseFiles(to);
    throw notSound(from, error);
  }
  return counts;
}

/**
 * Removes a database file at a name Kadar reuses, with the journals SQLite keeps beside it:
 * left by a killed writer, a hot journal is replayed into whichever file next takes the name.
 */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', ...sqliteSideFiles]) {
    const path = `${file}${suffix}`;
    // Only files: whatever else sits at the name is not Kadar's.
    if (lstatSync(path, { throwIfNoEntry: false })?.isFile()) rmSync(path);
  }
}

/** The hidden name a backup or a copy of one is written under until it is checked. */
export const partialName = (name: string) => atomicTmpName(`${name}.partial`);

/** What a cancelled backup answers: whatever it had written is gone. */
export const backupCancelled = (what: string) =>
  new KadarError('CANCELLED', `${what} was cancelled; the backups made before are kept.`);

export interface BackupOptions {
  signal?: AbortSignal;
  report?: BackupReporter;
}

/** Writes a verified backup of `db` to `target` (replacing one there), atomically. */
export async function backupCatalog(
  db: Catalog,
  target: string,
  { signal, report }: BackupOptions = {},
): Promise<BackupResult> {
  const dir = dirname(target);
  if (!existsSync(dir))
    throw new KadarError('FOLDER_NOT_FOUND', `out: the folder ${dir} does not exist.`);
  // What a backup killed part-way left here (never under a backup's name) goes first.
  removeDeadWritersTemps(dir);
  const partial = join(dir, partialName(basename(target)));
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  let total = (db.pragma('page_count', { simple: true }) as number) * pageSize;
  try {
    signal?.throwIfAborted();
    // This process's own, left by a backup whose removal failed: SQLite would write into it.
    removeDatabaseFiles(partial);
    report?.phase('copying', total);
    await db.backup(partial, {
      progress({ totalPages, remainingPages }) {
        signal?.throwIfAborted();
        total = totalPages * pageSize;
        report?.advance((totalPages - remainingPages) * pageSize, total);
        // About 4 MB a step: the app's own queries run between steps.
        return 1000;
      },
    });
    report?.advance(total, total);
    // Edits made through this connection meanwhile went into the backup as they happened
    // (SQLite's backup API follows its own connection); nothing runs between the last step
    // and this count, so the two must agree.
    // A copy in rollback-journal mode: opened to be read (checked, restored from), it makes
    // no -wal and -shm files beside it. The catalog opened from it goes back to WAL.
    const copy = openSqliteFile(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    report?.phase('checking', 0);
    // SQLite's check cannot be stopped part-way: a cancel takes effect when it ends, once
    // nothing holds the copy open (a file open elsewhere cannot be removed on Windows).
    const counts = await verifyInWorker(partial, countRows(db));
    signal?.throwIfAborted();
    await fsyncFileAsync(partial);
    renameSync(partial, target);
    syncFolder(dir);
    return { path: target, bytes: statSync(target).size, counts };
  } catch (error) {
    removeQuietly(partial);
    if (signal?.aborted) throw backupCancelled(`The backup to ${target}`);
    if (error instanceof KadarError) throw error;
    throw new KadarError(
      'BACKUP_FAILED',
      `The backup to ${target} failed: ${toApiError(error).message}.`,
      { cause: error },
    );
  }
}
