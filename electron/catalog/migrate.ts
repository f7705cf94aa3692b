import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { KadarError } from '../../shared/errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Beside this module in the source tree, copied beside the bundle by `npm run build:node`.
const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** The numbered `NNN-name.sql` files, in order; a gap or a duplicate number is a build error. */
export function loadMigrations(dir = migrationsDir): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => /^\d{3}-[\w-]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      sql: readFileSync(`${dir}/${file}`, 'utf8'),
    }));
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.version}-${m.name} is out of sequence`);
  });
  return migrations;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings `db` to the newest schema, one transaction per migration, so a failure leaves the
 * catalog at the last version that applied cleanly. Returns the version it started from.
 */
export function migrate(db: Database, migrations = loadMigrations()): number {
  const from = schemaVersion(db);
  const latest = migrations.length;
  if (from > latest) {
    throw new KadarError(
      'CATALOG_TOO_NEW',
      `This catalog was written by a newer Kadar (schema ${from}; this version knows ${latest}). Update Kadar to open it.`,
    );
  }
  for (const migration of migrations.slice(from)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return from;
}
