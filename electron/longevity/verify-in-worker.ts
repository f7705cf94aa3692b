import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { KadarError } from '../../shared/errors';
import type { RowCounts } from './catalog-backup';
import type { VerifyAnswer, VerifyTask } from './verify-worker';

/** `verifyBackup` in a worker thread; from the sources through tsx, from the bundle its sibling. */
export function verifyInWorker(file: string, expected?: RowCounts): Promise<RowCounts> {
  return inWorker({ file, ...(expected ? { expected } : {}) });
}

/** `copyBackupForRestore` in a worker thread. */
export function copyForRestoreInWorker(file: string, copyTo: string): Promise<RowCounts> {
  return inWorker({ file, copyTo });
}

async function inWorker(task: VerifyTask): Promise<RowCounts> {
  const fromSource = import.meta.url.endsWith('.ts');
  const pool = new Piscina({
    filename: fileURLToPath(
      new URL(fromSource ? './verify-worker.ts' : './verify-worker.js', import.meta.url),
    ),
    execArgv: fromSource ? ['--import', 'tsx'] : [],
    minThreads: 0,
    maxThreads: 1,
  });
  try {
    const answer = (await pool.run(task)) as VerifyAnswer;
    if (!answer.ok) throw new KadarError(answer.error.code, answer.error.message);
    return answer.counts;
  } finally {
    await pool.destroy();
  }
}
