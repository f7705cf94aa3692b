import sharp from 'sharp';
import { processFile, type FileOutcome, type FileTask } from './process-file';
import { renderImage, type RenderOutcome, type RenderTask } from './render-image';
import {
  readDocument,
  type DocumentOutcome,
  type DocumentTask,
} from '../archive/documents/read-document';

/**
 * The worker-thread side of indexing (a piscina task function). It reads files and renders
 * previews, and reads attached documents; it never opens the catalog, which only the main thread writes.
 */

// One libvips thread per image: the pool already keeps one image per core (plus two) in
// flight, and libvips' own threads on top would put 2 × cores threads on the cores.
sharp.concurrency(1);
// Decoded images are never reused across files: keep memory for the next one.
sharp.cache(false);

export type WorkerTask =
  | { kind: 'file'; file: FileTask }
  | { kind: 'render'; render: RenderTask }
  | { kind: 'document'; document: DocumentTask };

export default async function run(
  task: WorkerTask,
): Promise<FileOutcome | RenderOutcome | DocumentOutcome> {
  if (task.kind === 'render') return renderImage(task.render);
  // pdf.js itself loads on a document's first use: photo-only threads never pay for it.
  if (task.kind === 'document') return readDocument(task.document);
  return processFile(task.file);
}
