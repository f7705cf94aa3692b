import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Catalog } from '../catalog/open-catalog';
import { sql } from '../catalog/statements';
import { toApiError } from '../../shared/errors';
import type { IndexSummary } from '../../shared/api/progress-schema';
import type { IndexPool } from '../indexer/index-pool';

/** The plain file beside a folder's photos with what photos cannot carry (docs/archive-format.md). */
export const archiveFileName = 'kadar-archive.json';

interface RootRow {
  id: number;
  path: string;
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
export async function importArchiveFiles(
  db: Catalog,
  rootIds: readonly number[],
): Promise<ArchiveFilesRead> {
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

async function readArchiveFiles(
  db: Catalog,
  rootIds: readonly number[],
): Promise<ArchiveFilesRead> {
  const imported: string[] = [];
  const failures: { path: string; code: string; message: string }[] = [];
  const found: { file: string; folder: string; doc: unknown; at: string }[] = [];
  const files = rootIds.flatMap((rootId) => {
    const root = sql<[number], RootRow>(db, `SELECT id, path FROM roots WHERE id = ?`).get(rootId);
    const file = root && join(root.path, archiveFileName);
    return file && existsSync(file) ? [{ file, folder: root.path }] : [];
  });
  if (files.length === 0) return { rootIds: [...rootIds], imported, failures };
  // Loaded only when a folder has a file: an index run starts without the archive's schema.
  const [{ importArchive }, { readArchiveFile }, { movedFrom }] = await Promise.all([
    import('./archive/import-archive'),
    import('./archive/archive-file'),
    import('./archive/import-library'),
  ]);
  for (const { file, folder } of files) {
    try {
      const doc = readArchiveFile(file);
      const at = (doc as { exportedAt?: unknown }).exportedAt;
      found.push({ file, folder, doc, at: typeof at === 'string' ? at : '' });
    } catch (error) {
      failures.push(notImported(file, error));
    }
  }
  // The newest file first: the others only add what it lacks (a folder unplugged while
  // an event was renamed keeps the old name in its file, and must not bring it back).
  found.sort((a, b) => b.at.localeCompare(a.at));
  // Folders at new paths (another machine): every file of the rebuild names them at the new
  // one, in this run and later ones (the moves are kept: a folder's own file is rewritten with
  // its new path after its run). Each file's own move is its own; a gone path two folders of
  // this run claim is no one's.
  const moved = new Map(movedFolders(db));
  const claims = new Map<string, string | null>();
  const own = found.map(({ folder, doc }) => movedFrom(db, doc, folder));
  found.forEach(({ folder }, i) => {
    const from = own[i];
    if (from) claims.set(from, claims.has(from) && claims.get(from) !== folder ? null : folder);
  });
  for (const [from, folder] of claims) if (folder) moved.set(from, folder);
  if (claims.size > 0) keepMovedFolders(db, moved);
  for (const [i, { file, folder, doc }] of found.entries()) {
    const from = own[i];
    try {
      importArchive(db, doc, {
        placeholders: false,
        keepExisting: true,
        folder,
        moved: from ? new Map(moved).set(from, folder) : moved,
      });
      imported.push(file);
    } catch (error) {
      failures.push(notImported(file, error));
    }
  }
  return { rootIds: [...rootIds], imported, failures };
}

const movedKey = 'archive.movedFolders';

/** The library folders a rebuild found at new paths (old path → new), in earlier runs too. */
function movedFolders(db: Catalog): Map<string, string> {
  const row = sql<[string], { value: string }>(db, `SELECT value FROM settings WHERE key = ?`).get(
    movedKey,
  );
  try {
    return new Map(Object.entries(row ? (JSON.parse(row.value) as Record<string, string>) : {}));
  } catch {
    return new Map();
  }
}

function keepMovedFolders(db: Catalog, moved: ReadonlyMap<string, string>): void {
  sql(db, `INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)`).run(
    movedKey,
    JSON.stringify(Object.fromEntries(moved)),
  );
}

/**
 * A file that could not be taken in does not stop the indexing: it is reported with the run's
 * issues, and a JSON one is kept beside it (one that is not JSON is set aside when the folder's
 * next file is written), as the catalog's next file for the folder would replace it.
 */
function notImported(
  file: string,
  error: unknown,
): { path: string; code: string; message: string } {
  const { code, message } = toApiError(error);
  const kept = code === 'INVALID_INPUT' ? keepNotImported(file) : null;
  return {
    path: file,
    code,
    message: kept ? `${message} It is kept as ${basename(kept)}.` : message,
  };
}

/**
 * A copy of a folder's file that could not be taken in, named by when the file was written
 * (read before and after a run, it is copied once). Null when no copy could be made.
 */
function keepNotImported(file: string): string | null {
  try {
    JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  try {
    const when = statSync(file)
      .mtime.toISOString()
      .replace(/[^0-9TZ]/g, '');
    const kept = join(dirname(file), `kadar-archive.not-imported-${when}.json`);
    if (!existsSync(kept)) copyFileSync(file, kept);
    return kept;
  } catch {
    return null;
  }
}

/**
 * After an index run: the folders' archive files are taken in again, now that the photos their
 * galleries and covers name are in the catalog, and any that could not be read join the run's
 * issues. The PDFs the files linked are read for their text (`documents`), as after
 * `kadar archive import`: the text is not in the file, and a word in an invitation should find
 * its event in a rebuilt catalog too.
 */
export async function withArchiveFiles(
  db: Catalog,
  before: ArchiveFilesRead,
  summary: IndexSummary,
  documents?: { documentsDir: string; cacheDir: string; pool: () => IndexPool },
): Promise<IndexSummary> {
  const after = await readArchiveFiles(db, before.rootIds);
  const failures = new Map([...before.failures, ...after.failures].map((f) => [f.path, f]));
  if (documents && before.imported.length + after.imported.length > 0) {
    try {
      const { readDocumentTexts } = await import('./archive/read-document-texts');
      await readDocumentTexts(db, documents);
    } catch (error) {
      failures.set('', {
        path: '',
        code: 'DOCUMENT_UNREADABLE',
        message: `The linked documents' text could not be read (${toApiError(error).message}); a search does not find them by it yet.`,
      });
    }
  }
  return failures.size === 0
    ? summary
    : { ...summary, issues: [...summary.issues, ...failures.values()] };
}
