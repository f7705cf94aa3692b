import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { KadarError } from '../../shared/errors';

/**
 * Where an export writes and how it appears: everything goes into a hidden folder beside the
 * chosen one, renamed into place at the end (one rename on the same drive), so a cancel, a full
 * disk or a crash never leaves half a gallery where the person looks.
 */

export interface OutputFolder {
  outDir: string;
  stagingDir: string;
  /** The chosen folder exists and holds files the export replaces. */
  replaces: boolean;
}

const describe = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

const within = (inner: string, outer: string) =>
  inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);

/**
 * Checks the chosen folder before anything is written; the error names what to change.
 * `guarded` are folders an export must never replace or write into: the library's folders
 * (originals are read-only) and the catalog's own.
 */
export function checkOutputFolder(
  chosen: string,
  force: boolean,
  guarded: readonly { path: string; what: string }[] = [],
): OutputFolder {
  const outDir = resolve(chosen);
  const parent = dirname(outDir);
  for (const g of guarded) {
    const path = resolve(g.path);
    if (within(outDir, path) || within(path, outDir))
      throw new KadarError(
        'INVALID_INPUT',
        `outDir: ${outDir} ${within(outDir, path) ? 'is in' : 'holds'} ${g.what} (${path}). Choose a folder outside it.`,
      );
  }
  if (!existsSync(parent) || !statSync(parent).isDirectory())
    throw new KadarError(
      'FOLDER_NOT_FOUND',
      `outDir: ${parent} does not exist, so ${basename(outDir)} cannot be made in it. Choose an existing folder, or a new folder inside one.`,
    );
  let replaces = false;
  if (existsSync(outDir)) {
    if (!statSync(outDir).isDirectory())
      throw new KadarError('OUTPUT_NOT_EMPTY', `outDir: ${outDir} is a file, not a folder.`);
    const entries = readdirSync(outDir);
    if (entries.length > 0 && !force)
      throw new KadarError(
        'OUTPUT_NOT_EMPTY',
        `outDir: ${outDir} already holds ${entries.length} ${entries.length === 1 ? 'item' : 'items'}. Choose a new or empty folder, or replace what it holds (--force).`,
      );
    replaces = entries.length > 0;
  }
  const token = randomBytes(4).toString('hex');
  return {
    outDir,
    stagingDir: join(parent, `.${basename(outDir)}.kadar-export-${token}`),
    replaces,
  };
}

/** Makes the hidden folder the export writes into; an unwritable place fails here, empty-handed. */
export function makeStaging(folder: OutputFolder): void {
  try {
    mkdirSync(folder.stagingDir);
  } catch (error) {
    throw new KadarError(
      'OUTPUT_UNWRITABLE',
      `outDir: Kadar cannot write in ${dirname(folder.outDir)} (${describe(error)}).`,
    );
  }
}

const asideOf = (stagingDir: string) => `${stagingDir}.old`;

/**
 * Puts the finished export where it was asked for. A folder it replaces is moved aside first
 * and deleted only once the new one is in place.
 */
export function placeOutput(folder: OutputFolder): void {
  const { outDir, stagingDir } = folder;
  const aside = asideOf(stagingDir);
  if (existsSync(outDir)) {
    const entries = readdirSync(outDir).length;
    // Files that arrived while the export ran (a draft saved there, a second export) are
    // replaced only if the person said so for this folder.
    if (entries > 0 && !folder.replaces)
      throw new KadarError(
        'OUTPUT_NOT_EMPTY',
        `outDir: ${outDir} was empty when the export started and now holds ${entries} ${entries === 1 ? 'item' : 'items'}; nothing was replaced.`,
      );
    if (entries === 0) rmdirSync(outDir);
    else renameSync(outDir, aside);
  }
  try {
    renameSync(stagingDir, outDir);
  } catch (error) {
    // The folder it was to replace goes back where it was.
    if (existsSync(aside) && !existsSync(outDir)) renameSync(aside, outDir);
    throw error;
  }
  rmSync(aside, { recursive: true, force: true });
}

/**
 * What an export that never finished left (its process was killed, the machine lost power):
 * the hidden folder goes, and a replaced folder moved aside but not yet replaced goes back.
 */
export function removeDebris(stagingDir: string, outDir: string): void {
  rmSync(stagingDir, { recursive: true, force: true });
  const aside = asideOf(stagingDir);
  if (!existsSync(aside)) return;
  if (existsSync(outDir)) rmSync(aside, { recursive: true, force: true });
  else renameSync(aside, outDir);
}
