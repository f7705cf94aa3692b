import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/open-catalog';
import { sql } from '../catalog/statements';
import { writeFileAtomically } from './atomic-file';
import { buildArchive } from './archive/build-archive';
import { archiveVersion } from './archive/archive-schema';

import { archiveFileName } from './folder-archive';

interface RootRow {
  id: number;
  path: string;
}

/** The document without the moment it was written: what decides whether the file is current. */
function body(json: string): string {
  const { exportedAt: _ignored, ...rest } = JSON.parse(json) as Record<string, unknown>;
  return JSON.stringify(rest);
}

/** What is in the folder's file now, as far as writing over it goes. */
function existing(file: string): 'none' | 'unreadable' | 'newer' | { body: string } {
  if (!existsSync(file)) return 'none';
  try {
    const text = readFileSync(file, 'utf8');
    const head = JSON.parse(text) as { format?: unknown; version?: unknown };
    if (typeof head.version === 'number' && head.version > archiveVersion) return 'newer';
    return { body: body(text) };
  } catch {
    return 'unreadable';
  }
}

/**
 * Writes kadar-archive.json into every reachable folder with sidecars on that this catalog has
 * indexed, when what it would say differs from what it says: the photos' own data is in their
 * sidecars, the rest here. A folder the catalog has not indexed yet (one a rebuild learnt of
 * from another folder's file) is not written: its own file may know more (a later deletion),
 * and is read when the folder is indexed. A file written by a newer Kadar is left as it is; one
 * that cannot be read is kept beside the new one. Returns the files written, and those that
 * were not, with why.
 */
export function writeArchiveFiles(db: Catalog): {
  written: string[];
  failed: { path: string; message: string }[];
} {
  const roots = sql<[], RootRow>(
    db,
    `SELECT id, path FROM roots
     WHERE sidecars IS NOT NULL AND status = 'online' AND last_scan_completed_at IS NOT NULL`,
  ).all();
  if (roots.length === 0) return { written: [], failed: [] };
  const doc = buildArchive(db, { photos: false });
  const written: string[] = [];
  const failed: { path: string; message: string }[] = [];
  for (const root of roots) {
    const file = join(root.path, archiveFileName);
    // Each folder's file names the folder it is in (see the format's `folder`), near the top.
    const { format, version, exportedAt, ...rest } = doc;
    const json = `${JSON.stringify({ format, version, exportedAt, folder: root.path, ...rest }, null, 2)}\n`;
    const now = existing(file);
    if (typeof now === 'object' && now.body === body(json)) continue;
    if (now === 'newer') {
      failed.push({
        path: file,
        message: `A newer Kadar wrote this kadar-archive.json; it is left as it is (update Kadar).`,
      });
      continue;
    }
    try {
      if (now === 'unreadable')
        renameSync(file, join(root.path, `kadar-archive.unreadable-${Date.now()}.json`));
      writeFileAtomically(file, json);
      written.push(file);
    } catch (error) {
      failed.push({
        path: file,
        message: `kadar-archive.json could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the next change tries again.`,
      });
    }
  }
  return { written, failed };
}
