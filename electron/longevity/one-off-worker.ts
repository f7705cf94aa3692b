import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { KadarError, type ApiError } from '../../shared/errors';

/** What a one-off worker's task answers: an Error crossing threads loses its code. */
export type WorkerAnswer<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * Runs one task in a worker thread of its own, for work the API's thread (Electron's main
 * thread, in the app) must not wait through. `worker` is the worker module's URL beside the
 * caller's (`./name`, the caller in the same folder): from the sources (through tsx) its `.ts`,
 * from the bundle (one folder) its `.js`.
 */
export async function runInWorker<T>(callerUrl: string, worker: string, task: unknown): Promise<T> {
  const fromSource = callerUrl.endsWith('.ts');
  const pool = new Piscina({
    filename: fileURLToPath(new URL(`${worker}${fromSource ? '.ts' : '.js'}`, callerUrl)),
    execArgv: fromSource ? ['--import', 'tsx'] : [],
    minThreads: 0,
    maxThreads: 1,
  });
  try {
    const answer = (await pool.run(task)) as WorkerAnswer<T>;
    if (!answer.ok) throw new KadarError(answer.error.code, answer.error.message);
    return answer.value;
  } finally {
    await pool.destroy();
  }
}
