import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';

export type IndexPool = Piscina;

/**
 * The worker threads that read files: one per core by default. From the TypeScript sources
 * (tests) the workers load through tsx; from the bundle, the sibling `index-worker.js`.
 */
export function createIndexPool(
  threads = availableParallelism(),
  { warm = false }: { warm?: boolean } = {},
): IndexPool {
  const fromSource = import.meta.url.endsWith('.ts');
  const filename = fileURLToPath(
    new URL(fromSource ? './index-worker.ts' : './index-worker.js', import.meta.url),
  );
  return new Piscina({
    filename,
    // A warm pool starts every thread now, so loading the decoders overlaps whatever the
    // caller does before the first task (opening the catalog, the first folders of the walk).
    minThreads: warm ? Math.max(1, threads) : 0,
    maxThreads: Math.max(1, threads),
    // Threads left idle this long exit, so an idle desktop app holds no decoder memory.
    idleTimeout: 30_000,
    execArgv: fromSource ? ['--import', 'tsx'] : [],
  });
}
