import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { createDecoderLockMemory } from './decoder-lock';
import { startExiftoolHost } from './exiftool-fallback';

/** The threads an indexing run uses: the folder walk's, and the file readers'. */
export interface IndexPool {
  /** Reads files and renders previews, one file per thread at a time. */
  files: Piscina;
  /** Walks folders; one walk at a time, later ones wait. */
  walker: Piscina;
  /** Ends the exiftool process the file threads' fallback started, if any (see exiftool-fallback.ts). */
  endExiftool?(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * Worker threads by default: one per core, plus one. Each file passes from a worker to
 * libvips' threads and back, and a core waits at every hand-over; with one thread per core
 * the cores sat idle 6 % of the time, and the extra thread made indexing 3 % faster on 2
 * cores (bench:index), for 40–60 MB of memory.
 */
const defaultIndexThreads = () => availableParallelism() + 1;

/**
 * The worker threads that index: the file readers and the folder walk's thread. From the
 * TypeScript sources (tests) they load through tsx; from the bundle, the sibling
 * `index-worker.js` and `scan-worker.js`.
 */
export function createIndexPool(
  threads = defaultIndexThreads(),
  { warm = false }: { warm?: boolean } = {},
): IndexPool {
  const fromSource = import.meta.url.endsWith('.ts');
  const script = (name: string) =>
    fileURLToPath(new URL(fromSource ? `./${name}.ts` : `./${name}.js`, import.meta.url));
  const shared = {
    // Threads left idle this long exit, so an idle desktop app holds no decoder memory.
    idleTimeout: 30_000,
    execArgv: fromSource ? ['--import', 'tsx'] : [],
  };
  // exiftool, for the few files exifr cannot read, runs in this thread for all the file threads:
  // piscina ends a thread without notice, which would leave a perl process of its own behind.
  const exiftool = startExiftoolHost();
  // A warm pool starts every file thread now, so their start-up overlaps whatever the caller
  // does before the first task (loading the catalog's code, opening it).
  const files = new Piscina({
    ...shared,
    filename: script('index-worker'),
    // One lock for the pool's decoders, which share the process's libvips error log.
    workerData: { decoderLock: createDecoderLockMemory(), exiftoolChannel: exiftool.channel },
    minThreads: warm ? Math.max(1, threads) : 0,
    maxThreads: Math.max(1, threads),
  });
  // Always started with the pool: piscina hands a task at once only to the threads it starts
  // with the pool; one started on demand must first report ready to this thread, which is busy
  // loading the catalog's list of known files (0.6 s at 100,000 photos) just after asking
  // for the walk. Started now, the walk runs alongside. It holds no decoders.
  const walker = new Piscina({
    ...shared,
    filename: script('scan-worker'),
    minThreads: 1,
    maxThreads: 1,
  });
  return {
    files,
    walker,
    endExiftool: () => exiftool.idle(),
    async destroy() {
      await Promise.all([files.destroy(), walker.destroy()]);
      await exiftool.close();
    },
  };
}
