import type { Catalog } from '../catalog/open-catalog';
import { claimInterrupted, runningExports } from '../catalog/exports-repo';
import { removeDebris } from './output-folder';
import { processAlive as alive } from '../os/process-alive';

/** Exports this process is running now; any other marked running may have died. */
export const activeExports = new Set<number>();

/**
 * Clears what killed exports left: their hidden folders, and a folder they were replacing put
 * back. Run at start; an export another live process is running is left alone.
 */
export function removeExportDebris(db: Catalog): number {
  let removed = 0;
  for (const e of runningExports(db)) {
    if (activeExports.has(e.id) || (e.pid !== process.pid && alive(e.pid))) continue;
    if (!claimInterrupted(db, e.id, 'Kadar stopped before the export finished.')) continue;
    try {
      if (e.stagingDir) removeDebris(e.stagingDir, e.outDir);
    } catch {
      // A hidden folder that cannot be removed now (a drive gone) stays; nothing of the
      // person's is touched, and the app still starts.
    }
    removed++;
  }
  return removed;
}
