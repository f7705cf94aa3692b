import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeAlone, decodeShared } from '../../electron/indexer/decoder-lock';
import { fixtureSets } from '../helpers/fixtures';
import { processPath } from '../helpers/process-path';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';
import { openTestLibrary } from '../helpers/test-library';

afterAll(removeTempDirs);

describe('the decoder lock', () => {
  it('runs shared decodes together, and an exclusive one with nothing else running', async () => {
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`${name} start`);
      await sleep(ms);
      log.push(`${name} end`);
    };
    const first = decodeShared(task('a', 30));
    const second = decodeShared(task('b', 30));
    await sleep(5);
    const alone = decodeAlone(task('alone', 10));
    await sleep(5);
    // Asked for after the exclusive decode: waits for it to end.
    const late = decodeShared(task('late', 5));
    await Promise.all([first, second, alone, late]);
    expect(log).toEqual([
      'a start',
      'b start',
      'a end',
      'b end',
      'alone start',
      'alone end',
      'late start',
      'late end',
    ]);
  });

  it('is released when the work fails', async () => {
    await expect(decodeAlone(() => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    await expect(decodeShared(() => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    expect(await decodeAlone(() => Promise.resolve('free'))).toBe('free');
  });
});

describe('broken files read by several worker threads at once', () => {
  for (const set of fixtureSets()) {
    it(`keep their own error messages (${set.name} fixtures)`, async () => {
      const broken = join(set.dir, 'broken');
      const library = openTestLibrary();
      try {
        await library.index([broken]);
        const rows = library.db
          .prepare('SELECT rel_path AS relPath, error FROM photos WHERE error IS NOT NULL')
          .all() as { relPath: string; error: string }[];
        expect(rows.length).toBeGreaterThan(3);
        // One file at a time on this thread: nothing else can write into libvips' error log.
        const cacheDir = tempDir();
        for (const row of rows) {
          const alone = await processPath(join(broken, row.relPath), cacheDir);
          expect({ file: row.relPath, error: row.error }).toEqual({
            file: row.relPath,
            error: alone.fields.error,
          });
        }
      } finally {
        await library.close();
      }
    });
  }
});
