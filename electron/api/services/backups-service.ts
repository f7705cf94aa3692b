import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { backupsDirFor } from '../../catalog/default-paths';
import type { Catalog } from '../../catalog/open-catalog';
import { sql } from '../../catalog/statements';
import { backupReporter } from '../../longevity/backup-progress';
import { backupCatalog, countedTables, type BackupOptions } from '../../longevity/catalog-backup';
import type { MirrorResult } from '../../longevity/documents-mirror';
import {
  cancelPendingRestore,
  pendingRestoreSince,
  requestRestore,
} from '../../longevity/restore-catalog';
import {
  dailyBackup,
  dailyBackupDay,
  dailyBackupName,
  localDay,
  type DailyBackup,
} from '../../longevity/backup-rotation';
import type { backupMethods } from '../../../shared/api/domains/backups';
import { notRestoredPrefix } from '../../../shared/api/not-restored';
import { checkOutputTarget } from '../../longevity/output-target';
import { KadarError, toApiError } from '../../../shared/errors';
import type { ApiContext, DomainHandlers } from '../api-context';

const secondFolderKey = 'backups.secondFolder';
const isCancelled = (error: unknown) => toApiError(error).code === 'CANCELLED';
// Kept in the catalog, not only in memory: the backup made as the app closes can fail with no
// window left to say so; the next start does.
const lastErrorKey = 'backups.lastError';

/** The daily backups in `folder`; none when it cannot be read (a drive not connected). */
function listBackups(folder: string, where: 'beside' | 'second') {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const day = dailyBackupDay(name);
    if (!day) return [];
    const path = join(folder, name);
    try {
      return [{ path, day, bytes: statSync(path).size, where }];
    } catch {
      return [];
    }
  });
}

/**
 * Whether nothing has been put in the catalog yet: no row of what people make (the built-in
 * export presets and the settings are there from the start).
 */
const holdsNothing = (db: Catalog) =>
  countedTables
    .filter((t) => t !== 'settings' && t !== 'export_presets')
    .every((t) => sql(db, `SELECT 1 FROM ${t} LIMIT 1`).get() === undefined) &&
  sql(db, `SELECT 1 FROM export_presets WHERE builtin = 0 LIMIT 1`).get() === undefined;

/**
 * Backups of the catalog: today's, rotated, and a copy on a second drive if one is set. With
 * `auto` (the app), one a day while it is open (the first a minute after start, so opening
 * stays quick) and one when it closes.
 */
