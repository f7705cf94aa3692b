import { isMainThread, workerData } from 'node:worker_threads';

/**
 * libvips keeps one error log for the whole process, and sharp reads and clears it after a
 * failed operation: when two files fail at the same moment on two threads, one error carries
 * the other file's lines, or loses its own. Every decode therefore runs under a shared lock,
 * and the decode that names what is wrong with a file runs again alone, under an exclusive one.
 * The lock lives in shared memory that the pool hands to its threads; it only waits with
 * `Atomics.waitAsync`, so callers on one thread (tests) cannot block each other.
 */

const readers = 0;
const writer = 1;

/** The lock's memory, for `workerData.decoderLock` of every thread in a pool. */
export const createDecoderLockMemory = () => new SharedArrayBuffer(2 * 4);

function lockMemory(): SharedArrayBuffer {
  const given = (workerData as { decoderLock?: unknown } | null)?.decoderLock;
  if (!isMainThread && given instanceof SharedArrayBuffer) return given;
  return createDecoderLockMemory();
}

let state: Int32Array | null = null;
const lock = () => (state ??= new Int32Array(lockMemory()));

async function waitWhile(at: number, value: number): Promise<void> {
  const result = Atomics.waitAsync(lock(), at, value);
  if (result.async) await result.value;
}

/** Runs `work` while no exclusive decode runs; any number of these run at once. */
export async function decodeShared<T>(work: () => Promise<T>): Promise<T> {
  const s = lock();
  for (;;) {
    if (Atomics.load(s, writer) === 0) {
      Atomics.add(s, readers, 1);
      if (Atomics.load(s, writer) === 0) break;
      // An exclusive decode began meanwhile: step back and let it run first.
      if (Atomics.sub(s, readers, 1) === 1) Atomics.notify(s, readers);
    }
    await waitWhile(writer, 1);
  }
  try {
    return await work();
  } finally {
    if (Atomics.sub(s, readers, 1) === 1) Atomics.notify(s, readers);
  }
}

/** Runs `work` with no other decode running in the process. Never call it from inside one. */
export async function decodeAlone<T>(work: () => Promise<T>): Promise<T> {
  const s = lock();
  while (Atomics.compareExchange(s, writer, 0, 1) !== 0) await waitWhile(writer, 1);
  try {
    for (let r = Atomics.load(s, readers); r !== 0; r = Atomics.load(s, readers))
      await waitWhile(readers, r);
    return await work();
  } finally {
    Atomics.store(s, writer, 0);
    Atomics.notify(s, writer);
  }
}
