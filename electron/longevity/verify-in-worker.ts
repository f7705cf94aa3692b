import type { RowCounts } from './catalog-backup';
import { runInWorker } from './one-off-worker';

/** `verifyBackup` in a worker thread. */
export function verifyInWorker(file: string, expected?: RowCounts): Promise<RowCounts> {
  return runInWorker(import.meta.url, './verify-worker', {
    file,
    ...(expected ? { expected } : {}),
  });
}

/** `copyBackupForRestore` in a worker thread. */
export function copyForRestoreInWorker(file: string, copyTo: string): Promise<RowCounts> {
  return runInWorker(import.meta.url, './verify-worker', { file, copyTo });
}
