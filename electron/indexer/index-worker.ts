import sharp from 'sharp';
import { processFile, type FileOutcome, type FileTask } from './process-file';
import { renderImage, type RenderOutcome, type RenderTask } from './render-image';

/**
 * The worker-thread side of indexing (a piscina task function). It reads files and renders
 * previews; it never opens the catalog, which only the main thread writes.
 */

// Each worker thread decodes one image at a time; libvips' own thread pool would otherwise
// put 2 × cores threads on 2 cores and slow both down.
sharp.concurrency(1);
// Decoded images are never reused across files: keep memory for the next one.
sharp.cache(false);

export type WorkerTask = { kind: 'file'; file: FileTask } | { kind: 'render'; render: RenderTask };

export default async function run(task: WorkerTask): Promise<FileOutcome | RenderOutcome> {
  if (task.kind === 'render') return renderImage(task.render);
  return processFile(task.file);
}
