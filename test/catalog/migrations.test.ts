import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../../electron/catalog/open-catalog';
import { loadMigrations, migrate, schemaVersion } from '../../electron/catalog/migrate';
import { listPhotos } from '../../electron/catalog/photos-repo';
import { prepareSearch } from '../../electron/catalog/search/drain-search';
import { createHash } from 'node:crypto';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

afterAll(removeTempDirs);

/** Each applied migration's SHA-256 prefix: add a line for a new one, never change one. */
const appliedMigrationHashes: Record<number, string> = {
  1: '5f5f426760496403',
  2: '2d309b0127faa141',
  3: '8759465474ce3d06',
  4: 'bbd526607742fb46',
  5: 'd226e4387a1ea342',
  6: '52a7a40b1f984db6',
  7: 'e87365bf6b27fc6e',
  8: '85e00671cb16ea04',
  9: 'a704433ff4d38513',
  10: 'caca54c2ae97b658',
  11: 'edd93d50f596c4a6',
  12: '60861140d47ef918',
  13: 'c80776b82f0d255a',
  14: 'a280b4ec3a067839',
  15: '1e8e58f26a7f9702',
};

const expectedTables = [
  'archive_dirty',
  'archive_search',
  'cameras',
  'deleted_uids',
  'document_search',
  'document_text',
  'documents',
  'edits',
  'event_merges',
  'events',
  'export_files',
  'export_presets',
  'exports',
  'folders',
  'galleries',
  'gallery_photos',
  'index_runs',
  'organisations',
  'people',
  'photo_day_counts',
  'photo_people',
  'photo_people_removals',
  'photo_search',
  'photo_tag_removals',
  'photo_tags',
  'photos',
  'project_events',
  'project_partners',
  'projects',
  'restored_rows',
  'roots',
  'saved_searches',
  'scan_issues',
  'search_dirty',
  'settings',
  'sidecar_dirty',
  'tags',
];

function tables(db: Database.Database): string[] {
  return (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT GLOB '*_search_*' ORDER BY name`,
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
    expect(migrations[0]).toMatchObject({ version: 1, name: 'baseline' });
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
        'user_title',
        'user_caption',
        'user_rating',
        'event_id',
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
        'photos_event_taken',
      ]),
    );
    db.close();
  });

  it('bring a catalog up to date with a later migration, keeping its photos, and re-index search when asked', () => {
    const file = join(tempDir(), 'old.sqlite');
    const old = openCatalog(file);
    old.exec(`
      INSERT INTO roots (id, path, name, added_at) VALUES (1, '/archive', 'archive', '2016-01-01T00:00:00Z');
      INSERT INTO folders (id, root_id, parent_id, rel_path, name) VALUES (1, 1, NULL, '', 'archive');
      INSERT INTO photos (id, root_id, folder_id, rel_path, file_name, file_size, file_mtime, taken_at, taken_at_source, city, added_at, indexed_at)
        VALUES (7, 1, 1, 'DSC_2208.JPG', 'DSC_2208.JPG', 1000, 0, '2015-11-28T18:03:12', 'DateTimeOriginal', 'Štip', '2016-01-01T00:00:00Z', '2016-01-01T00:00:00Z');`);
    old.close();

    // A later migration that changes what is searchable asks for the index to be rebuilt.
    const later = {
      version: loadMigrations().length + 1,
      name: 'test-later',
      sql: `ALTER TABLE photos ADD COLUMN test_note TEXT;
        DELETE FROM photo_search;
        INSERT INTO settings (key, value) VALUES ('search.rebuild', '1');`,
    };
    const db = new Database(file);
    migrate(db, [...loadMigrations(), later]);
    expect(schemaVersion(db)).toBe(later.version);
    expect(db.prepare('SELECT id, city FROM photos').all()).toEqual([{ id: 7, city: 'Štip' }]);
    db.close();
    // Opening honours the flag (this Kadar knows only the baseline, so open read-write by hand).
    const reopened = new Database(file);
    prepareSearch(reopened);
    expect(listPhotos(reopened, { search: 'штип' }).items.map((p) => p.id)).toEqual([7]);
    expect(
      reopened.prepare(`SELECT count(*) AS n FROM settings WHERE key = 'search.rebuild'`).get(),
    ).toEqual({ n: 0 });
    reopened.close();
  });

  it('are never edited once applied: the baseline is the text catalogs were made with', () => {
    // Changing the schema means adding a migration; a catalog made by the edited file would
    // differ from one made before it, with nothing to tell them apart.
    const hashes = Object.fromEntries(
      loadMigrations().map((m) => [
        m.version,
        createHash('sha256').update(m.sql).digest('hex').slice(0, 16),
      ]),
    );
    expect(hashes).toEqual(appliedMigrationHashes);
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
