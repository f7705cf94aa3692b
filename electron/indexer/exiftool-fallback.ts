import { BroadcastChannel, isMainThread, threadId, workerData } from 'node:worker_threads';
import type * as Vendored from 'exiftool-vendored';
import type { ExifTool } from 'exiftool-vendored';

/**
 * exiftool (exiftool-vendored's own copy, run by perl) for the few files exifr cannot read.
 * One exiftool process is started on the first such file, reused for the next, and ended when
 * it has been idle a while, when the index job ends, and when its pool is destroyed; a camera
 * file exifr reads whole never starts it.
 *
 * Index worker threads do not start exiftool themselves: piscina terminates a thread without
 * warning (when idle, when the pool is destroyed), which would leave its perl process running
 * with no one to end it. The thread that owns the pool runs exiftool for all its threads (the
 * "host"), and the threads ask it over a BroadcastChannel named in their workerData. Code that
 * calls the indexer in its own thread (tests, benchmarks) gets a reader in that thread, ended by
 * `endExiftoolFallback()` or, at the latest, when the process exits.
 */

/** What `exiftool -json -n` reports for one file: tag names without groups, numbers as numbers. */
export type ExiftoolTags = Record<string, unknown>;

// By path, the whole file, trailers included. Nothing here imports the mapping of these tags
// (exiftool-metadata.ts, with exifr): the pool's own thread starts the host, and loading exifr
// there cost every index run 132 KB of JavaScript to compile before its threads could start.
const exiftoolReadArgs = ['-n'];

/** How many files this thread has asked exiftool to read (tests check it stays 0 for normal files). */
export const exiftoolFallbackUse = { reads: 0 };

// A perl process left idle this long is ended; the next file starts another.
const idleMs = 10_000;
// A file exiftool has not read this long after it began is given up (a warning, not an
// error). Counted by exiftool-vendored from when the file's turn comes: one process reads the
// files of all threads in turn, and time spent waiting behind a slow one must not count.
const defaultReadTimeoutMs = 60_000;
// A thread waits for its answer this long at most: only against an answer lost on the way
// (the host's own timeout answers a slow file), so it allows for a queue of slow files.
const answerTimeoutMs = 30 * 60_000;

/**
 * exiftool in `-stay_open` mode never ends by itself: when Node goes without ending it (killed,
 * crashed, or a test runner's child process stopped by a signal), it keeps polling its closed
 * input every 10 ms, for ever. So it is started by a few lines of perl that first fork a
 * watchdog: once a second the watchdog checks that Node is still there and ends exiftool when
 * it is not; it ends with exiftool (the pipe between them closes). On Windows
 * exiftool-vendored runs its own exiftool.exe, and this is not used.
 */
const watchdog = `
my $node = getppid();
my $tool = $$;
pipe(my $gone, my $alive);
my $watch = fork();
if (defined $watch && $watch == 0) {
  close $alive;
  open(STDIN, '<', '/dev/null'); open(STDOUT, '>', '/dev/null'); open(STDERR, '>', '/dev/null');
  while (1) {
    my $ready = '';
    vec($ready, fileno($gone), 1) = 1;
    exit 0 if select($ready, undef, undef, 1) > 0;
    unless (kill 0, $node) { kill 'TERM', $tool; exit 0; }
  }
}
close $gone;
my $script = shift @ARGV;
$0 = $script;
do $script;
die $@ if $@;
exit 0;
`;

export interface ExiftoolReader {
  read(path: string): Promise<ExiftoolTags>;
  end(): Promise<void>;
}

/**
 * One exiftool process reading files in turn. `readTimeoutMs` is for tests, which cannot wait
 * the minute a real file gets.
 */
export function createExiftoolReader({
  readTimeoutMs = defaultReadTimeoutMs,
} = {}): ExiftoolReader {
  let tool: Promise<ExifTool> | null = null;
  const start = async () => {
    // A CommonJS package: its exports come as named exports under tsx and Node, and as the
    // default export only once bundled by esbuild.
    const loaded = (await import('exiftool-vendored')) as unknown as typeof Vendored & {
      default?: typeof Vendored;
    };
    const { ExifTool, exiftoolPath } = loaded.default?.ExifTool ? loaded.default : loaded;
    let watched = {};
    if (process.platform !== 'win32') {
      // child_process (and the net and stream modules it brings) loads only for the few
      // files exifr cannot read, not for every index run and file thread.
      const { spawn, spawnSync } = await import('node:child_process');
      // Without perl, spawning exiftool fails with an 'error' event before exiftool-vendored
      // listens for one, which would end the whole process: each such file says so instead.
      if (spawnSync('perl', ['-e', '0'], { stdio: 'ignore' }).error)
        throw new Error('perl, which runs exiftool, was not found on this computer');
      const script = await exiftoolPath();
      watched = {
        processFactory: () => {
          const child = spawn('perl', ['-e', watchdog, script, '-stay_open', 'True', '-@', '-'], {
            stdio: 'pipe',
            env: { ...process.env, LANG: 'C' },
          });
          // Heard at once (exiftool-vendored listens only later): its tasks then fail alone.
          child.once('error', () => undefined);
          return child;
        },
      };
    }
    return new ExifTool({
      ...watched,
      maxProcs: 1,
      maxIdleMsPerProcess: idleMs,
      taskTimeoutMillis: readTimeoutMs,
      // A file that timed out or failed is not read again: it would hold the one process
      // another minute while the other threads' files wait.
      taskRetries: 0,
      // Kadar chooses between dates itself; exiftool-vendored's time-zone guessing is not used.
      backfillTimezones: false,
      geolocation: false,
    });
  };
  return {
    async read(path) {
      const exiftool = await (tool ??= start());
      const tags: ExiftoolTags = {
        ...(await exiftool.readRaw(path, { readArgs: exiftoolReadArgs, useMWG: false })),
      };
      // exiftool answers a file it cannot parse with its Error tag, not a failure.
      if (typeof tags.Error === 'string') throw new Error(tags.Error);
      return tags;
    },
    async end() {
      const ending = tool;
      tool = null;
      // Ending never fails the caller: an exiftool that never started has nothing to end.
      if (ending) await ending.then((exiftool) => exiftool.end()).catch(() => undefined);
    },
  };
}

