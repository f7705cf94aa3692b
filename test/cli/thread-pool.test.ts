import { execFileSync, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sizeThreadPool } from '../../electron/launch/thread-pool-size';
import { cliPath } from '../helpers/run-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

afterAll(removeTempDirs);

/**
 * Runs `node -e` that loads the built `kadar` command as its bin does (here running `stats`),
 * then holds as many of libuv's pool threads as an index run decodes files at once plus three,
 * each blocked opening a FIFO nobody writes to, and asks for one more file operation: it
 * finishes only if the pool has a thread left.
 */
function poolHasRoomInKadar(env: NodeJS.ProcessEnv): string {
  const dir = tempDir();
  const blockers = availableParallelism() + 5;
  const fifos = Array.from({ length: blockers }, (_, i) => join(dir, `fifo-${i}`));
  execFileSync('mkfifo', fifos);
  const probe = `
    process.argv = [process.execPath, ${JSON.stringify(cliPath)}, '--catalog', ${JSON.stringify(join(dir, 'c.sqlite'))}, 'stats', '--json'];
    require(${JSON.stringify(cliPath)});
    const { open, openSync, stat } = require('node:fs');
    const fifos = ${JSON.stringify(fifos)};
    for (const fifo of fifos) open(fifo, 'r', () => {});
    // Opening the other end, and keeping it open, lets every held or waiting open through, so
    // that libuv's threads can end with the process.
    const answer = (what) => {
      for (const fifo of fifos) openSync(fifo, 'r+');
      process.stdout.write(what);
      process.exit(0);
    };
    const full = setTimeout(() => answer('full'), 2000);
    stat(${JSON.stringify(dir)}, () => {
      clearTimeout(full);
      answer('room');
    });`;
  const run = spawnSync(process.execPath, ['-e', probe], {
    env,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return run.stdout.slice(-4);
}

describe("the kadar command's thread pool", () => {
  it('has a thread for every file an index run decodes at once, and for file reads beside them', () => {
    const env = { ...process.env };
    delete env.UV_THREADPOOL_SIZE;
    expect(poolHasRoomInKadar(env)).toBe('room');
    // The same probe with the pool at libuv's default size, what a program loaded as an ES
    // module gets: every thread is taken.
    expect(poolHasRoomInKadar({ ...env, UV_THREADPOOL_SIZE: '4' })).toBe('full');
  });

  it('keeps a size someone set, and sets one where it is empty', () => {
    const env: NodeJS.ProcessEnv = { UV_THREADPOOL_SIZE: '2' };
    sizeThreadPool(env, 16);
    expect(env.UV_THREADPOOL_SIZE).toBe('2');
    const empty: NodeJS.ProcessEnv = { UV_THREADPOOL_SIZE: '' };
    sizeThreadPool(empty, 16);
    expect(empty.UV_THREADPOOL_SIZE).toBe('22');
    const unset: NodeJS.ProcessEnv = {};
    sizeThreadPool(unset, 16);
    expect(unset.UV_THREADPOOL_SIZE).toBe('22');
  });
});
