import { existsSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import { extensionOf, isImageFileName } from './sniff-format';
import { sidecarFor } from './sidecar-names';
import { fileErrorReason } from '../os/file-error-reason';

/** One image file the walk found, with what a rescan compares. */
export interface ScannedFile {
  /** '/'-separated, relative to the root. */
  relPath: string;
  size: number;
  mtimeMs: number;
  /** The XMP sidecar beside it (IMG_5910.xmp or IMG_5910.JPG.xmp), relative to the root. */
  sidecarRelPath: string | null;
  sidecarMtimeMs: number | null;
}

export interface ScanIssue {
  path: string;
  code: string;
  message: string;
}

export interface ScanSink {
  file(entry: ScannedFile): void;
  issue(issue: ScanIssue): void;
  /** Checked between folders: true stops the walk early. */
  cancelled(): boolean;
}

// Folders that operating systems, NAS boxes and other tools keep for themselves.
const systemFolders = new Set(
  [
    '$recycle.bin',
    'system volume information',
    'recycler',
    'lost+found',
    '@eadir',
    '#recycle',
    '#snapshot',
    '__macosx',
    'node_modules',
    '.trashes',
    '.spotlight-v100',
    '.fseventsd',
  ].map((n) => n.toLowerCase()),
);

function skipFolder(name: string, path: string): boolean {
  if (name.startsWith('.') || systemFolders.has(name.toLowerCase())) return true;
  // Kadar's own cache, and any other cache tagged by the Cache Directory Tagging standard.
  return existsSync(join(path, 'CACHEDIR.TAG'));
}

function describe(error: unknown): { code: string; message: string } {
  return { code: (error as NodeJS.ErrnoException).code ?? 'EIO', message: fileErrorReason(error) };
}

/**
 * Walks `rootPath` depth-first in name order, reporting every image file and every folder it
 * could not read. Hidden and system folders are skipped; symbolic links are followed, but a
 * folder already visited (by device and inode) is not entered twice, so loops end.
 */
export function scanFolder(rootPath: string, sink: ScanSink): void {
  const visited = new Set<string>();
  const walk = (dir: string, rel: string): void => {
    if (sink.cancelled()) return;
    let dirStat: Stats;
    let entries: Dirent[];
    try {
      dirStat = statSync(dir);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      const { code, message } = describe(error);
      sink.issue({ path: dir, code, message: `This folder could not be read (${message}).` });
      return;
    }
    const identity = `${dirStat.dev}:${dirStat.ino}`;
    if (visited.has(identity)) return;
    visited.add(identity);

    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const sidecars = new Map<string, string>();
    for (const e of entries)
      if (extensionOf(e.name) === 'xmp') sidecars.set(e.name.toLowerCase(), e.name);

    const folders: [string, string][] = [];
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let stat: Stats | null = null;
      if (entry.isSymbolicLink()) {
        try {
          stat = statSync(path);
          isDir = stat.isDirectory();
          isFile = stat.isFile();
        } catch (error) {
          const { code, message } = describe(error);
          sink.issue({ path, code, message: `This link could not be followed (${message}).` });
          continue;
        }
      }
      if (isDir) {
        if (!skipFolder(entry.name, path)) folders.push([path, relPath]);
        continue;
      }
      if (!isFile || !isImageFileName(entry.name) || entry.name.startsWith('._')) continue;
      try {
        stat ??= statSync(path);
      } catch (error) {
        const { code, message } = describe(error);
        sink.issue({ path, code, message: `This file could not be examined (${message}).` });
        continue;
      }
      const sidecarName = sidecarFor(entry.name, sidecars);
      let sidecarMtimeMs: number | null = null;
      if (sidecarName) {
        try {
          sidecarMtimeMs = Math.trunc(statSync(join(dir, sidecarName)).mtimeMs);
        } catch {
          // the sidecar vanished between listing and stat: treat it as absent
        }
      }
      sink.file({
        relPath,
        size: stat.size,
        mtimeMs: Math.trunc(stat.mtimeMs),
        sidecarRelPath:
          sidecarMtimeMs == null || !sidecarName
            ? null
            : rel
              ? `${rel}/${sidecarName}`
              : sidecarName,
        sidecarMtimeMs,
      });
    }
    for (const [path, relPath] of folders) walk(path, relPath);
  };
  walk(rootPath, '');
}
