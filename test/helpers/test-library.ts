import { join } from 'node:path';
import { openCatalog, type Catalog } from '../../electron/catalog/open-catalog';
import { addLibraryRoot } from '../../electron/catalog/library-roots';
import { listRoots } from '../../electron/catalog/roots-repo';
import { createIndexPool, type IndexPool } from '../../electron/indexer/index-pool';
import { runIndexJob } from '../../electron/indexer/index-job';
import type { IndexProgress, IndexSummary } from '../../shared/api/progress-schema';
import { tempDir } from './temp-dir';

export interface TestLibrary {
  db: Catalog;
  cacheDir: string;
  pool: IndexPool;
  /** Adds the folders as roots (if given) and indexes them; else rescans every root. */
  index(
    folders?: string[],
    options?: {
      signal?: AbortSignal;
      onProgress?: (p: IndexProgress) => void;
      tidyAfter?: number;
    },
  ): Promise<IndexSummary>;
  /** id → rel_path of every photo. */
  paths(): Map<number, string>;
  close(): Promise<void>;
}

/** A real catalog on disk with a real worker pool: what the CLI and the app use. */
export function openTestLibrary(dir = tempDir()): TestLibrary {
  const db = openCatalog(join(dir, 'catalog.sqlite'));
  const cacheDir = join(dir, 'catalog-cache');
  const pool = createIndexPool(2);
  return {
    db,
    cacheDir,
    pool,
    async index(folders, options = {}) {
      const rootIds = folders
        ? [...new Set(folders.map((f) => addLibraryRoot(db, f).rootId))]
        : listRoots(db).map((r) => r.id);
      return runIndexJob({
        db,
        cacheDir,
        pool,
        rootIds,
        kind: folders ? 'index' : 'rescan',
        progressInterval: 0,
        ...options,
      });
    },
    paths() {
      const rows = db.prepare('SELECT id, rel_path FROM photos ORDER BY id').all() as {
        id: number;
        rel_path: string;
      }[];
      return new Map(rows.map((r) => [r.id, r.rel_path]));
    },
    async close() {
      await pool.destroy();
      db.close();
    },
  };
}
