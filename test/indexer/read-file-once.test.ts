import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import xxhash from 'xxhash-wasm';
import { FileReadError, readFileOnce } from '../../electron/indexer/read-file-once';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

afterAll(removeTempDirs);

// The one-shot hash, not the chunked one readFileOnce feeds.
const oneShot = await xxhash();
const xxh64 = (b: Buffer) => oneShot.h64Raw(b).toString(16).padStart(16, '0');

/** Files of different sizes and contents, around and across the 128 KB read chunks. */
function makeFiles(dir: string): string[] {
  const sizes = [1, 1000, 128 * 1024, 128 * 1024 + 1, 3 * 1024 * 1024 + 17, 200 * 1024];
  return sizes.map((size, i) => {
    const bytes = Buffer.alloc(size);
    for (let j = 0; j < size; j++) bytes[j] = (j * 31 + i * 7) & 0xff;
    const path = join(dir, `file-${i}.bin`);
    writeFileSync(path, bytes);
    return path;
  });
}

describe('readFileOnce', () => {
  const dir = tempDir();
  const files = makeFiles(dir);
  const photo = (name: string, size: number) => {
    const path = join(dir, name);
    writeFileSync(path, Buffer.alloc(size, 7));
    return path;
  };
  /** The memory a read of `path` lends its bytes. */
  const memory = (path: string) => readFileOnce(path, ({ bytes }) => bytes.buffer);

  it('hands over every byte and the XXH64 fingerprint of them, file after file', async () => {
    // Growing and shrinking sizes, so the kept buffer is reused and replaced.
    for (const path of [...files, ...files.reverse()]) {
      const expected = readFileSync(path);
      const seen = await readFileOnce(path, ({ bytes, fingerprint }) => ({
        equal: bytes.equals(expected),
        fingerprint,
      }));
      expect(seen).toEqual({ equal: true, fingerprint: xxh64(expected) });
    }
  });

  it('makes the published XXH64 of known inputs', async () => {
    const abc = join(dir, 'abc.txt');
    writeFileSync(abc, 'abc');
    expect(await readFileOnce(abc, ({ fingerprint }) => fingerprint)).toBe('44bc2cf5ad770999');
  });

  it('gives calls that overlap buffers of their own', async () => {
    const results = await Promise.all(
      files.map((path, i) =>
        readFileOnce(path, async ({ bytes }) => {
          // Other reads happen while this one still holds its bytes.
          await sleep(5 * (files.length - i));
          return bytes.equals(readFileSync(path));
        }),
      ),
    );
    expect(results).toEqual(files.map(() => true));
  });

  it('reads the next file into the buffer of the last, with room for one a tenth larger', async () => {
    const first = photo('first.jpg', 10_000_000);
    const larger = photo('larger.jpg', 11_000_000);
    // Three at once, as one thread holds them: each has its own buffer, and all are kept.
    const three = await Promise.all([memory(first), memory(first), memory(first)]);
    expect(new Set(three).size).toBe(3);
    const again = await Promise.all([memory(first), memory(first), memory(first)]);
    expect(new Set(again)).toEqual(new Set(three));
    expect(three).toContain(await memory(larger));
  });

  it('keeps its buffers past a file too large to keep', async () => {
    const small = photo('small.jpg', 10_000_000);
    const huge = photo('huge.tif', 70 * 1024 * 1024);
    const three = () => Promise.all([memory(small), memory(small), memory(small)]);
    const before = await three();
    const hugeMemory = await memory(huge);
    const after = await three();
    // Compared by identity, not printed: a failure would print megabytes.
    expect(before.includes(hugeMemory)).toBe(false);
    expect(after.every((m) => before.includes(m))).toBe(true);
  });

  it('reads an empty file as no bytes', async () => {
    const path = join(dir, 'empty.bin');
    writeFileSync(path, '');
    const seen = await readFileOnce(path, ({ bytes, fingerprint }) => [bytes.length, fingerprint]);
    // XXH64 of nothing, as the algorithm's authors publish it.
    expect(seen).toEqual([0, 'ef46db3751d8e999']);
  });

  it('says why a file cannot be read, without calling the reader', async () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    let called = false;
    const use = () => {
      called = true;
    };
    await expect(readFileOnce(join(dir, 'gone.jpg'), use)).rejects.toMatchObject({
      constructor: FileReadError,
      code: 'ENOENT',
    });
    await expect(readFileOnce(folder, use)).rejects.toMatchObject({
      constructor: FileReadError,
      code: 'EISDIR',
    });
    expect(called).toBe(false);
  });

  it('passes on what the reader throws, and reads on afterwards', async () => {
    await expect(
      readFileOnce(files[0]!, () => {
        throw new Error('a bug in the reader');
      }),
    ).rejects.toThrow('a bug in the reader');
    const again = await readFileOnce(files[4]!, ({ bytes }) =>
      bytes.equals(readFileSync(files[4]!)),
    );
    expect(again).toBe(true);
  });
});
