import { closeSync, existsSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isKadarCatalogFile } from './catalog-backup';
import { sqliteSideFiles } from './sqlite-side-files';
import { sameFile } from '../os/same-file';
import { archiveFormat } from './archive/archive-schema';
import { KadarError } from '../../shared/errors';

export type OutputKind = 'archive' | 'backup';

// Windows' and macOS's usual file systems take a name in any letter case as the same file.
const sameName = (a: string, b: string) =>
  process.platform === 'linux' ? a === b : a.toLowerCase() === b.toLowerCase();

const realPath = (path: string): string => {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
};

/** The first `bytes` of a file, or null when it cannot be read. */
function readHead(path: string, bytes: number): Buffer | null {
  const head = Buffer.alloc(bytes);
  try {
    const fd = openSync(path, 'r');
    try {
      return head.subarray(0, readSync(fd, head, 0, bytes, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

/** The first bytes of an archive file as Kadar writes it: `{ "format": "kadar-archive", …`. */
function isArchiveFile(path: string): boolean {
  const head = readHead(path, 256);
  return (
    head != null &&
    new RegExp(`^\\s*\\{\\s*"format"\\s*:\\s*"${archiveFormat}"`).test(head.toString('utf8'))
  );
}

/**
 * A backup Kadar wrote: a Kadar catalog in rollback-journal mode with no journal beside it. A
 * catalog in use is in WAL mode (byte 18 of its header is 2) or has a log beside it; renamed
 * over, its log would be replayed into the backup.
 */
function isKadarBackup(path: string): boolean {
  if (['-wal', '-journal'].some((suffix) => existsSync(`${path}${suffix}`))) return false;
  const header = readHead(path, 20);
  if (header == null || header.length < 20 || header[18] === 2) return false;
  return isKadarCatalogFile(path);
}

/**
 * Where an archive export or a backup asked for by name (`field`) may be written: a new file,
 * or one of Kadar's own of that kind, which it replaces. A photo, a document, the catalog or its
 * journals, anything else already at that name is refused: a mistyped path must not cost a
 * person a file. Returns the target as an absolute path.
 */
export function checkOutputTarget(
  path: string,
  catalogPath: string,
  kind: OutputKind,
  field: string,
): string {
  const target = resolve(path);
  const dir = dirname(target);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    throw new KadarError('FOLDER_NOT_FOUND', `${field}: the folder ${dir} does not exist.`);
  const real = join(realPath(dir), basename(target));
  const catalog = realPath(resolve(catalogPath));
  if (['', ...sqliteSideFiles].some((suffix) => sameName(real, `${catalog}${suffix}`)))
    throw new KadarError('INVALID_INPUT', `${field}: that is the catalog itself.`);
  const there = statSync(target, { throwIfNoEntry: false });
  if (!there) return target;
  if (there.isDirectory())
    throw new KadarError('INVALID_INPUT', `${field}: ${target} is a folder; give a file name.`);
  if (sameFile(target, catalogPath))
    throw new KadarError('INVALID_INPUT', `${field}: that is the catalog itself.`);
  const own = kind === 'archive' ? isArchiveFile(target) : isKadarBackup(target);
  if (!own)
    throw new KadarError(
      'INVALID_INPUT',
      `${field}: ${target} is already there and is not a Kadar ${kind === 'archive' ? 'archive file' : 'backup'}; Kadar replaces only its own. Give another name.`,
    );
  return target;
}
