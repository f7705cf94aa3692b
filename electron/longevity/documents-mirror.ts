import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { isStoredName } from '../archive/documents/document-store';
import { documentsDirFor } from '../catalog/default-paths';
import type { Catalog } from '../catalog/open-catalog';
import { sqlPluck } from '../catalog/statements';
import { fileErrorReason } from '../os/file-error-reason';
import {
  atomicTmpName,
  fsyncFileAsync,
  isWritersTemp,
  removeDeadWritersTemps,
} from './atomic-file';

/**
 * The documents people attached as copies live in the catalog's documents folder, not in the
 * catalog: a backup of the catalog alone, restored after the drive they were on failed, would
 * name files that are gone. So the second drive also holds the documents, in this folder beside
 * its backups, and a restore from a backup folder that has one brings back any the catalog's
 * documents folder lacks.
 */
export const mirroredDocumentsName = 'kadar-documents';

export interface MirrorOptions {
  /** Stops between two documents; those copied stay. */
  signal?: AbortSignal;
  /** Documents looked at so far (copied, there already, or failed), of all. */
  onCopied?: (done: number, total: number) => void;
}

export interface MirrorResult {
  copied: number;
  /** Stopped by the signal before every document was looked at. */
  stopped?: boolean;
  /** The documents that could not be copied (a name the drive refuses, a full drive), and why. */
  failures: { path: string; message: string }[];
}

// What other systems leave in a folder on a removable drive (macOS' .DS_Store and ._ files).
const isJunk = (name: string) => name === '.DS_Store' || name.startsWith('._');

/** The stored documents a mirror holds, not what writers or other systems left. */
function mirroredFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !isWritersTemp(entry.name) && !isJunk(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter(isStoredName);
}

/**
 * Copies `names` (paths under `from`) into `to` where `to` lacks them, each under a hidden name
 * and flushed before it takes its own; asynchronously, so the app goes on meanwhile. Never
 * removes or replaces one: the store is named by content, and an undone removal finds its file
 * again. One that cannot be copied is reported and the others go on.
 */
async function copyMissing(
  from: string,
  to: string,
  names: string[],
  { signal, onCopied }: MirrorOptions = {},
): Promise<MirrorResult> {
  const result: MirrorResult = { copied: 0, failures: [] };
  const cleaned = new Set<string>();
  onCopied?.(0, names.length);
  for (const [i, name] of names.entries()) {
    if (i > 0) onCopied?.(i, names.length);
    if (signal?.aborted) {
      result.stopped = true;
      break;
    }
    if (!isStoredName(name)) {
      result.failures.push({ path: name, message: 'not the name of a stored document' });
      continue;
    }
    const source = join(from, ...name.split('/'));
    const target = join(to, ...name.split('/'));
    if (existsSync(target) || !existsSync(source)) continue;
    const temp = join(dirname(target), atomicTmpName(basename(target)));
    try {
      mkdirSync(dirname(target), { recursive: true });
      // What a copy killed part-way left in this folder goes first.
      if (!cleaned.has(dirname(target))) removeDeadWritersTemps(dirname(target));
      cleaned.add(dirname(target));
      await copyFile(source, temp);
      await fsyncFileAsync(temp);
      renameSync(temp, target);
      result.copied++;
    } catch (error) {
      try {
        rmSync(temp, { force: true });
      } catch {
        // Its folder could not be made: there is no temporary file.
      }
      result.failures.push({ path: source, message: fileErrorReason(error) });
    }
  }
  if (!result.stopped && names.length > 0) onCopied?.(names.length, names.length);
  return result;
}

/** After the day's backup is copied to the second folder: the stored documents go with it. */
export async function mirrorDocumentsTo(
  db: Catalog,
  catalogPath: string,
  secondDir: string,
  options: MirrorOptions = {},
): Promise<MirrorResult> {
  const stored = sqlPluck<[], string>(
    db,
    `SELECT DISTINCT stored_name FROM documents WHERE stored_name IS NOT NULL`,
  ).all();
  return copyMissing(
    documentsDirFor(catalogPath),
    join(secondDir, mirroredDocumentsName),
    stored,
    options,
  );
}

/**
 * Before or right after a backup takes the catalog's place: the documents kept beside it (a
 * second drive's copy) come back where the catalog's documents folder lacks them.
 */
export async function restoreDocumentsFrom(
  backupFile: string,
  catalogPath: string,
): Promise<MirrorResult> {
  const mirror = join(dirname(backupFile), mirroredDocumentsName);
  let names: string[];
  try {
    names = mirroredFiles(mirror);
  } catch (error) {
    // A folder that cannot be read (a failing drive) stops only this step, and is said.
    return { copied: 0, failures: [{ path: mirror, message: fileErrorReason(error) }] };
  }
  return copyMissing(mirror, documentsDirFor(catalogPath), names);
}
