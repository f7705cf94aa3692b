import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { createDecoderLockMemory } from './decoder-lock';
import { startExiftoolHost } from './exiftool-fallback';
import type { WorkerTask } from './index-worker';

/** The threads an indexing run uses: the folder walk's, and the file readers'. */
export interface IndexPool {
  /**
   * Reads a file, renders a preview or reads a document on the threads suited to it. Not
   * abortable: piscina runs an abortable task alone on its thread, which would leave a `files`
   * thread's other files waiting, and aborting kills the thread, which can leave the decoder
   * lock held by a decode that never ends (decoder-lock.ts). A cancelled run stops handing out
   * files instead, and waits for those being read.
   */
  run(task: WorkerTask): Promise<unknown>;
  /** How many files an index run keeps in the threads' hands at once (`--threads`). */
  filesAtOnce: number;
  /** The threads for files libvips decodes: each has several files at once. */
  files: Piscina;
  /** The threads for files decoded in JavaScript or WebAssembly: one file each at a time. */
  scripted: Piscina;
  /** Walks folders; one walk at a time, later ones wait. */
  walker: Piscina;
  /** Ends the exiftool process the file threads' fallback started, if any (see exiftool-fallback.ts). */
  endExiftool?(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * Files read at once by default: one per core, plus two. Each file passes from JavaScript to
 * libvips' threads and back, and a core waits at every hand-over: on 2 cores, two files at
 * once indexed 5 % slower than three (bench:index's photos, three rounds), and three about
 * 1 % slower than four (three rounds of 4–6 runs, no overlap); five or six were no better than
 * three, as they take a second thread.
 */
const defaultFilesAtOnce = () => availableParallelism() + 2;

/**
 * Files one JavaScript thread keeps in libvips' hands. Its own share of a camera JPEG (read,
 * fingerprint, metadata) is about 8 ms, half of it the kernel's copy of the file, against the
 * 110 ms the decoding takes in libvips' threads, so one thread keeps several cores busy; each
 * thread more costs its start (70 ms of CPU, with sharp and exifr to compile) and warms its
 * own copy of the code. On 2 cores, one thread with three files indexed 3–4 % faster, in
 * 3–4 % less CPU, than three threads with one each (bench:index:compare).
 */
const filesPerThread = 4;

// Pixels these decoders make on the worker's own thread (HEVC-coded HEIF through
// WebAssembly, PDF pages through pdf.js), not in libvips': such files go one to a thread.
// An index run knows a file only by its name until a thread reads it: a HEIF named .jpg is
// decoded on a `files` thread, correctly, holding up that thread's other files meanwhile.
const heifName = /\.(heic|heif|hif)$/i;
const decodedInScript = (task: WorkerTask) =>
  task.kind === 'document' ||
  (task.kind === 'render'
    ? task.render.format === 'heif' || heifName.test(task.render.fileName)
    : heifName.test(task.file.fileName));

/**
 * The worker threads that index: the file readers and the folder walk's thread. From the
 * TypeScript sources (tests) they load through tsx; from the bundle, the sibling
 * `index-worker.js` and `scan-worker.js`.
 */
export function createIndexPool(
  filesAtOnce = defaultFilesAtOnce(),
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
  const readers = {
    ...shared,
    filename: script('index-worker'),
    // One lock for all decoders, which share the process's libvips error log.
    workerData: { decoderLock: createDecoderLockMemory(), exiftoolChannel: exiftool.channel },
  };
  const atOnce = Math.max(1, filesAtOnce);
  const threads = Math.ceil(atOnce / filesPerThread);
  // A warm pool starts its threads now, so their start-up overlaps whatever the caller does
  // before the first task (loading the catalog's code, opening it).
  const files = new Piscina({
    ...readers,
    minThreads: warm ? threads : 0,
    maxThreads: threads,
    concurrentTasksPerWorker: Math.ceil(atOnce / threads),
  });
  // Started by the first such file: most folders have none.
  const scripted = new Piscina({
    ...readers,
    minThreads: 0,
    maxThreads: Math.min(atOnce, availableParallelism()),
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
    run: (task) => (decodedInScript(task) ? scripted : files).run(task),
    filesAtOnce: atOnce,
    files,
    scripted,
    walker,
    endExiftool: () => exiftool.idle(),
    async destroy() {
      await Promise.all([files.destroy(), scripted.destroy(), walker.destroy()]);
      await exiftool.close();
    },
  };
}