let local: ExiftoolReader | null = null;

interface Request {
  kind: 'read';
  id: string;
  path: string;
}
interface Reply {
  kind: 'tags';
  id: string;
  tags?: ExiftoolTags;
  error?: string;
}

/** The host side: reads for the worker threads of one pool. */
export interface ExiftoolHost {
  /** The channel name the pool's threads find in their workerData (`exiftoolChannel`). */
  channel: string;
  /** Ends the exiftool process, if one was started; a later request starts a new one. */
  idle(): Promise<void>;
  /** Ends the exiftool process and stops answering. */
  close(): Promise<void>;
}

// Names the channels of the hosts this thread starts: a channel name is shared by the
// process's threads.
let hostsStarted = 0;

export function startExiftoolHost(): ExiftoolHost {
  const name = `kadar-exiftool-${process.pid}-${threadId}-${++hostsStarted}`;
  const channel = new BroadcastChannel(name);
  // The channel alone must not keep the process alive.
  channel.unref();
  let reader: ExiftoolReader | null = null;
  channel.onmessage = (event) => {
    const request = (event as { data?: Request }).data;
    if (request?.kind !== 'read') return;
    const reply = (r: Omit<Reply, 'kind' | 'id'>) =>
      channel.postMessage({ kind: 'tags', id: request.id, ...r } satisfies Reply);
    (reader ??= createExiftoolReader())
      .read(request.path)
      .then((tags) => reply({ tags }))
      .catch((error: unknown) => reply({ error: (error as Error).message ?? String(error) }));
  };
  return {
    channel: name,
    async idle() {
      const ending = reader;
      reader = null;
      await ending?.end();
    },
    async close() {
      channel.close();
      await this.idle();
    },
  };
}

let workerChannel: BroadcastChannel | null = null;
const waiting = new Map<string, { resolve(tags: ExiftoolTags): void; reject(e: Error): void }>();
let requests = 0;

function askHost(name: string, path: string): Promise<ExiftoolTags> {
  if (!workerChannel) {
    workerChannel = new BroadcastChannel(name);
    workerChannel.unref();
    workerChannel.onmessage = (event) => {
      const reply = (event as { data?: Reply }).data;
      if (reply?.kind !== 'tags') return;
      const pending = waiting.get(reply.id);
      if (!pending) return;
      waiting.delete(reply.id);
      if (reply.tags) pending.resolve(reply.tags);
      else pending.reject(new Error(reply.error ?? 'exiftool gave no answer'));
    };
  }
  const id = `${threadId}:${++requests}`;
  return new Promise<ExiftoolTags>((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      reject(new Error(`exiftool did not answer within ${answerTimeoutMs / 60_000} minutes`));
    }, answerTimeoutMs);
    waiting.set(id, {
      resolve: (tags) => {
        clearTimeout(timer);
        resolve(tags);
      },
      reject: (error) => {
        clearTimeout(timer);
        reject(error);
      },
    });
    workerChannel!.postMessage({ kind: 'read', id, path } satisfies Request);
  });
}

/** Every tag exiftool reads in the file at `path` (`exiftool -json -n`). Rejects when it cannot. */
export function readWithExiftool(path: string): Promise<ExiftoolTags> {
  exiftoolFallbackUse.reads++;
  const host = isMainThread
    ? undefined
    : (workerData as { exiftoolChannel?: string } | null)?.exiftoolChannel;
  if (host) return askHost(host, path);
  return (local ??= createExiftoolReader()).read(path);
}

/** Ends this thread's own exiftool process, if it started one (tests, benchmarks). */
export async function endExiftoolFallback(): Promise<void> {
  const ending = local;
  local = null;
  await ending?.end();
}
