import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';

/**
 * The threads that make exported images: one per core, started for an export and left to
 * exit when idle. From the TypeScript sources (tests) they load through tsx; from the bundle,
 * the sibling `export-worker.js`.
 */
export function createExportPool(threads = availableParallelism()): Piscina {
  const fromSource = import.meta.url.endsWith('.ts');
  return new Piscina({
    filename: fileURLToPath(
      new URL(fromSource ? './export-worker.ts' : './export-worker.js', import.meta.url),
    ),
    execArgv: fromSource ? ['--import', 'tsx'] : [],
    idleTimeout: 30_000,
    minThreads: 0,
    maxThreads: Math.max(1, threads),
  });
}
