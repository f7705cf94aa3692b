import type { Database } from 'better-sqlite3';
import { searchVariants, variantWords } from '../../../shared/text/fold-text';
import { sql, sqlSafe } from '../statements';
import { searchKeySql } from './search-keys';

// A photo's own text: its metadata (the file's and the user's), tags with their ancestors (a
// tag's path names them all), and people. Its folder and camera are gathered once per drain, below, since many photos
// share each. Its event's names are not here: they are matched through the event's own
// document (event-matches.ts), so moving photos between events rewrites no document.
const ownText = `
  SELECT ${searchKeySql('p.taken_at', 'p.id')} AS search_key, p.search_key AS old_key,
    p.folder_id, p.camera_id, p.file_name, p.title, p.caption, p.user_title,
    p.user_caption, p.keywords, p.creator, p.credit, p.city, p.location, p.region, p.country,
    p.event_name, p.lens,
    (SELECT group_concat(t.path, ' ') FROM photo_tags pt JOIN tags t ON t.id = pt.tag_id
      WHERE pt.photo_id = p.id) AS tags,
    (SELECT group_concat(pe.name, ' ') FROM photo_people pp JOIN people pe ON pe.id = pp.person_id
      WHERE pp.photo_id = p.id) AS people
  FROM photos p WHERE p.id = ?`;

// Read with safe integers: search keys pass 2^53, so they travel as BigInts.
type OwnRow = Record<string, string | bigint | null> & {
  search_key: bigint;
  old_key: bigint | null;
  folder_id: bigint;
  camera_id: bigint | null;
  keywords: string;
};

const keyColumns = new Set(['search_key', 'old_key', 'keywords']);

/** Looks each key up once per drain. */
function memo<K, V>(load: (key: K) => V): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    if (!seen.has(key)) seen.set(key, load(key));
    return seen.get(key)!;
  };
}

// Documents built and held at once: a rebuild of a million photos goes in parts.
const chunk = 20_000;

/** Rewrites the search documents of the given photos. */
export function writePhotoDocuments(db: Database, photoIds: Iterable<number>): void {
  const own = sqlSafe<[number], OwnRow>(db, ownText);
  const folder = memo(
    (id: number) =>
      sql<[number], { rel_path: string }>(db, `SELECT rel_path FROM folders WHERE id = ?`).get(id)
        ?.rel_path ?? null,
  );
  const camera = memo(
    (id: number) =>
      sql<[number], { text: string }>(
        db,
        `SELECT concat_ws(' ', make, model) AS text FROM cameras WHERE id = ?`,
      ).get(id)?.text ?? null,
  );
  // Titles, towns, folders and keywords repeat across a shoot: fold each text once.
  const wordsOf = memo(variantWords);
  // VALUES, not INSERT … SELECT: a statement that reads opens a savepoint, on which FTS5 writes
  // out its pending terms, so each photo became a segment of its own, merged again and again.
  const remove = sql(db, `DELETE FROM photo_search WHERE rowid = ?`);
  const insert = sql(db, `INSERT INTO photo_search (rowid, body) VALUES (?, ?)`);
  const remember = sql(db, `UPDATE photos SET search_key = ? WHERE id = ?`);
  const ascending = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
  const all = [...photoIds];
  for (let start = 0; start < all.length; start += chunk) {
    const documents: { id: number; key: bigint; oldKey: bigint | null; body: string }[] = [];
    for (const id of all.slice(start, start + chunk)) {
      // A photo deleted since it was queued took its document with it (search_photo_delete).
      const row = own.get(id);
      if (!row) continue;
      const texts: (string | null)[] = [
        folder(Number(row.folder_id)),
        row.camera_id == null ? null : camera(Number(row.camera_id)),
        ...(JSON.parse(row.keywords) as string[]),
      ];
      for (const [key, value] of Object.entries(row))
        if (typeof value === 'string' && !keyColumns.has(key)) texts.push(value);
      documents.push({
        id,
        key: row.search_key,
        oldKey: row.old_key,
        body: searchVariants(texts, wordsOf),
      });
    }
    // FTS5 writes out its pending terms whenever a rowid comes that is not above the last one
    // written: deleting, then inserting, in ascending key order writes them out twice, not once
    // per document (rewriting 10,000 photos newest first took a second instead of 0.2 s).
    for (const oldKey of documents
      .flatMap((d) => (d.oldKey == null ? [] : [d.oldKey]))
      .sort(ascending))
      remove.run(oldKey);
    documents.sort((a, b) => ascending(a.key, b.key));
    for (const d of documents) {
      insert.run(d.key, d.body);
      // The key changes only with the capture time; most rewrites keep it.
      if (d.oldKey !== d.key) remember.run(d.key, d.id);
    }
  }
}
