import sharp from 'sharp';
import { renderExport, type RenderExportResult, type RenderExportTask } from './render-export';

/**
 * The worker-thread side of an export (a piscina task function): one image per thread at a
 * time. It never opens the catalog.
 */

// One libvips thread per worker: the pool has a thread per core already.
sharp.concurrency(1);
// Each original is decoded once; caching it would only hold memory.
sharp.cache(false);

export default function run(task: RenderExportTask): Promise<RenderExportResult> {
  return renderExport(task);
}
