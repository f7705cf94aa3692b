import type { Database } from 'better-sqlite3';
import { searchVariants } from '../../shared/text/fold-text';
import { sql } from './statements';

/** Photo ids fit in the low 26 bits of a search key: 67 million photos. */
const idBits = 26;
export const searchIdMask = 2 ** idBits - 1;
// Seconds from 1800-01-01 to 1970-01-01, so photos from 1800 on get positive keys.
const epochShift = 5_364_662_400;

/**
 * The SQL for a photo's search key: its capture second, then its id, in one 64-bit integer.
 * Keys pass 2^53, so they stay inside SQLite and never become JavaScript numbers; the id is
 * cast because a bound JavaScript number may arrive as a REAL and turn the sum into a float.
 */
export const searchKeySql = (takenAt: string, id: string) =>
  `((CAST(strftime('%s', substr(${takenAt}, 1, 19)) AS INTEGER) + ${epochShift}) * ${2 ** idBits} + CAST(${id} AS INTEGER))`;

// Everything the catalog knows about a photo that a person might type: its own metadata, its
// folder, tags with their ancestors, people, and the events and projects it belongs to.
const gatherText = `
  SELECT p.id, p.file_name, f.rel_path AS folder, p.title, p.caption, p.keywords, p.creator, p.credit,
    p.city, p.location, p.region, p.country, p.event_name, p.lens, c.make, c.model,
    (WITH RECURSIVE up(id, parent_id, name) AS (
        SELECT t.id, t.parent_id, t.name FROM photo_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.photo_id = p.id
        UNION SELECT t.id, t.parent_id, t.name FROM tags t JOIN up ON t.id = up.parent_id)
      SELECT group_concat(name, ' ') FROM up) AS tags,
    (SELECT group_concat(pe.name, ' ') FROM photo_people pp JOIN people pe ON pe.id = pp.person_id
      WHERE pp.photo_id = p.id) AS people,
    (SELECT group_concat(concat_ws(' ', e.title, e.venue, e.city, o.name, o.short_name), ' ')
      FROM event_photos ep JOIN events e ON e.id = ep.event_id
      LEFT JOIN organisations o ON o.id = e.organiser_id WHERE ep.photo_id = p.id) AS events,
    (SELECT group_concat(concat_ws(' ', pr.name, pr.code, pr.programme), ' ')
      FROM event_photos ep JOIN project_events pj ON pj.event_id = ep.event_id
      JOIN projects pr ON pr.id = pj.project_id WHERE ep.photo_id = p.id) AS projects
  FROM photos p
  LEFT JOIN folders f ON f.id = p.folder_id
  LEFT JOIN cameras c ON c.id = p.camera_id
  WHERE p.id = ?`;

type TextRow = Record<string, string | number | null>;

function bodyOf(row: TextRow): string {
  const texts: string[] = [];
  for (const [key, value] of Object.entries(row)) {
    if (key === 'id' || value == null) continue;
    texts.push(
      key === 'keywords' ? (JSON.parse(String(value)) as string[]).join(' ') : String(value),
    );
  }
  return searchVariants(texts);
}

/** Rewrites the search documents of the given photos; call inside the writing transaction. */
export function refreshPhotoSearch(db: Database, photoIds: Iterable<number>): void {
  const gather = sql<[number], TextRow>(db, gatherText);
  const remove = sql(
    db,
    `DELETE FROM photo_search WHERE rowid = (SELECT search_key FROM photos WHERE id = ? AND search_key IS NOT NULL)`,
  );
  const insert = sql(
    db,
    `INSERT INTO photo_search (rowid, body) SELECT ${searchKeySql('taken_at', 'id')}, ? FROM photos WHERE id = ?`,
  );
  const remember = sql(
    db,
    `UPDATE photos SET search_key = ${searchKeySql('taken_at', 'id')} WHERE id = ?`,
  );
  for (const id of photoIds) {
    remove.run(id);
    const row = gather.get(id);
    if (!row) continue;
    insert.run(bodyOf(row), id);
    remember.run(id);
  }
}

/** Refills the whole index, in batches, inside one transaction. */
export function rebuildSearch(db: Database): void {
  db.transaction(() => {
    db.exec(`DELETE FROM photo_search; UPDATE photos SET search_key = NULL`);
    const rows = sql<[], { id: number }>(db, `SELECT id FROM photos ORDER BY id`).all();
    refreshPhotoSearch(
      db,
      rows.map((r) => r.id),
    );
    sql(db, `DELETE FROM settings WHERE key = 'search.rebuild'`).run();
  }).immediate();
}

/** A migration that changes what is searchable sets `search.rebuild`; this honours it. */
export function rebuildSearchIfFlagged(db: Database): void {
  const flagged = sql<[], { value: string }>(
    db,
    `SELECT value FROM settings WHERE key = 'search.rebuild'`,
  ).get();
  if (flagged?.value === '1') rebuildSearch(db);
}
