import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { KadarError } from '../../shared/errors';
import { migrate } from './migrate';
import { prepareSearch } from './search/drain-search';
import { sql } from './statements';

export type Catalog = Db;

export interface OpenCatalogOptions {
  readonly?: boolean;
  /** better_sqlite3.node built for another runtime (Electron); see electron/launch. */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed) the catalog at `file`, in WAL mode with foreign keys on, and
 * migrates it to the newest schema. Failures become a `KadarError` with a message naming the
 * file and what to do, since this is the first thing every command does.
 */
export function openCatalog(file: string, options: OpenCatalogOptions = {}): Catalog {
  const readonly = options.readonly ?? false;
  if (!readonly && file !== ':memory:') {
    ensureWritableDir(file);
  }
  let db: Catalog;
  try {
    db = new Database(file, {
      readonly,
      fileMustExist: readonly,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw new KadarError(
      'CATALOG_UNWRITABLE',
      `Cannot open the catalog ${file}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  try {
    configure(db, readonly);
    if (!readonly) {
      migrate(db);
      prepareSearch(db);
      // Gathers the table statistics the query planner needs (once, then when they go stale):
      // without them it may walk a whole index where a few entries would do. Not on an empty
      // catalog: statistics saying the search index's tables hold two rows would make FTS5's
      // own merges scan them whole once they are large. Index runs gather them when done.
      if (sql(db, `SELECT 1 FROM photos LIMIT 1`).get()) db.pragma('optimize=0x10002');
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof KadarError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new KadarError(
        'CATALOG_CORRUPT',
        `${file} is not a Kadar catalog or is damaged (${code}).`,
        { cause: error },
      );
    }
    if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR') {
      throw new KadarError('CATALOG_UNWRITABLE', `Cannot write the catalog ${file} (${code}).`, {
        cause: error,
      });
    }
    throw error;
  }
}

function configure(db: Catalog, readonly: boolean): void {
  if (!readonly) db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode keeps the catalog consistent after a crash; only the last commits
  // before a power cut can be lost, and the next run redoes them.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
}

function ensureWritableDir(file: string): void {
  const dir = dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new KadarError(
      'CATALOG_UNWRITABLE',
      `Cannot write the catalog ${file}: its folder ${dir} is not writable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
      { cause: error },
    );
  }
}
