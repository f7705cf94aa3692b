import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../../electron/catalog/open-catalog';
import { listPhotos } from '../../electron/catalog/photos-repo';
import { tidySearchIndex, tidySearchSlice } from '../../electron/catalog/search/tidy-search';
import { repoFixtures } from '../helpers/fixtures';
import { removeTempDirs } from '../helpers/temp-dir';
import { openTestLibrary, type TestLibrary } from '../helpers/test-library';

let db: Catalog;
beforeEach(() => {
  db = openCatalog(':memory:');
});
afterEach(() => db.close());

const segments = () =>
  db.prepare(`SELECT count(*) FROM photo_search_data WHERE id > 10`).pluck().get() as number;

describe('tidying the search index', () => {
  it('merges the segments many writing transactions left, and finds the same documents', async () => {
    const insert = db.prepare(`INSERT INTO photo_search (rowid, body) VALUES (?, ?)`);
    // Each transaction leaves a segment of its own.
    for (let t = 0; t < 40; t++)
      db.transaction(() => {
        for (let i = 0; i < 50; i++) insert.run(t * 1000 + i + 1, `word${i % 7} nis stip`);
      })();
    const find = (q: string) =>
      db.prepare(`SELECT count(*) FROM photo_search(?)`).pluck().get(q) as number;
    const before = [find('nis'), find('word3'), segments()];
    expect(before[0]).toBe(2000);
    expect(await tidySearchIndex(db)).toBeGreaterThan(1);
    expect([find('nis'), find('word3')]).toEqual(before.slice(0, 2));
    expect(segments()).toBeLessThan(before[2]!);
    // Nothing left: one slice finds no work.
    expect(await tidySearchIndex(db)).toBe(1);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await tidySearchIndex(db, controller.signal)).toBe(0);
  });
});

describe('an index run', () => {
  const libraries: TestLibrary[] = [];
  afterAll(async () => {
    for (const lib of libraries) await lib.close();
    removeTempDirs();
  });

  it('that wrote enough photos leaves the search index merged; a smaller one leaves it as written', async () => {
    const small = openTestLibrary();
    const big = openTestLibrary();
    libraries.push(small, big);
    // Segments as earlier writes leave them, one per transaction.
    for (const lib of [small, big])
      for (let i = 1; i <= 6; i++)
        lib.db.prepare(`INSERT INTO photo_search (rowid, body) VALUES (?, 'earlier')`).run(i);
    const smallRun = await small.index([repoFixtures], { tidyAfter: Infinity });
    const bigRun = await big.index([repoFixtures], { tidyAfter: 10 });
    expect(bigRun.added).toBe(smallRun.added);
    expect(bigRun.added).toBeGreaterThan(10);
    // Nothing left to merge after the big run; segments waiting after the small one.
    expect(tidySearchSlice(big.db)).toBe(false);
    expect(tidySearchSlice(small.db)).toBe(true);
    const found = (db: typeof big.db) =>
      listPhotos(db, { search: 'jpg', limit: 1000 }).items.length;
    expect(found(big.db)).toBe(found(small.db));
  });
});
