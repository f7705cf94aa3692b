import { toApiError } from '../../shared/errors';
import { copyBackupForRestore, verifyBackup, type RowCounts } from './catalog-backup';
import type { WorkerAnswer } from './one-off-worker';

export type VerifyTask =
  | { file: string; expected?: RowCounts }
  /** A restore's copy of `file`, made at `copyTo` and checked there. */
  | { file: string; copyTo: string };

/**
 * A worker thread's task (piscina) that checks one backup, or copies it for a restore and
 * checks the copy: SQLite's integrity check reads every page, seconds for a large catalog,
 * which the API's thread must not wait through. A failure comes back as `{ code, message }`:
 * an Error crossing threads loses its code.
 */
export default function verify(task: VerifyTask): WorkerAnswer<RowCounts> {
  try {
    const counts =
      'copyTo' in task
        ? copyBackupForRestore(task.file, task.copyTo)
        : verifyBackup(task.file, task.expected);
    return { ok: true, value: counts };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}
