import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/open-catalog';
import { sql } from '../catalog/statements';
import { toApiError } from '../../shared/errors';
import type { IndexSummary } from '../../shared/api/progress-schema';
import { writeFileAtomically } from './atomic-file';
import { buildArchive } from './archive/build-archive';
import { importArchive } from './archive/import-archive';
import { readArchiveFile } from './archive/archive-file';

/** The plain file beside a folder's photos with what photos cannot carry (docs/archive-format.md). */
export const archiveFileName = 'kadar-archive.json';

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

/**
 * Takes in the kadar-archive.json of each folder about to be indexed for the first time in this
 * catalog (a catalog rebuilt after the old one was lost, or a new machine): events, projects,
 * organisations, people, tags, documents and galleries come back (matched by their uids, so
 * nothing doubles), and the folder's sidecar setting with them. Run before indexing, so photos'
 * sidecars find their events, and after (`withArchiveFiles`), so galleries and covers find their
 * photos. A folder the catalog has indexed before is not read again: the catalog is the
 * authority on it, and a file left behind (the folder was offline, or sidecars switched off
 * since) would bring back what people changed.
 */
export function importArchiveFiles(db: Catalog, rootIds: readonly number[]): ArchiveFilesRead {
  const fresh = rootIds.filter(
    (id) =>
      sql<[number], { n: number }>(
        db,
        `SELECT count(*) AS n FROM roots WHERE id = ? AND last_scan_completed_at IS NULL`,
      ).get(id)!.n > 0,
  );
  return readArchiveFiles(db, fresh);
}

interface ArchiveFilesRead {
  /** The folders whose files were read (or tried): read again after the run. */
  rootIds: number[];
  imported: string[];
  failures: { path: string; code: string; message: string }[];
}

function readArchiveFiles(db: Catalog, rootIds: readonly number[]): ArchiveFilesRead {
  const imported: string[] = [];
  const failures: { path: string; code: string; message: string }[] = [];
  const found: { file: string; doc: unknown; at: string }[] = [];
  for (const rootId of rootIds) {
    const root = sql<[number], RootRow>(db, `SELECT id, path FROM roots WHERE id = ?`).get(rootId);
    if (!root) continue;
    const file = join(root.path, archiveFileName);
    if (!existsSync(file)) continue;
    try {
      const doc = readArchiveFile(file);
      const at = (doc as { exportedAt?: unknown }).exportedAt;
      found.push({ file, doc, at: typeof at === 'string' ? at : '' });
    } catch (error) {
      failures.push({ path: file, ...toApiError(error) });
    }
  }
  // The newest file first: the others only add what it lacks (a folder unplugged while
  // an event was renamed keeps the old name in its file, and must not bring it back).
  found.sort((a, b) => b.at.localeCompare(a.at));
  for (const { file, doc } of found) {
    try {
      importArchive(db, doc, { placeholders: false, keepExisting: true });
      imported.push(file);
    } catch (error) {
      // A damaged file does not stop the indexing; it is reported with the run's issues.
      failures.push({ path: file, ...toApiError(error) });
    }
  }
  return { rootIds: [...rootIds], imported, failures };
}

/**
 * After an index run: the folders' archive files are taken in again, now that the photos their
 * galleries and covers name are in the catalog, and any that could not be read join the run's
 * issues.
 */
export function withArchiveFiles(
  db: Catalog,
  before: ArchiveFilesRead,
  summary: IndexSummary,
): IndexSummary {
  const after = readArchiveFiles(db, before.rootIds);
  const failures = new Map([...before.failures, ...after.failures].map((f) => [f.path, f]));
  return failures.size === 0
    ? summary
    : { ...summary, issues: [...summary.issues, ...failures.values()] };
}
