import { countPhotos, listPhotos, photoDays, photoIds } from '../../electron/catalog/photos-repo';
import { encodeCursor } from '../../electron/catalog/photo-query';
import { openCatalog, type Catalog } from '../../electron/catalog/open-catalog';
import { intOptions } from './bench-options';
import { machineLine, watchOtherCpu } from './machine-load';
import { queryPlan, recordStatements } from './capture-statements';
import { queryCatalog } from './make-query-catalog';
import { millis, quantile } from './stats';

/**
 * `npm run bench:query [-- --rows N --reps R]`: the catalog calls the photo grid makes, timed
 * on a catalog of N generated photos (1 000 000 by default). Every call repeats R times after
 * a warm-up; the target is p95 ≤ 20 ms, so the grid never waits a frame for its next page.
 * For a call that misses, the plan SQLite chose for each of its statements is printed.
 */

const { rows, reps } = intOptions({ rows: 1_000_000, reps: 50 });
console.log(machineLine());
const file = await queryCatalog(rows);
const db = openCatalog(file);

const one = <T>(sql: string): T => db.prepare<[], T>(sql).get()!;
const counts = one<{
  photos: number;
  folders: number;
  cameras: number;
  tags: number;
  links: number;
}>(
  `SELECT (SELECT count(*) FROM photos) AS photos, (SELECT count(*) FROM folders) AS folders,
     (SELECT count(*) FROM cameras) AS cameras, (SELECT count(*) FROM tags) AS tags,
     (SELECT count(*) FROM photo_tags) AS links`,
);
console.log(
  `Catalog: ${file}\n  ${counts.photos} photos, ${counts.folders} folders, ${counts.cameras} cameras, ` +
    `${counts.tags} tags, ${counts.links} photo tags`,
);

// Arguments a user would click on, looked up in this catalog.
const biggestRoot = one<{ id: number }>(
  `SELECT root_id AS id FROM photos GROUP BY root_id ORDER BY count(*) DESC LIMIT 1`,
).id;
const camera = one<{ id: number; n: number }>(
  `SELECT camera_id AS id, count(*) AS n FROM photos GROUP BY camera_id ORDER BY n DESC LIMIT 1`,
);
const leafTags = `SELECT pt.tag_id AS id, t.name, count(*) AS n FROM photo_tags pt JOIN tags t ON t.id = pt.tag_id
  WHERE NOT EXISTS (SELECT 1 FROM tags c WHERE c.parent_id = pt.tag_id) GROUP BY pt.tag_id`;
const commonTag = one<{ id: number; name: string; n: number }>(
  `${leafTags} ORDER BY n DESC LIMIT 1`,
);
const rareTag = one<{ id: number; name: string; n: number }>(
  `${leafTags} HAVING n >= 10 ORDER BY n ASC LIMIT 1`,
);
const parentTag = one<{ id: number; name: string }>(
  `SELECT id, name FROM tags WHERE name = 'Srbija' AND parent_id IS NOT NULL`,
);
const middle = one<{ taken_at: string; id: number }>(
  `SELECT taken_at, id FROM photos ORDER BY taken_at DESC, id DESC LIMIT 1 OFFSET ${Math.floor(rows / 2)}`,
);
const month = middle.taken_at.slice(0, 7);
// The cursor the grid holds after paging halfway down: keyset paging makes it cost as page 1.
const deepCursor = encodeCursor([middle.taken_at, middle.id]);

interface Case {
  name: string;
  run: (db: Catalog) => number;
  /** Calls that fetch a page or a count have the 20 ms target; the grid's id list is a bulk load. */
  target: boolean;
}

const page = (query: Parameters<typeof listPhotos>[1]) => (c: Catalog) =>
  listPhotos(c, { limit: 200, ...query }).items.length;

