import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../electron/catalog/migrate';
import { openCatalog, type Catalog } from '../../electron/catalog/open-catalog';
import { photoDays, photoIds } from '../../electron/catalog/photos-repo';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

afterAll(removeTempDirs);

const schema = `
  INSERT INTO roots (id, path, name, added_at) VALUES
    (1, '/archive/nis', 'nis', '2016-01-01T00:00:00Z'), (2, '/archive/stip', 'stip', '2016-01-01T00:00:00Z');
  INSERT INTO folders (id, root_id, parent_id, rel_path, name) VALUES
    (1, 1, NULL, '', 'nis'), (2, 2, NULL, '', 'stip');`;

let nextId = 1;
function addPhoto(db: Database.Database, rootId: number, takenAt: string): number {
  const id = nextId++;
  db.prepare(
    `INSERT INTO photos (id, root_id, folder_id, rel_path, file_name, file_size, file_mtime, taken_at,
       taken_at_source, added_at, indexed_at)
     VALUES (?, ?, ?, ?, ?, 1000, 0, ?, 'DateTimeOriginal', '2016-01-01T00:00:00Z', '2016-01-01T00:00:00Z')`,
  ).run(id, rootId, rootId, `DSC_${id}.JPG`, `DSC_${id}.JPG`, takenAt);
  return id;
}

/** What the kept counts must always equal: the photos themselves, counted. */
function counted(db: Catalog, rootId?: number) {
  return db
    .prepare(
      `SELECT substr(taken_at, 1, 10) AS day, count(*) AS count FROM photos
       ${rootId ? 'WHERE root_id = ?' : ''} GROUP BY day ORDER BY day`,
    )
    .all(...(rootId ? [rootId] : []));
}

function expectCountsKept(db: Catalog) {
  expect(photoDays(db, {})).toEqual(counted(db));
  for (const rootId of [1, 2]) expect(photoDays(db, { rootId })).toEqual(counted(db, rootId));
  const { ids, groups } = photoIds(db, {}, { sort: 'takenAt', order: 'desc' });
  expect(groups.map((g) => [g.key, g.count])).toEqual(
    counted(db)
      .reverse()
      .map((r) => {
        const { day, count } = r as { day: string; count: number };
        return [day, count];
      }),
  );
  expect(groups.reduce((n, g) => n + g.count, 0)).toBe(ids.length);
  expect(db.prepare(`SELECT count(*) AS n FROM photo_day_counts WHERE photos < 1`).get()).toEqual({
    n: 0,
  });
}

describe('photos per day, kept by the catalog', () => {
  it('follow every insert, re-dating, move between roots and deletion', () => {
    const db = openCatalog(join(tempDir(), 'c.sqlite'));
    db.exec(schema);
    const a = addPhoto(db, 1, '2015-11-28T18:03:12');
    const b = addPhoto(db, 1, '2015-11-28T19:00:00');
    const c = addPhoto(db, 2, '2015-11-28T10:00:00');
    addPhoto(db, 2, '2017-12-28T11:00:00');
    expectCountsKept(db);

    db.prepare(`UPDATE photos SET taken_at = '2015-11-19T09:00:00' WHERE id = ?`).run(a);
    expectCountsKept(db);
    // Same day, another time: nothing to move.
    db.prepare(`UPDATE photos SET taken_at = '2015-11-28T20:00:00' WHERE id = ?`).run(b);
    expectCountsKept(db);
    db.prepare(`UPDATE photos SET root_id = 1, folder_id = 1 WHERE id = ?`).run(c);
    expectCountsKept(db);
    db.prepare(`DELETE FROM photos WHERE id = ?`).run(b);
    expectCountsKept(db);
    // A library folder removed takes its photos, and their counts, with it.
    db.prepare(`DELETE FROM roots WHERE id = 2`).run();
    expectCountsKept(db);
    expect(db.prepare(`SELECT DISTINCT root_id FROM photo_day_counts`).all()).toEqual([
      { root_id: 1 },
    ]);
    db.close();
  });

  it('are filled from the photos a catalog already has when it is upgraded', () => {
    const file = join(tempDir(), 'v6.sqlite');
    const old = new Database(file);
    migrate(old, loadMigrations().slice(0, 6));
    old.exec(schema);
    addPhoto(old, 1, '2015-11-24T10:00:00');
    addPhoto(old, 1, '2015-11-24T12:00:00');
    addPhoto(old, 2, '2015-11-25T10:00:00');
    old.close();
    const db = openCatalog(file);
    expect(
      db.prepare(`SELECT root_id, day, photos FROM photo_day_counts ORDER BY 1, 2`).all(),
    ).toEqual([
      { root_id: 1, day: '2015-11-24', photos: 2 },
      { root_id: 2, day: '2015-11-25', photos: 1 },
    ]);
    expectCountsKept(db);
    db.close();
  });

  it('are not used for other filters, which count their own photos', () => {
    const db = openCatalog(join(tempDir(), 'c.sqlite'));
    db.exec(schema);
    addPhoto(db, 1, '2015-11-28T18:03:12');
    addPhoto(db, 1, '2016-03-01T10:00:00');
    db.prepare(`UPDATE photos SET gps_latitude = 43.32, gps_longitude = 21.9 WHERE id = ?`).run(
      nextId - 1,
    );
    expect(photoDays(db, { hasGps: true })).toEqual([{ day: '2016-03-01', count: 1 }]);
    expect(photoIds(db, { hasGps: true }, { sort: 'takenAt', order: 'asc' }).groups).toEqual([
      { key: '2016-03-01', start: 0, count: 1 },
    ]);
    db.close();
  });
});
