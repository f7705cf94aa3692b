import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { documentsDirFor } from '../catalog/default-paths';
import { atomicTmpName } from './atomic-file';
import { fsyncFile } from './catalog-backup';

/**
 * The documents people attached as copies live in the catalog's documents folder, not in the
 * catalog: a backup of the catalog alone, restored after the drive they were on failed, would
 * name files that are gone. So the second drive also holds the documents, in this folder beside
 * its backups, and a restore from a backup folder that has one brings back any the catalog's
 * documents folder lacks.
 */
export const mirroredDocumentsName = 'kadar-documents';

/** Files under `dir` (relative paths), leaving out what is not a stored document. */
function storedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && !/\.tmp$/.test(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((path) => !path.startsWith('.incoming'));
}

/**
 * Copies into `to` every stored document of `from` that `to` lacks, each under a hidden name
 * and flushed before it takes its own. Never removes or replaces one: the store is named by
 * content, and an undone removal finds its file again. Returns how many it copied.
 */
export function mirrorDocuments(from: string, to: string): number {
  let copied = 0;
  for (const path of storedFiles(from)) {
    const target = join(to, path);
    if (existsSync(target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    const temp = join(dirname(target), atomicTmpName(basename(target)));
    try {
      copyFileSync(join(from, path), temp);
      fsyncFile(temp);
      renameSync(temp, target);
      copied++;
    } finally {
      rmSync(temp, { force: true });
    }
  }
  return copied;
}

/** After the day's backup is copied to the second folder: the documents go with it. */
export function mirrorDocumentsTo(catalogPath: string, secondDir: string): number {
  return mirrorDocuments(documentsDirFor(catalogPath), join(secondDir, mirroredDocumentsName));
}

/**
 * Before a backup takes the catalog's place: the documents kept beside it (a second drive's
 * copy) come back where the catalog's documents folder lacks them.
 */
export function restoreDocumentsFrom(backupFile: string, catalogPath: string): number {
  return mirrorDocuments(
    join(dirname(backupFile), mirroredDocumentsName),
    documentsDirFor(catalogPath),
  );
}
