import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extensionOf, isImageFileName } from '../../indexer/sniff-format';
import { newSidecarName, sidecarFor, type SidecarNaming } from '../../indexer/sidecar-names';
import { removeDeadWritersTemps, syncFolder, writeFileAtomically } from '../atomic-file';
import { fileErrorReason } from '../../os/file-error-reason';
import { readKadarLayer, writeSidecar, type SidecarContent } from './sidecar-xmp';

/** The photos of one folder whose sidecars are to be brought up to date. */
export interface FolderTask {
  dir: string;
  naming: SidecarNaming;
  items: { photoId: number; fileName: string; create: boolean; content: SidecarContent }[];
}

export type SidecarOutcome =
  | { photoId: number; status: 'written' | 'unchanged'; sidecarMtimeMs: number; path: string }
  | { photoId: number; status: 'skipped' }
  | { photoId: number; status: 'failed'; error: string };

/** Temporary files of writers that died mid-write (a kill, a power cut): never read, removed. */
/**
 * Brings one folder's sidecars up to date: merges into the sidecar the indexer would read (any
 * other tool's fields stay), or makes one for a photo a person described. A sidecar another tool
 * wrote for a photo nobody described in Kadar is left alone. Photos are never opened.
 */
export function writeFolderSidecars(task: FolderTask): SidecarOutcome[] {
  let names: string[];
  try {
    names = readdirSync(task.dir);
  } catch (error) {
    const message = `The folder could not be read (${(error as Error).message}).`;
    return task.items.map((i) => ({ photoId: i.photoId, status: 'failed', error: message }));
  }
  removeDeadWritersTemps(task.dir, names);
  let wrote = false;
  const sidecars = new Map<string, string>();
  const bases = new Map<string, number>();
  for (const name of names) {
    if (extensionOf(name) === 'xmp') sidecars.set(name.toLowerCase(), name);
    else if (isImageFileName(name)) {
      const base = name.slice(0, Math.max(0, name.lastIndexOf('.'))).toLowerCase();
      bases.set(base, (bases.get(base) ?? 0) + 1);
    }
  }
  const outcomes = task.items.map((item): SidecarOutcome => {
    // Named in a failure: the sidecar, and whether reading it or writing it failed.
    let sidecar: string | null = null;
    let writing = false;
    try {
      // DSC_2208.JPG and DSC_2208.NEF would share DSC_2208.xmp (Lightroom's, for the raw
      // file): each gets a sidecar of its own, named after its whole file name.
      const base = item.fileName.slice(0, Math.max(0, item.fileName.lastIndexOf('.')));
      const shared = (bases.get(base.toLowerCase()) ?? 0) > 1;
      const own = newSidecarName(item.fileName, 'digikam');
      const found = shared
        ? (sidecars.get(own.toLowerCase()) ?? null)
        : sidecarFor(item.fileName, sidecars);
      sidecar = found;
      const existing = found ? readFileSync(join(task.dir, found), 'utf8') : null;
      if (!item.create && (existing == null || readKadarLayer(existing) == null))
        return { photoId: item.photoId, status: 'skipped' };
      const name = found ?? (shared ? own : newSidecarName(item.fileName, task.naming));
      const text = writeSidecar(item.content, existing);
      const changed = text !== existing;
      if (changed) {
        sidecar = name;
        writing = true;
        writeFileAtomically(join(task.dir, name), text, { syncFolder: false });
        wrote = true;
        sidecars.set(name.toLowerCase(), name);
      }
      return {
        photoId: item.photoId,
        status: changed ? 'written' : 'unchanged',
        sidecarMtimeMs: Math.trunc(statSync(join(task.dir, name)).mtimeMs),
        path: join(task.dir, name),
      };
    } catch (error) {
      const what = sidecar ? `Its sidecar ${sidecar}` : 'Its sidecar';
      return {
        photoId: item.photoId,
        status: 'failed',
        error: `${what} could not be ${writing ? 'written' : 'read'}: ${fileErrorReason(error)}.`,
      };
    }
  });
  // The renames, on the disk: once for the folder rather than once a file.
  if (wrote) syncFolder(task.dir);
  return outcomes;
}
