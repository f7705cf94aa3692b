import { toApiError, type ApiError } from '../../shared/errors';
import { verifyBackup, type RowCounts } from './catalog-backup';

export type VerifyAnswer = { ok: true; counts: RowCounts } | { ok: false; error: ApiError };

/**
 * A worker thread's task (piscina) that checks one backup: SQLite's integrity check reads
 * every page, seconds for a large catalog, which the API's thread must not wait through. A
 * failure comes back as `{ code, message }`: an Error crossing threads loses its code.
 */
export default function verify(task: { file: string; expected?: RowCounts }): VerifyAnswer {
  try {
    return { ok: true, counts: verifyBackup(task.file, task.expected) };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}
