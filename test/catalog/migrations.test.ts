import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../../electron/catalog/open-catalog';
import { loadMigrations, migrate, schemaVersion } from '../../electron/catalog/migrate';
import { listPhotos } from '../../electron/catalog/photos-repo';
import { rebuildSearch } from '../../electron/catalog/search-repo';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

afterAll(removeTempDirs);

const expectedTables = [
  'cameras',
  'documents',
  'event_photos',
  'events',
  'folders',
  'index_runs',
  'organisations',
  'people',
  'photo_day_counts',
  'photo_people',
  'photo_search',
  'photo_tags',
  'photos',
  'project_events',
  'project_partners',
  'projects',
  'roots',
  'scan_issues',
  'settings',
  'tags',
];

function tables(db: Database.Database): string[] {
  return (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'photo_search_%' ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
}

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map(
    (r) => r.name,
  );
}

describe('catalog migrations', () => {
  it('are numbered without gaps', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations.length).toBeGreaterThanOrEqual(3);
  });

  it('build the whole schema in an empty file, in WAL mode with foreign keys on', () => {
    const file = join(tempDir(), 'new.sqlite');
    const db = openCatalog(file);
    expect(schemaVersion(db)).toBe(loadMigrations().length);
    expect(tables(db)).toEqual(expectedTables);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(columns(db, 'photos')).toEqual(
      expect.arrayContaining([
        'fingerprint',
        'taken_at',
        'taken_at_offset',
        'taken_at_source',
        'name_prefix',
        'name_number',
        'gps_latitude',
        'keywords',
        'error_code',
        'missing_since',
      ]),
    );
    const indexes = (
      db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'photos'`)
        .all() as { name: string }[]
    ).map((r) => r.name);
    expect(indexes).toEqual(
      expect.arrayContaining([
        'photos_taken',
        'photos_root_taken',
        'photos_camera_taken',
        'photos_fingerprint',
        'photos_legacy_fingerprint_size',
      ]),
    );
    db.close();
  });

  it('bring an older catalog up to date and keep its photos, then index them for search', () => {
    const file = join(tempDir(), 'old.sqlite');
    const old = new Database(file);
    migrate(old, loadMigrations().slice(0, 1));
    expect(schemaVersion(old)).toBe(1);
    old.exec(`
      INSERT INTO roots (id, path, name, added_at) VALUES (1, '/archive', 'archive', '2016-01-01T00:00:00Z');
      INSERT INTO folders (id, root_id, parent_id, rel_path, name) VALUES (1, 1, NULL, '', 'archive');
      INSERT INTO photos (id, root_id, folder_id, rel_path, file_name, file_size, file_mtime, taken_at, taken_at_source, city, added_at, indexed_at)
        VALUES (7, 1, 1, 'DSC_2208.JPG', 'DSC_2208.JPG', 1000, 0, '2015-11-28T18:03:12', 'DateTimeOriginal', 'Štip', '2016-01-01T00:00:00Z', '2016-01-01T00:00:00Z');`);
    old.close();

    const db = openCatalog(file);
    expect(schemaVersion(db)).toBe(loadMigrations().length);
    expect(tables(db)).toEqual(expectedTables);
    expect(db.prepare('SELECT id, city FROM photos').all()).toEqual([{ id: 7, city: 'Štip' }]);
    expect(listPhotos(db, { search: 'штип' }).items.map((p) => p.id)).toEqual([7]);
    expect(
      db.prepare(`SELECT count(*) AS n FROM settings WHERE key = 'search.rebuild'`).get(),
    ).toEqual({ n: 0 });
    db.close();
  });

  it('give a version-5 catalog the search prefix indexes and re-index its photos for them', () => {
    const file = join(tempDir(), 'v5.sqlite');
    const old = new Database(file);
    migrate(old, loadMigrations().slice(0, 5));
    old.exec(`
      INSERT INTO roots (id, path, name, added_at) VALUES (1, '/archive', 'archive', '2016-01-01T00:00:00Z');
      INSERT INTO folders (id, root_id, parent_id, rel_path, name) VALUES (1, 1, NULL, '', 'archive');
      INSERT INTO photos (id, root_id, folder_id, rel_path, file_name, file_size, file_mtime, taken_at, taken_at_source, city, added_at, indexed_at)
        VALUES (7, 1, 1, 'IMG_5218.JPG', 'IMG_5218.JPG', 1000, 0, '2019-06-14T10:00:00', 'DateTimeOriginal', 'Vranje', '2019-07-01T00:00:00Z', '2019-07-01T00:00:00Z');`);
    rebuildSearch(old);
    expect(old.prepare(`SELECT sql FROM sqlite_master WHERE name = 'photo_search'`).get()).toEqual({
      sql: expect.not.stringContaining('prefix') as string,
    });
    old.close();

    const db = openCatalog(file);
    expect(db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'photo_search'`).get()).toEqual({
      sql: expect.stringMatching(/prefix = '1 2 3 4'/) as string,
    });
    // Prefixes of one to four letters now come from the prefix index; all must still match.
    for (const query of ['v', 'вр', 'img', 'vran', 'vranje', '5218'])
      expect(listPhotos(db, { search: query }).items.map((p) => p.id)).toEqual([7]);
    expect(db.prepare(`SELECT count(*) AS n FROM photos WHERE search_key IS NULL`).get()).toEqual({
      n: 0,
    });
    db.close();
  });

  it('roll back a failing migration as a whole and leave the version where it was', () => {
    const db = new Database(':memory:');
    const migrations = [
      ...loadMigrations().slice(0, 1),
      {
        version: 2,
        name: 'broken',
        sql: 'CREATE TABLE half_done (id INTEGER); SELECT no_such_function();',
      },
    ];
    expect(() => migrate(db, migrations)).toThrow(/no_such_function/);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).not.toContain('half_done');
  });

  it('refuse a catalog written by a newer Kadar', () => {
    const file = join(tempDir(), 'future.sqlite');
    const future = new Database(file);
    future.pragma('user_version = 999');
    future.close();
    expect(() => openCatalog(file)).toThrow(expect.objectContaining({ code: 'CATALOG_TOO_NEW' }));
  });

  it('say clearly when the catalog cannot be written or is not a catalog', () => {
    const dir = tempDir();
    // A folder that cannot be made: its parent is a regular file.
    writeFileSync(join(dir, 'plain-file'), 'x');
    expect(() => openCatalog(join(dir, 'plain-file', 'catalog.sqlite'))).toThrow(
      expect.objectContaining({
        code: 'CATALOG_UNWRITABLE',
        message: expect.stringContaining('not writable') as string,
      }),
    );
    const notSqlite = join(dir, 'notes.sqlite');
    writeFileSync(notSqlite, 'these are not the droids you are looking for'.repeat(100));
    expect(() => openCatalog(notSqlite)).toThrow(
      expect.objectContaining({ code: 'CATALOG_CORRUPT' }),
    );
  });
});
