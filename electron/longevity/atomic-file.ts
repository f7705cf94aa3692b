import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The temporary name `writeFileAtomically` writes under: hidden, and no reader's extension. */
export const atomicTmpPattern = /^\.(.+)\.kadar-(\d+)\.tmp$/;

/**
 * Writes `text` to a hidden temporary file beside `path`, flushes it to disk and renames it
 * over `path`: a reader (or a crash) sees the old file or the new one, never half of one.
 */
export function writeFileAtomically(
  path: string,
  text: string,
  options: { syncFolder?: boolean } = {},
): void {
  const tmp = join(dirname(path), `.${basename(path)}.kadar-${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  // A writer of many files in one folder syncs it once, after the last (`syncFolder`).
  if (options.syncFolder ?? true) syncFolder(dirname(path));
}

/** The folder's entries (a rename), on the disk, where the system lets a folder be flushed. */
export function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder to flush it; the rename is as durable as it makes it.
  }
}
