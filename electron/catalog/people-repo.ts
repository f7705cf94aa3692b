import type { Catalog } from './open-catalog';
import type { Person } from '../../shared/api/archive-schema';
import { refreshPhotoSearch } from './search-repo';
import { sql } from './statements';

export function createPerson(db: Catalog, name: string, notes: string | null = null): number {
  return Number(
    sql(db, `INSERT INTO people (name, notes) VALUES (?, ?)`).run(name.trim(), notes)
      .lastInsertRowid,
  );
}

export function listPeople(db: Catalog): Person[] {
  return sql<[], Person>(
    db,
    `SELECT id, name, notes FROM people ORDER BY name COLLATE NOCASE`,
  ).all();
}

export function tagPersonInPhotos(
  db: Catalog,
  personId: number,
  photoIds: readonly number[],
): void {
  db.transaction(() => {
    const insert = sql(
      db,
      `INSERT OR IGNORE INTO photo_people (photo_id, person_id) VALUES (?, ?)`,
    );
    for (const id of photoIds) insert.run(id, personId);
    refreshPhotoSearch(db, photoIds);
  })();
}
