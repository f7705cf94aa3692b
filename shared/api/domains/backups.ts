import { z } from 'zod';
import { fullPath, none } from './common';

export const backupResultSchema = z.object({
  path: z.string(),
  bytes: z.number().int(),
  /** Rows of what people made, counted in the catalog and found again in the backup. */
  counts: z.record(z.string(), z.number().int()),
  /** The copy on the second drive, when one is set. */
  copy: z.string().nullable(),
});
export type BackupResult = z.infer<typeof backupResultSchema>;

/**
 * The steps of a backup, in order: the catalog copied page by page, the copy checked, then
 * (with a second folder) copied there and checked, and the attached documents copied beside it.
 */
export const backupPhases = ['copying', 'checking', 'second-folder', 'documents'] as const;

export const backupProgressSchema = z.object({
  phase: z.enum(backupPhases),
  /**
   * Bytes copied of the catalog (`copying`, `second-folder`), documents copied (`documents`);
   * a check (`checking`) has no parts and says 0 of 0 until it is done.
   */
  done: z.number().int(),
  total: z.number().int(),
  /** Per second, in the phase's unit, over the last seconds. */
  rate: z.number(),
  /** Seconds left in this phase, when the rate is known. */
  etaSeconds: z.number().nullable(),
});
export type BackupProgress = z.infer<typeof backupProgressSchema>;

export const backupMethods = {
  /**
   * The backups kept beside the catalog and on the second drive (when it is connected), newest
   * first, and the two folders.
   */
  'backups.list': {
    input: none,
    output: z.object({
      folder: z.string(),
      secondFolder: z.string().nullable(),
      backups: z.array(
        z.object({
          path: z.string(),
          day: z.string(),
          bytes: z.number().int(),
          /** Beside the catalog, or a copy in the second folder. */
          where: z.enum(['beside', 'second']),
        }),
      ),
      /** Why the last backup failed, until one succeeds. */
      lastError: z.string().nullable(),
      /**
       * A restore waiting for the catalog's next opening (asked for where the catalog could not
       * be replaced at once, or when another program had it open), and when it was asked for.
       */
      pendingRestore: z.object({ askedAt: z.string() }).nullable(),
    }),
  },
  /**
   * Today's verified backup (rotated: 7 daily, 4 weekly), or one to a file of your choosing.
   * `backups.progress` follows it; one already under way (the daily one) is joined, not
   * started twice.
   */
  'backups.create': {
    input: z.object({ out: fullPath('Give a file').optional() }).strict(),
    output: backupResultSchema,
  },
  /**
   * Stops the backups under way: nothing is left under a backup's name, and the backups
   * already made stay. The one waited on fails with CANCELLED.
   */
  'backups.cancel': {
    input: none,
    output: z.object({ cancelled: z.boolean() }),
  },
  /**
   * Puts a backup in the catalog's place; the one replaced is kept beside it. A window's host
   * closes the catalog and opens the backup at once (`now`: running jobs stop, then the event
   * `catalog.reopened` says it is done); elsewhere it happens the next time a window opens the
   * catalog (`next-start`), as an open catalog cannot be replaced.
   */
  'backups.restore': {
    input: z.object({ path: fullPath('Give a backup file') }).strict(),
    output: z.object({
      when: z.enum(['now', 'next-start']),
      /**
       * How many documents kept beside the backup (a second drive's), which the catalog's
       * documents folder lacked, could not be copied back; the first hundred, and why.
       */
      documentsNotCopied: z.number().int(),
      documentFailures: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  },
  /** Calls off the restore waiting for the next opening, if one is; the backup stays. */
  'backups.cancelRestore': {
    input: none,
    output: z.object({ cancelled: z.boolean() }),
  },
  'backups.setSecondFolder': {
    input: z.object({ folder: fullPath('Give a folder').nullable() }).strict(),
    output: z.object({ secondFolder: z.string().nullable() }),
  },
} as const;
