import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * The catalog's own copies of attached documents, one folder per content fingerprint holding
 * the file under its original name: people can browse the folder, the same file attached twice
 * is stored once, and an undone removal finds its file still there.
 */
export function storedNameOf(fingerprint: string, fileName: string): string {
  return `${fingerprint}/${fileName}`;
}

/**
 * Whether `name` is a stored document's name as `storedNameOf` makes it: two plain names, so a
 * catalog or an archive file naming `../` cannot make a copy land outside the store.
 */
export function isStoredName(name: string): boolean {
  const parts = name.split('/');
  return (
    parts.length === 2 &&
    parts.every((p) => p !== '' && p !== '.' && p !== '..' && !p.includes('\\')) &&
    !parts[0]!.startsWith('.')
  );
}

/**
 * Copies `source` into the store (unless it is there already), atomically. Returns whether it
 * made a new copy, so an attach that fails later can take back what it added.
 */
export function storeCopy(documentsDir: string, storedName: string, source: string): boolean {
  const target = join(documentsDir, storedName);
  if (existsSync(target)) return false;
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    copyFileSync(source, temp);
    renameSync(temp, target);
    return true;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Writes dropped bytes to a private temporary file, to be read and stored like a picked file. */
export function writeIncoming(documentsDir: string, data: Buffer): string {
  const dir = join(documentsDir, '.incoming');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, randomBytes(8).toString('hex'));
  writeFileSync(path, data);
  return path;
}

/** Takes back copies an attach made before it failed. */
export function unstore(documentsDir: string, storedName: string): void {
  rmSync(join(documentsDir, storedName), { force: true });
}
