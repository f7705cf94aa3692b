import { MessageChannel } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import type { ScanMessage, ScanTask } from './scan-worker';

export interface FolderScan {
  /** Stops the walk at the next folder; a `done` message with complete = false follows. */
  cancel(): void;
}

/**
 * Walks `rootPath` on the walk's own thread, handing this thread what it finds in batches.
 * `onError` is called if the thread itself fails (a bug, or memory), never for unreadable
 * folders, which arrive as `issue` messages.
 */
export function startFolderScan(
  walker: Piscina,
  rootPath: string,
  onMessage: (message: ScanMessage) => void,
  onError: (error: Error) => void,
): FolderScan {
  const cancelFlag = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (message: ScanMessage) => {
    if (message.type === 'done') port1.close();
    onMessage(message);
  });
  const task: ScanTask = { rootPath, port: port2, cancel: cancelFlag };
  walker.run(task, { transferList: [port2] }).catch((error: unknown) => {
    port1.close();
    onError(error instanceof Error ? error : new Error(String(error)));
  });
  return {
    cancel() {
      Atomics.store(new Int32Array(cancelFlag), 0, 1);
    },
  };
}
