import type { MessagePort } from 'node:worker_threads';
import { scanFolder, type ScanIssue, type ScannedFile } from './scan-folder';

/**
 * The folder walk's own thread (a piscina task function). It imports only the walk, not the
 * decoders, so a rescan starts listing folders as soon as the thread is up, and the file
 * workers load only when a file needs reading.
 */

export interface ScanTask {
  rootPath: string;
  port: MessagePort;
  /** Int32 flag the main thread sets to 1 to stop the walk between folders. */
  cancel: SharedArrayBuffer;
}

export type ScanMessage =
  | { type: 'files'; files: ScannedFile[] }
  | { type: 'issue'; issue: ScanIssue }
  | { type: 'done'; complete: boolean };

const batchSize = 500;

export default function scan({ rootPath, port, cancel }: ScanTask): void {
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