const cases: Case[] = [
  { name: 'listPhotos newest first', run: page({ sort: 'takenAt', order: 'desc' }), target: true },
  { name: 'listPhotos oldest first', run: page({ sort: 'takenAt', order: 'asc' }), target: true },
  {
    name: `listPhotos deep page (cursor at row ${Math.floor(rows / 2)})`,
    run: page({ order: 'desc', cursor: deepCursor }),
    target: true,
  },
  { name: `listPhotos root ${biggestRoot}`, run: page({ rootId: biggestRoot }), target: true },
  { name: `listPhotos month ${month}`, run: page({ from: month, to: month }), target: true },
  {
    name: `listPhotos camera ${camera.id} (${camera.n} photos)`,
    run: page({ cameraId: camera.id }),
    target: true,
  },
  {
    name: `listPhotos tag "${commonTag.name}" (${commonTag.n})`,
    run: page({ tagId: commonTag.id }),
    target: true,
  },
  {
    name: `listPhotos tag "${rareTag.name}" (${rareTag.n})`,
    run: page({ tagId: rareTag.id }),
    target: true,
  },
  {
    name: `listPhotos tag "${parentTag.name}" + subtags`,
    run: page({ tagId: parentTag.id }),
    target: true,
  },
  // What the search box sends after the first keystroke.
  { name: 'listPhotos search "n"', run: page({ search: 'n' }), target: true },
  { name: 'listPhotos search "Niš"', run: page({ search: 'Niš' }), target: true },
  { name: 'listPhotos search "ниш"', run: page({ search: 'ниш' }), target: true },
  { name: 'listPhotos search "stip"', run: page({ search: 'stip' }), target: true },
  { name: 'listPhotos search "DSC_22"', run: page({ search: 'DSC_22' }), target: true },
  { name: 'countPhotos all', run: (c) => countPhotos(c, {}), target: true },
  { name: 'countPhotos search "Niš"', run: (c) => countPhotos(c, { search: 'Niš' }), target: true },
  { name: 'photoDays all (date tree)', run: (c) => photoDays(c, {}).length, target: true },
  {
    name: 'photoIds all, newest first',
    run: (c) => photoIds(c, {}, { sort: 'takenAt', order: 'desc' }).ids.length,
    target: false,
  },
  {
    name: 'photoIds search "Niš", newest first',
    run: (c) => photoIds(c, { search: 'Niš' }, { sort: 'takenAt', order: 'desc' }).ids.length,
    target: false,
  },
];

interface Result {
  name: string;
  size: number;
  p50: number;
  p95: number;
  max: number;
  target: boolean;
}

const warmUp = 3;
const results: Result[] = [];
const others = watchOtherCpu();
for (const c of cases) {
  let size = 0;
  for (let i = 0; i < warmUp; i++) size = c.run(db);
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const started = performance.now();
    c.run(db);
    times.push(performance.now() - started);
  }
  const result = {
    name: c.name,
    size,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    max: Math.max(...times),
    target: c.target,
  };
  results.push(result);
  console.log(`  ${c.name}: p95 ${millis(result.p95)} ms`);
}

const width = Math.max(...results.map((r) => r.name.length));
const line = (cols: string[]) =>
  `  ${cols[0]!.padEnd(width)}  ${cols
    .slice(1)
    .map((c) => c.padStart(9))
    .join('  ')}`;
console.log(`  other processes used ${others().toFixed(1)} CPU-s while these ran`);
console.log(
  `\nQuery benchmark: ${counts.photos} photos, ${reps} timed calls each after ${warmUp} warm-up calls (ms)`,
);
console.log(line(['call', 'result', 'p50', 'p95', 'max', 'p95 ≤ 20']));
for (const r of results) {
  console.log(
    line([
      r.name,
      String(r.size),
      millis(r.p50),
      millis(r.p95),
      millis(r.max),
      r.target ? (r.p95 <= 20 ? 'met' : 'MISSED') : '(no target)',
    ]),
  );
}

const missed = results.filter((r) => r.p95 > 20);
if (missed.length > 0) {
  // A connection of its own, so every statement is prepared (and recorded) afresh.
  const explain = openCatalog(file, { readonly: true });
  const recorded = recordStatements(explain);
  console.log('\nQuery plans of the calls over 20 ms:');
  for (const r of missed) {
    recorded.length = 0;
    cases.find((c) => c.name === r.name)!.run(explain);
    console.log(`\n${r.name}${r.target ? '' : ' (no target)'}:`);
    for (const statement of recorded) {
      console.log(`  ${statement.sql.replace(/\s+/g, ' ').trim()}`);
      console.log(`  params ${JSON.stringify(statement.params)}`);
      console.log(queryPlan(db, statement).replace(/^/gm, '  '));
    }
  }
  explain.close();
}
db.close();