export function createBackupsService(
  ctx: ApiContext,
  auto: { firstDelayMs?: number; everyMs?: number } | null = null,
  {
    reopen = null,
    restoreFailure = null,
  }: {
    /** Given by a window's host (window-api.ts): a restore then happens at once. */
    reopen?: (() => Promise<boolean>) | null;
    /** Why the restore asked for before this opening did not happen. */
    restoreFailure?: string | null;
  } = {},
) {
  const { db } = ctx;
  let running: Promise<DailyBackup> | null = null;
  // Every backup under way (today's, and any to a file), for `backups.cancel`.
  const underWay = new Set<AbortController>();
  /** Runs `make` as a backup a person can follow and cancel. */
  const followed = async <T>(make: (options: BackupOptions) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    underWay.add(controller);
    try {
      return await make({
        signal: controller.signal,
        report: backupReporter((p) => ctx.emit('backups.progress', p)),
      });
    } finally {
      underWay.delete(controller);
    }
  };
  let restoring = false;
  const setting = (key: string) =>
    sql<[string], { value: string }>(db, `SELECT value FROM settings WHERE key = ?`).get(key)
      ?.value ?? null;
  const secondFolder = () => setting(secondFolderKey);
  const clearLastError = () => sql(db, `DELETE FROM settings WHERE key = ?`).run(lastErrorKey);
  const setLastError = (message: string) =>
    sql(db, `INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)`).run(
      lastErrorKey,
      message,
    );
  const daily = () => {
    let before: string | null = null;
    return (running ??= Promise.resolve()
      .then(() => {
        // Cleared before the copy is taken, so a backup never carries an old failure with it.
        before = setting(lastErrorKey);
        clearLastError();
        return followed((options) =>
          dailyBackup(db, ctx.catalogPath, { ...options, secondDir: secondFolder() }),
        );
      })
      .catch((error: unknown) => {
        // A cancel is what a person asked for, not a problem of its own; a failure from before
        // it stands until a backup goes through.
        if (!isCancelled(error)) setLastError(toApiError(error).message);
        else if (before != null) setLastError(before);
        throw error;
      })
      .finally(() => (running = null)));
  };
  // Said like a failed backup (a notice at the window's start, and in the dialog) until a
  // backup goes through.
  if (restoreFailure) setLastError(`${notRestoredPrefix}${restoreFailure}`);
  const today = () =>
    existsSync(join(backupsDirFor(ctx.catalogPath), dailyBackupName(localDay(new Date()))));
  const timers: NodeJS.Timeout[] = [];
  // What nobody asked for and nobody waits on: the window hears how it went (a failure shows).
  // Not of a catalog with nothing in it yet (a new installation, before a folder is added):
  // its backup would take the name of today's on the second drive, which after losing the
  // first drive may be the very one to restore.
  const unattended = () =>
    (holdsNothing(db) ? Promise.resolve(null) : daily()).then(
      () => ctx.emit('backups.finished', { error: null, cancelled: false }),
      (error: unknown) =>
        ctx.emit(
          'backups.finished',
          isCancelled(error)
            ? { error: null, cancelled: true }
            : { error: toApiError(error).message, cancelled: false },
        ),
    );
  if (auto) {
    const check = () => void (today() ? null : unattended());
    timers.push(setTimeout(check, auto.firstDelayMs ?? 60_000).unref());
    timers.push(setInterval(check, auto.everyMs ?? 3_600_000).unref());
  }

  const handlers: DomainHandlers<typeof backupMethods> = {
    'backups.list': () => {
      const folder = backupsDirFor(ctx.catalogPath);
      const second = secondFolder();
      // The second drive's too: the day the first one's are lost or damaged, they are the ones
      // to restore. A drive not connected lists none.
      const backups = [
        ...listBackups(folder, 'beside'),
        ...(second ? listBackups(second, 'second') : []),
      ].sort((a, b) => b.day.localeCompare(a.day) || a.where.localeCompare(b.where));
      const asked = pendingRestoreSince(ctx.catalogPath);
      return {
        folder,
        secondFolder: second,
        backups,
        lastError: setting(lastErrorKey),
        pendingRestore: asked ? { askedAt: asked.toISOString() } : null,
      };
    },
    'backups.create': async ({ out }) => {
      if (out) {
        const target = checkOutputTarget(out, ctx.catalogPath, 'backup', 'out');
        return { ...(await followed((options) => backupCatalog(db, target, options))), copy: null };
      }
      const { path, bytes, counts, copy } = await daily();
      return { path, bytes, counts, copy };
    },
    'backups.cancel': () => {
      for (const controller of underWay) controller.abort();
      return { cancelled: underWay.size > 0 };
    },
    'backups.restore': async ({ path }) => {
      // Two at once (two windows) would replace each other's waiting copy mid-check.
      if (restoring) throw new KadarError('ALREADY_RUNNING', 'A restore is already under way.');
      restoring = true;
      let failures: MirrorResult['failures'];
      try {
        ({ failures } = await requestRestore(ctx.catalogPath, resolve(path)));
      } catch (error) {
        restoring = false;
        throw error;
      }
      const documentsNotCopied = failures.length;
      const documentFailures = failures.slice(0, 100);
      if (!reopen) {
        restoring = false;
        return { when: 'next-start' as const, documentsNotCopied, documentFailures };
      }
      // At once, so that no call arriving after this answer reaches the catalog being replaced.
      // While this one closes, `restoring` stays set; refused before it closed, it goes on,
      // and may restore (or call off a waiting restore) again.
      void reopen().then(
        (closed) => {
          if (!closed) restoring = false;
        },
        () => undefined,
      );
      return { when: 'now' as const, documentsNotCopied, documentFailures };
    },
    'backups.cancelRestore': () => {
      // This catalog closes to be replaced: the copy is in use.
      if (restoring) throw new KadarError('ALREADY_RUNNING', 'The restore is under way.');
      const cancelled = cancelPendingRestore(ctx.catalogPath);
      // Why it did not happen is moot once it is called off.
      if (cancelled && setting(lastErrorKey)?.startsWith(notRestoredPrefix)) clearLastError();
      return { cancelled };
    },
    'backups.setSecondFolder': ({ folder }) => {
      // What went wrong with the old folder says nothing of the new: the next backup tells.
      clearLastError();
      if (folder == null) {
        sql(db, `DELETE FROM settings WHERE key = ?`).run(secondFolderKey);
        return { secondFolder: null };
      }
      if (!isAbsolute(folder) || !existsSync(folder) || !statSync(folder).isDirectory())
        throw new KadarError(
          'FOLDER_NOT_FOUND',
          `folder: ${folder} is not a folder on this computer (give its full path).`,
        );
      const beside = backupsDirFor(ctx.catalogPath);
      if (existsSync(beside) && realpathSync.native(folder) === realpathSync.native(beside))
        throw new KadarError(
          'INVALID_INPUT',
          `folder: ${folder} is where the backups are kept already; choose a folder on another drive.`,
        );
      sql(db, `INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)`).run(
        secondFolderKey,
        folder,
      );
      return { secondFolder: folder };
    },
  };

  return {
    handlers,
    /**
     * Stops the schedule; in the app, makes the backup "at quit" first, unless the catalog
     * closes to be replaced by a restore: that backup would overwrite today's, which may be
     * the very one being restored, with the state the person is leaving.
     */
    async close({ finalBackup = true }: { finalBackup?: boolean } = {}): Promise<void> {
      for (const timer of timers) clearTimeout(timer);
      await running?.catch(() => undefined);
      if (auto && finalBackup) await unattended();
    },
  };
}
