import { availableParallelism } from 'node:os';

/**
 * Sizes libuv's thread pool, which runs sharp's decoding as well as file I/O: its size (4
 * unless set) caps how many photos the whole process decodes at once, whatever the file
 * threads. libuv reads it once, when the pool is first used, and an ES module entry has used
 * it by then (Node's loader reads modules through it), so each entry point is a CommonJS file
 * that calls this before loading the program. A size someone set is kept.
 */
export function sizeThreadPool(
  env: NodeJS.ProcessEnv = process.env,
  cores = availableParallelism(),
) {
  // The files an index run decodes at once (one per core, plus two), and room beside them
  // for file reads and writes.
  if (!env.UV_THREADPOOL_SIZE) env.UV_THREADPOOL_SIZE = String(cores + 6);
}

/**
 * What each CommonJS entry point does: sizes the pool, then loads the ES module program
 * (`load` imports it, by a name the bundler leaves alone).
 */
export function sizeThreadPoolThenLoad(load: () => Promise<unknown>): void {
  sizeThreadPool();
  load().catch((error: unknown) => {
    process.stderr.write(`kadar: ${String(error)}\n`);
    process.exit(1);
  });
}
