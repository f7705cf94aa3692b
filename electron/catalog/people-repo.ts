import type { Catalog } from './open-catalog';
import type { Edit } from '../edits/edit';
import { sql } from './statements';

export interface Person {
  id: number;
  name: string;
  notes: string | null;
}

export function createPerson(edit: Edit, name: string, notes: string | null = null): number {
  return edit.insert('people', { name: name.trim(), notes });
}

export function listPeople(db: Catalog): Person[] {
  return sql<[], Person>(
    db,
    `SELECT id, name, notes FROM people ORDER BY name COLLATE NOCASE`,
  ).all();
}

export function tagPersonInPhotos(edit: Edit, personId: number, photoIds: readonly number[]): void {
  const tagged = sql(edit.db, `SELECT 1 FROM photo_people WHERE photo_id = ? AND person_id = ?`);
  for (const photoId of new Set(photoIds))
    if (!tagged.get(photoId, personId))
      edit.insert('photo_people', { photo_id: photoId, person_id: personId });
}
