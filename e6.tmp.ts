import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { writePhotoDocuments } from './electron/catalog/search/photo-documents';
copyFileSync('.cache/bench/query-catalog-1000000.sqlite', '/tmp/q2.sqlite');
const db = new Database('/tmp/q2.sqlite') as any;
const ids = db.prepare(`SELECT id FROM photos WHERE event_id IS NULL ORDER BY taken_at DESC, id DESC LIMIT 10000`).pluck().all() as number[];
const segs = () => db.prepare(`SELECT count(*) FROM photo_search_data`).pluck().get();
const time = (label: string) => {
  const ts: number[] = [];
  for (let i = 0; i < 3; i++) {
    db.exec('BEGIN IMMEDIATE');
    const t = performance.now();
    writePhotoDocuments(db, ids);
    ts.push(performance.now() - t);
    db.exec('ROLLBACK');
  }
  console.log(label, ts.map((t) => t.toFixed(0)).join(' '), 'ms; data rows', segs());
};
time('as built');
const s = performance.now();
db.exec(`INSERT INTO photo_search(photo_search) VALUES('optimize')`);
console.log('optimize', (performance.now() - s).toFixed(0), 'ms');
time('optimized');
// gather only
const own = db.prepare(`SELECT id FROM photos WHERE id = ?`);
