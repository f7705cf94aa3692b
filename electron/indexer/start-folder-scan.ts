import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { ScanMessage, ScanTask } from './scan-worker';

export interface FolderScan {
  /** Stops the walk at the next folder; a `done` message with complete = false follows. */
  cancel(): void;
}

/**
 * Walks `rootPath` on a thread of its own, handing the main thread what it finds in batches.
 * `onError` is called if the thread itself fails (a bug, or memory), never for unreadable
 * folders, which arrive as `issue` messages. The thread ends with the walk.
 */
export function startFolderScan(
  rootPath: string,
  onMessage: (message: ScanMessage) => void,
  onError: (error: Error) => void,
): FolderScan {
  // piscina, like the file workers, so the TypeScript sources load through tsx in tests.
  const fromSource = import.meta.url.endsWith('.ts');
  const thread = new Piscina({
    filename: fileURLToPath(
      new URL(fromSource ? './scan-worker.ts' : './scan-worker.js', import.meta.url),
    ),
    minThreads: 1,
    maxThreads: 1,
    execArgv: fromSource ? ['--import', 'tsx'] : [],
  });
  const cancelFlag = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (message: ScanMessage) => {
    if (message.type === 'done') port1.close();
    onMessage(message);
  });
  const task: ScanTask = { rootPath, port: port2, cancel: cancelFlag };
  thread
    .run(task, { transferList: [port2] })
    .catch((error: unknown) => {
      port1.close();
      onError(error instanceof Error ? error : new Error(String(error)));
    })
    .finally(() => void thread.destroy());
  return {
    cancel() {
      Atomics.store(new Int32Array(cancelFlag), 0, 1);
    },
  };
}
