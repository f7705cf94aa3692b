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
export async function writeOwedNow(db: Catalog, budgetMs = 10_000): Promise<FileFailure[]> {
  const controller = new AbortController();
  const budget = setTimeout(() => controller.abort(), budgetMs);
  const pool = createSidecarPool();
  try {
    const run = await writeOwedSidecars(db, pool, { signal: controller.signal });
    const issues: FileFailure[] = run.failures.map((f) => ({
      path: f.path,
      code: 'SIDECAR_UNWRITABLE',
      message: `Its XMP sidecar could not be written (${f.message}); the next run tries again.`,
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
        message: `Sidecars still owed after ${budgetMs / 1000} s are written by the next Kadar that opens the catalog.`,
      });
    for (const { path, message } of writeArchiveFiles(db).failed)
      issues.push({ path, code: 'ARCHIVE_FILE_UNWRITABLE', message });
    return issues;
  } finally {
    clearTimeout(budget);
    await pool.destroy();
  }
}
