import type { Database } from 'better-sqlite3';
import { searchVariants } from '../../../shared/text/fold-text';
import { sql } from '../statements';
import { searchKeySql } from './search-keys';

// Everything the catalog knows about a photo that a person might type: its own metadata (the
// file's and the user's), its folder, tags with their ancestors, people, and its event's and
// that event's projects' and partners' names. Document texts are in the event's own document.
const gatherText = `
  SELECT p.file_name, f.rel_path AS folder, p.title, p.caption, p.user_title, p.user_caption,
    p.keywords, p.creator, p.credit, p.city, p.location, p.region, p.country, p.event_name,
    p.lens, c.make, c.model,
    (WITH RECURSIVE up(id, parent_id, name) AS (
        SELECT t.id, t.parent_id, t.name FROM photo_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.photo_id = p.id
        UNION SELECT t.id, t.parent_id, t.name FROM tags t JOIN up ON t.id = up.parent_id)
      SELECT group_concat(name, ' ') FROM up) AS tags,
    (SELECT group_concat(pe.name, ' ') FROM photo_people pp JOIN people pe ON pe.id = pp.person_id
      WHERE pp.photo_id = p.id) AS people,
    (SELECT concat_ws(' ', e.title, e.venue, e.city, e.country, o.name, o.short_name)
      FROM events e LEFT JOIN organisations o ON o.id = e.organiser_id WHERE e.id = p.event_id) AS event,
    (SELECT group_concat(concat_ws(' ', pr.name, pr.code, pr.programme,
        (SELECT group_concat(po.name, ' ') FROM project_partners pp JOIN organisations po ON po.id = pp.organisation_id
          WHERE pp.project_id = pr.id)), ' ')
      FROM project_events pj JOIN projects pr ON pr.id = pj.project_id WHERE pj.event_id = p.event_id) AS projects
  FROM photos p
  LEFT JOIN folders f ON f.id = p.folder_id
  LEFT JOIN cameras c ON c.id = p.camera_id
  WHERE p.id = ?`;

type TextRow = Record<string, string | number | null>;

function bodyOf(row: TextRow): string {
  const texts: string[] = [];
  for (const [key, value] of Object.entries(row)) {
    if (value == null) continue;
    texts.push(
      key === 'keywords' ? (JSON.parse(String(value)) as string[]).join(' ') : String(value),
    );
  }
  return searchVariants(texts);
}

/** Rewrites the search documents of the given photos; a photo that is gone loses its own. */
export function writePhotoDocuments(db: Database, photoIds: Iterable<number>): void {
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
