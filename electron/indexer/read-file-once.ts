import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createFingerprintHash, loadFingerprintHash } from './fingerprint';

/** A file's bytes and their fingerprint, from one read. */
export interface FileBytes {
  bytes: Buffer;
  fingerprint: string;
}

/** The file could not be opened or read; `code` is the system's (ENOENT, EACCES, EIO…). */
export class FileReadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// Read straight into the whole-file buffer, a step at a time, hashing each step while it is
// still in the CPU's cache: measured here on 10 MB photos, 4.8 ms a photo against 6.1 ms when
// each step went through a small buffer first and was copied on (the kernel's copy does not
// get cheaper for the smaller target; the extra copy remains).
const stepBytes = 128 * 1024;
// Whole-file buffers are kept between files, so a 10 MB photo does not cost 10 MB of fresh
// pages (faulted in and zeroed by the kernel) every time; bigger files get their own. A thread
// holds several files at once (see index-pool.ts), each in a buffer of its own.
const keepBytes = 64 * 1024 * 1024;
const keepBuffers = 4;
// A kept buffer is only replaced by a larger file, but one camera's photos vary by a tenth in
// size: each new largest file would fault in a fresh buffer (a third of an index run's page
// faults). A quarter more room than the file needs is only address space until a file fills it.
const roomBytes = (size: number) =>
  size < keepBytes ? Math.min(keepBytes, Math.ceil((size * 1.25) / 2 ** 20) * 2 ** 20) : size;

const spares: Buffer[] = [];

/** The smallest kept buffer that holds `bytes`, no longer kept while it is lent. */
function lend(bytes: number): Buffer | null {
  let best = -1;
  for (let i = 0; i < spares.length; i++)
    if (spares[i]!.length >= bytes && (best < 0 || spares[i]!.length < spares[best]!.length))
      best = i;
  return best < 0 ? null : spares.splice(best, 1)[0]!;
}

/** Keeps `buffer` for a later file; when as many are kept as may be, in place of the smallest. */
function giveBack(buffer: Buffer | null): void {
  if (!buffer || buffer.length > keepBytes) return;
  if (spares.length < keepBuffers) {
    spares.push(buffer);
    return;
  }
  let smallest = 0;
  for (let i = 1; i < spares.length; i++)
    if (spares[i]!.length < spares[smallest]!.length) smallest = i;
  if (spares[smallest]!.length < buffer.length) spares[smallest] = buffer;
}

interface WholeFile {
  whole: Buffer;
  length: number;
  fingerprint: string;
}

function readWhole(path: string): WholeFile {
  const fd = openSync(path, 'r');
  let whole: Buffer | null = null;
  try {
    const size = fstatSync(fd).size;
    // Never a pooled Buffer: this one is written again for a later file.
    whole = lend(size + 1) ?? Buffer.allocUnsafeSlow(roomBytes(size + 1));
    const hash = createFingerprintHash();
    let length = 0;
    for (;;) {
      if (length === whole.length) {
        // The file grew since it was measured: keep reading, into a larger buffer.
        const larger = Buffer.allocUnsafeSlow(whole.length * 2);
        whole.copy(larger, 0, 0, length);
        giveBack(whole);
        whole = larger;
      }
      const n = readSync(fd, whole, length, Math.min(stepBytes, whole.length - length), length);
      if (n === 0) break;
      hash.update(whole.subarray(length, length + n));
      length += n;
    }
    return { whole, length, fingerprint: hash.digest() };
  } catch (error) {
    giveBack(whole);
    throw error;
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the whole file once, fingerprinting it on the way, and hands the bytes to `use`. The
 * bytes are valid only until the promise `use` returns settles: their buffer is reused for a
 * later file, so nothing `use` returns may keep a view of them. Calls that overlap each get a
 * buffer of their own.
 */
export async function readFileOnce<T>(
  path: string,
  use: (file: FileBytes) => Promise<T> | T,
): Promise<T> {
  await loadFingerprintHash();
  let file: WholeFile;
  try {
    file = readWhole(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new FileReadError(code, (error as Error).message);
  }
  try {
    return await use({ bytes: file.whole.subarray(0, file.length), fingerprint: file.fingerprint });
  } finally {
    giveBack(file.whole);
  }
}
