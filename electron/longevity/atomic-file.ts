import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { processAlive } from '../os/process-alive';
import { sqliteSideFiles } from './sqlite-side-files';

// The machine is in the name as well as the process: a library folder on a network share may be
// written by Kadar on two computers, and a process id says nothing about another machine's.
// Its name is hashed, to a few characters whatever its length (a photo's name may be long
// already). Two computers with the same name are one to this.
const thisHost = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);

/** The temporary name `writeFileAtomically` writes under: hidden, and no reader's extension. */
const atomicTmpPattern = /^\.(.+)\.kadar-([0-9a-f]{8})-(\d+)(?:-\d+)?\.tmp$/;

// Another machine's temporary file this old is a write that died there (none takes a minute).
const foreignDebrisMs = 24 * 60 * 60 * 1000;

/** Whether `name` is a temporary file of `writeFileAtomically`'s kind, whoever writes it. */
export const isWritersTemp = (name: string) => atomicTmpPattern.test(name);

/**
 * The temporary name of a file called `name` while process `pid` of this machine writes it;
 * a worker thread's has its thread's number too (two threads may write one file at once).
 */
export const atomicTmpName = (name: string, pid = process.pid, thread = threadId) =>
  `.${name}.kadar-${thisHost}-${pid}${thread ? `-${thread}` : ''}.tmp`;

/**
 * Whether `name` in `dir` is a temporary file a writer left when it died (a kill, a power cut):
 * never read, and safe to remove. One of this machine's is debris when its process is gone;
 * another machine's, once it is a day old.
 */
export function isDeadWritersTemp(dir: string, name: string): boolean {
  const m = atomicTmpPattern.exec(name);
  if (!m) return false;
  if (m[2] === thisHost) return !processAlive(Number(m[3]));
  try {
    return Date.now() - statSync(join(dir, name)).mtimeMs > foreignDebrisMs;
  } catch {
    return false;
  }
}

/** A SQLite side file's name without its suffix: the database's. */
const withoutSideSuffix = (name: string) => {
  const suffix = sqliteSideFiles.find((s) => name.endsWith(s));
  return suffix ? name.slice(0, -suffix.length) : name;
};

/**
 * Removes from `dir` what writers left when they died (see `isDeadWritersTemp`), with the
 * journal SQLite keeps beside a database written under such a name. `names`: the folder's
 * entries, when the caller has read them already.
 */
export function removeDeadWritersTemps(dir: string, names?: readonly string[]): void {
  let entries = names;
  if (!entries) {
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
  }
  for (const name of entries)
    if (isDeadWritersTemp(dir, withoutSideSuffix(name))) rmSync(join(dir, name), { force: true });
}

/**
 * Writes `text` to a hidden temporary file beside `path`, flushes it to disk and renames it
 * over `path`: a reader (or a crash) sees the old file or the new one, never half of one.
 */
export function writeFileAtomically(
  path: string,
  text: string,
  options: { syncFolder?: boolean } = {},
): void {
  const tmp = join(dirname(path), atomicTmpName(basename(path)));
  try {
    const fd = openSync(tmp, 'w');
    try {
      // writeFileSync writes until every byte is out: one writeSync may write part of the text
      // (a nearly full disk, a file size limit) without an error, and the part would be renamed
      // over a whole file.
      writeFileSync(fd, text);
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

/**
 * A file's bytes, on the disk. Opened for writing where it may be (Windows refuses to flush a
 * read-only handle); a read-only file (a copy keeps its source's mode) is flushed through a
 * read-only handle, which other systems allow.
 */
export function fsyncFile(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, 'r+');
  } catch (error) {
    if (!writingRefused(error)) throw error;
    fd = openSync(file, 'r');
  }
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** `fsyncFile` without holding the thread (a large file on a slow drive takes a while). */
export async function fsyncFileAsync(file: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r+');
  } catch (error) {
    if (!writingRefused(error)) throw error;
    handle = await open(file, 'r');
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const writingRefused = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM';
};

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

/**
 * Removes a file Kadar was writing, if it can: a failure here (a drive pulled out, a file
 * another program holds) must not hide why the writing stopped. The next writer there tries again.
 */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Left for the next writer into that folder.
  }
}
