import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/open-catalog';
import { sql } from '../catalog/statements';
import { writeFileAtomically } from './atomic-file';
import { buildArchive } from './archive/build-archive';

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

/**
 * Writes kadar-archive.json into every reachable folder with sidecars on, when what it would
 * say differs from what it says: the photos' own data is in their sidecars, the rest here.
 * Returns the files written, and those that could not be (a folder unplugged meanwhile).
 */
export function writeArchiveFiles(db: Catalog): { written: string[]; failed: string[] } {
  const roots = sql<[], RootRow>(
    db,
    `SELECT id, path FROM roots WHERE sidecars IS NOT NULL AND status = 'online'`,
  ).all();
  if (roots.length === 0) return { written: [], failed: [] };
  const json = `${JSON.stringify(buildArchive(db, { photos: false }), null, 2)}\n`;
  const written: string[] = [];
  const failed: string[] = [];
  for (const root of roots) {
    const file = join(root.path, archiveFileName);
    try {
      if (existsSync(file) && body(readFileSync(file, 'utf8')) === body(json)) continue;
    } catch {
      // Unreadable or not JSON: replaced by a good one.
    }
    try {
      writeFileAtomically(file, json);
      written.push(file);
    } catch {
      failed.push(file);
    }
  }
  return { written, failed };
}
