import type { Catalog } from '../../catalog/open-catalog';
import type { FileFailure } from '../../../shared/api/progress-schema';
import { writeArchiveFiles } from '../archive-files';
import { createSidecarPool } from './sidecar-pool';
import { writeOwedSidecars } from './sidecar-job';

/**
 * For commands that change the catalog without the API (`kadar index`, `kadar rescan`): writes
 * the sidecars the run made owed (a photo whose file or sidecar another tool changed, a photo
 * restored from its sidecar) and the folders' kadar-archive.json before the process ends, so a
 * folder copied or backed up right after the command is current. At most `budgetMs`, as the
 * API's own close; what is left keeps its marks for the next Kadar that opens the catalog.
 * Returns what could not be written, as the run's issues.
 */
export async function writeOwedNow(
  db: Catalog,
  { budgetMs = 10_000, signal }: { budgetMs?: number; signal?: AbortSignal } = {},
): Promise<FileFailure[]> {
  // The run is committed: what cannot be written here is one of its issues, not a failure.
  const issues = await sidecarIssues(db, budgetMs, signal).catch((error: unknown) => [
    {
      path: '',
      code: 'SIDECARS_PENDING',
      message: `The sidecars the run left owed could not be written now (${(error as Error).message}); the next Kadar that opens the catalog writes them.`,
    },
  ]);
  try {
    for (const { path, message } of writeArchiveFiles(db).failed)
      issues.push({ path, code: 'ARCHIVE_FILE_UNWRITABLE', message });
  } catch (error) {
    issues.push({
      path: '',
      code: 'ARCHIVE_FILE_UNWRITABLE',
      message: `The folders' kadar-archive.json could not be made (${(error as Error).message}); the next change tries again.`,
    });
  }
  return issues;
}

async function sidecarIssues(
  db: Catalog,
  budgetMs: number,
  signal: AbortSignal | undefined,
): Promise<FileFailure[]> {
  const pool = createSidecarPool();
  try {
    // Ctrl-C (`signal`) stops it as it stops the run; the marks stay for the next Kadar.
    const stop = signal
      ? AbortSignal.any([signal, AbortSignal.timeout(budgetMs)])
      : AbortSignal.timeout(budgetMs);
    const run = await writeOwedSidecars(db, pool, { signal: stop });
    const issues: FileFailure[] = run.failures.map((f) => ({
      path: f.path,
      code: 'SIDECAR_UNWRITABLE',
      message: `${f.message} The next run tries again.`,
    }));
    if (run.failed > run.failures.length)
      issues.push({
        path: '',
        code: 'SIDECAR_UNWRITABLE',
        message: `${run.failed - run.failures.length} more sidecars could not be written.`,
      });
    if (run.cancelled)
      issues.push({
        path: '',
        code: 'SIDECARS_PENDING',
        message: signal?.aborted
          ? 'Cancelled: the sidecars still owed are written by the next Kadar that opens the catalog.'
          : `Sidecars still owed after ${budgetMs / 1000} s are written by the next Kadar that opens the catalog.`,
      });
    return issues;
  } finally {
    await pool.destroy();
  }
}
