import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { FolderTask, SidecarOutcome } from './write-sidecars';

export interface SidecarPool {
  run(task: FolderTask): Promise<SidecarOutcome[]>;
  destroy(): Promise<void>;
}

/**
 * One thread writes sidecars: the work is small files, and a second would only compete with
 * indexing for the disk. It exits when idle. From the sources (tests) it loads through tsx;
 * from the bundle, the sibling `sidecar-worker.js`.
 */
export function createSidecarPool(): SidecarPool {
  const fromSource = import.meta.url.endsWith('.ts');
  const pool = new Piscina({
    filename: fileURLToPath(
      new URL(fromSource ? './sidecar-worker.ts' : './sidecar-worker.js', import.meta.url),
    ),
    execArgv: fromSource ? ['--import', 'tsx'] : [],
    idleTimeout: 10_000,
    minThreads: 0,
    maxThreads: 1,
  });
  return {
    run: (task) => pool.run(task) as Promise<SidecarOutcome[]>,
    destroy: () => pool.destroy(),
  };
}
