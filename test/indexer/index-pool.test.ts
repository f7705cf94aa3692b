import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { copyFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createIndexPool, type IndexPool } from '../../electron/indexer/index-pool';
import type { WorkerTask } from '../../electron/indexer/index-worker';
import type { FileOutcome } from '../../electron/indexer/process-file';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

const photos = join(import.meta.dirname, '..', 'fixtures', 'photos');

function fileTask(path: string, cacheDir: string): WorkerTask {
  const stat = statSync(path);
  return {
    kind: 'file',
    file: {
      absPath: path,
      fileName: basename(path),
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      sidecarPath: null,
      sidecarMtimeMs: null,
      cacheDir,
    },
  };
}

const jpegs = ['Canon_40D.jpg', 'Pentax_K10D.jpg', 'Olympus PEN E-P3.jpg'].map((name) =>
  join(photos, 'cameras', name),
);
const heic = join(photos, 'formats', 'IMG_2682.heic');

afterAll(removeTempDirs);

let pool: IndexPool | null = null;
afterEach(async () => {
  await pool?.destroy();
  pool = null;
});

describe('the index pool', () => {
  it('gives three files at once to one thread, none of them waiting in a queue', async () => {
    pool = createIndexPool(3, { warm: true });
    const cacheDir = tempDir();
    expect(pool.filesAtOnce).toBe(3);
    // The first file waits for the thread to start; the three after find it ready.
    await pool.run(fileTask(jpegs[0]!, cacheDir));
    const running = jpegs.map((path) => pool!.run(fileTask(path, cacheDir)));
    await new Promise((resolve) => setImmediate(resolve));
    // A task piscina may abort runs alone on its thread: the others would wait here.
    expect(pool.files.queueSize).toBe(0);
    const outcomes = (await Promise.all(running)) as FileOutcome[];
    expect(outcomes.map((o) => o.fields.errorCode)).toEqual([null, null, null]);
    expect(pool.files.threads.length).toBe(1);
    expect(pool.scripted.threads.length).toBe(0);
  });

  it('gives more cores more threads, each with a few files', () => {
    pool = createIndexPool(9);
    expect(pool.files.options.maxThreads).toBe(3);
    expect(pool.files.options.concurrentTasksPerWorker).toBe(3);
  });

  it('renders a HEIF preview on those threads by the format the catalog read, whatever its name', async () => {
    pool = createIndexPool(3);
    const dir = tempDir();
    const named = join(dir, 'IMG_2682.jpg');
    copyFileSync(heic, named);
    const task: WorkerTask = {
      kind: 'render',
      render: {
        absPath: named,
        fileName: 'IMG_2682.jpg',
        format: 'heif',
        // Not the file's: the thread reads the file and writes nothing to the cache.
        fingerprint: 'stale',
        cacheDir: dir,
        kind: 'previews',
      },
    };
    await pool.run(task);
    expect(pool.scripted.completed).toBe(1);
    expect(pool.files.completed).toBe(0);
  });

  it('decodes HEIF, whose decoder runs on the thread itself, on threads of their own', async () => {
    pool = createIndexPool(3);
    const outcome = (await pool.run(fileTask(heic, tempDir()))) as FileOutcome;
    expect(outcome.fields.errorCode).toBeNull();
    expect(outcome.fields.width).toBeGreaterThan(0);
    expect(pool.scripted.completed).toBe(1);
    expect(pool.files.completed).toBe(0);
  });
});
