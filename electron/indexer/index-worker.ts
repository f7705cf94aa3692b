import type { MessagePort } from 'node:worker_threads';
import sharp from 'sharp';
import { processFile, type FileOutcome, type FileTask } from './process-file';
import { renderImage, type RenderOutcome, type RenderTask } from './render-image';
import { scanFolder, type ScanIssue, type ScannedFile } from './scan-folder';

/**
 * The worker-thread side of indexing (a piscina task function). It reads files and walks
 * folders; it never opens the catalog, which only the main thread writes.
 */

// Each worker thread decodes one image at a time; libvips' own thread pool would otherwise
// put 2 × cores threads on 2 cores and slow both down.
sharp.concurrency(1);
// Decoded images are never reused across files: keep memory for the next one.
sharp.cache(false);

export type WorkerTask =
  | { kind: 'file'; file: FileTask }
  | { kind: 'render'; render: RenderTask }
  | {
      kind: 'scan';
      rootPath: string;
      port: MessagePort;
      /** Int32 flag the main thread sets to 1 to stop the walk between folders. */
      cancel: SharedArrayBuffer;
    };

export type ScanMessage =
  | { type: 'files'; files: ScannedFile[] }
  | { type: 'issue'; issue: ScanIssue }
  | { type: 'done'; complete: boolean };

const batchSize = 500;

function scan(rootPath: string, port: MessagePort, cancel: SharedArrayBuffer): void {
  const flag = new Int32Array(cancel);
  const cancelled = () => Atomics.load(flag, 0) === 1;
  let batch: ScannedFile[] = [];
  const flush = () => {
    if (batch.length) port.postMessage({ type: 'files', files: batch } satisfies ScanMessage);
    batch = [];
  };
  scanFolder(rootPath, {
    file(entry) {
      batch.push(entry);
      if (batch.length >= batchSize) flush();
    },
    issue(issue) {
      port.postMessage({ type: 'issue', issue } satisfies ScanMessage);
    },
    cancelled,
  });
  flush();
  port.postMessage({ type: 'done', complete: !cancelled() } satisfies ScanMessage);
}

export default async function run(task: WorkerTask): Promise<FileOutcome | RenderOutcome | null> {
  if (task.kind === 'scan') {
    scan(task.rootPath, task.port, task.cancel);
    return null;
  }
  if (task.kind === 'render') return renderImage(task.render);
  return processFile(task.file);
}
