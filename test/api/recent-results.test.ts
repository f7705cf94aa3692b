import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recentResults } from '../../electron/api/recent-results';
import { openCatalog, type Catalog } from '../../electron/catalog/open-catalog';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

afterAll(removeTempDirs);

function countingRead(db: Catalog) {
  let computed = 0;
  const read = recentResults(
    db,
    (_input: { rootId?: number; sort: string }) => {
      computed++;
      return db.prepare(`SELECT count(*) AS n FROM roots`).get() as { n: number };
    },
    2,
  );
  return { read, computed: () => computed };
}

const addRoot = (db: Catalog, id: number) =>
  db
    .prepare(`INSERT INTO roots (id, path, name, added_at) VALUES (?, ?, 'r', '2016-01-01')`)
    .run(id, `/archive/${id}`);

describe('recent results of a catalog read', () => {
  it('answer again from memory while the catalog is unchanged, whatever the key order', () => {
    const db = openCatalog(join(tempDir(), 'c.sqlite'));
    const { read, computed } = countingRead(db);
    expect(read({ sort: 'takenAt', rootId: 1 })).toEqual({ n: 0 });
    expect(read({ rootId: 1, sort: 'takenAt' })).toEqual({ n: 0 });
    expect(computed()).toBe(1);
    db.close();
  });

  it('read afresh after this connection writes', () => {
    const db = openCatalog(join(tempDir(), 'c.sqlite'));
    const { read, computed } = countingRead(db);
    read({ sort: 'takenAt' });
    addRoot(db, 1);
    expect(read({ sort: 'takenAt' })).toEqual({ n: 1 });
    db.prepare(`UPDATE roots SET name = 'renamed'`).run();
    read({ sort: 'takenAt' });
    expect(computed()).toBe(3);
    db.close();
  });

  it('read afresh after another process commits to the same catalog', () => {
    const file = join(tempDir(), 'c.sqlite');
    const db = openCatalog(file);
    const other = openCatalog(file);
    const { read, computed } = countingRead(db);
    read({ sort: 'takenAt' });
    addRoot(other, 7);
    expect(read({ sort: 'takenAt' })).toEqual({ n: 1 });
    expect(computed()).toBe(2);
    other.close();
    db.close();
  });

  it('keep only the newest few inputs', () => {
    const db = openCatalog(join(tempDir(), 'c.sqlite'));
    const { read, computed } = countingRead(db);
    read({ sort: 'a' });
    read({ sort: 'b' });
    read({ sort: 'a' }); // a is now the most recent
    read({ sort: 'c' }); // b goes
    expect(computed()).toBe(3);
    read({ sort: 'a' });
    expect(computed()).toBe(3);
    read({ sort: 'b' });
    expect(computed()).toBe(4);
    db.close();
  });
});
