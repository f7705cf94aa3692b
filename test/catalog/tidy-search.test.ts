import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../../electron/catalog/open-catalog';
import { tidySearchIndex } from '../../electron/catalog/search/tidy-search';

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
