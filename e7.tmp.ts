import Database from 'better-sqlite3';
import { searchVariants, variantWords } from './shared/text/fold-text';
const db = new Database('/tmp/q2.sqlite') as any;
const ids = db.prepare(`SELECT id FROM photos WHERE event_id IS NULL ORDER BY taken_at DESC, id DESC LIMIT 10000`).pluck().all() as number[];
const ownText = `
  SELECT p.search_key AS old_key, p.folder_id, p.camera_id, p.file_name, p.title, p.caption, p.user_title,
    p.user_caption, p.keywords, p.creator, p.credit, p.city, p.location, p.region, p.country,
    p.event_name, p.lens,
    (SELECT group_concat(t.path, ' ') FROM photo_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.photo_id = p.id) AS tags,
    (SELECT group_concat(pe.name, ' ') FROM photo_people pp JOIN people pe ON pe.id = pp.person_id
      WHERE pp.photo_id = p.id) AS people
  FROM photos p WHERE p.id = ?`;
const own = db.prepare(ownText).safeIntegers(true);
db.exec('BEGIN IMMEDIATE');
let t = performance.now();
const rows = ids.map((id) => own.get(id));
console.log('gather', (performance.now() - t).toFixed(0));
t = performance.now();
const memo = new Map<string, string[]>();
const wordsOf = (s: string) => { let w = memo.get(s); if (!w) { w = variantWords(s); memo.set(s, w); } return w; };
const bodies = rows.map((r: any) => searchVariants(Object.values(r).filter((v) => typeof v === 'string') as string[], wordsOf));
console.log('fold', (performance.now() - t).toFixed(0), 'avg words', bodies.reduce((n, b) => n + b.split(' ').length, 0) / bodies.length);
const del = db.prepare(`DELETE FROM photo_search WHERE rowid = ?`);
t = performance.now();
for (const r of rows as any[]) del.run(r.old_key);
console.log('delete', (performance.now() - t).toFixed(0));
const ins = db.prepare(`INSERT INTO photo_search (rowid, body) VALUES (?, ?)`);
t = performance.now();
(rows as any[]).forEach((r, i) => ins.run(r.old_key, bodies[i]));
console.log('insert', (performance.now() - t).toFixed(0));
t = performance.now();
db.exec("ROLLBACK");
console.log('commit', (performance.now() - t).toFixed(0));
{
  const memo2 = new Map<string, string[]>();
  let misses = 0, chars = 0;
  const wordsOf2 = (s: string) => { let w = memo2.get(s); if (!w) { misses++; chars += s.length; w = variantWords(s); memo2.set(s, w); } return w; };
  const t2 = performance.now();
  rows.forEach((r: any) => searchVariants(Object.values(r).filter((v) => typeof v === 'string') as string[], wordsOf2));
  console.log('fold again', (performance.now() - t2).toFixed(0), 'misses', misses, 'chars', chars);
  const t3 = performance.now();
  let n = 0;
  for (const s of memo2.keys()) n += variantWords(s).length;
  console.log('variantWords only', (performance.now() - t3).toFixed(0), n);
}
for (const prefix of ["'1 2 3 4'", "'2 3 4'", "'1 2 3'", "'3 4'", null]) {
  db.exec(`DROP TABLE IF EXISTS t_fts; CREATE VIRTUAL TABLE t_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', content='', contentless_delete=1, detail=none${prefix ? `, prefix=${prefix}` : ''})`);
  const ins2 = db.prepare(`INSERT INTO t_fts (rowid, body) VALUES (?, ?)`);
  db.exec('BEGIN');
  const t4 = performance.now();
  bodies.forEach((b, i) => ins2.run(i + 1, b));
  db.exec('COMMIT');
  console.log('prefix', prefix, (performance.now() - t4).toFixed(0));
}
for (const tok of ["'ascii'", "'unicode61 remove_diacritics 0'"]) {
  db.exec(`DROP TABLE IF EXISTS t_fts; CREATE VIRTUAL TABLE t_fts USING fts5(body, tokenize = ${tok}, content='', contentless_delete=1, detail=none, prefix='1 2 3 4')`);
  const ins2 = db.prepare(`INSERT INTO t_fts (rowid, body) VALUES (?, ?)`);
  db.exec('BEGIN');
  const t4 = performance.now();
  bodies.forEach((b, i) => ins2.run(i + 1, b));
  db.exec('COMMIT');
  console.log('tokenizer', tok, (performance.now() - t4).toFixed(0));
}
