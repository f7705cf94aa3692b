import type { Catalog } from './open-catalog';
import type { Edit } from '../edits/edit';
import type { SavedSearch } from '../../shared/api/domains/searches';
import type { PhotoFilter } from '../../shared/api/photo-query-schema';
import { KadarError } from '../../shared/errors';
import { nowIso, sql } from './statements';

interface Row {
  id: number;
  name: string;
  filter: string;
  created_at: string;
}
const toSearch = (r: Row): SavedSearch => ({
  id: r.id,
  name: r.name,
  filter: JSON.parse(r.filter) as PhotoFilter,
  createdAt: r.created_at,
});

export function listSearches(db: Catalog): SavedSearch[] {
  return sql<[], Row>(db, `SELECT * FROM saved_searches ORDER BY name COLLATE NOCASE, id`)
    .all()
    .map(toSearch);
}

export function requireSearch(db: Catalog, id: number): SavedSearch {
  const row = sql<[number], Row>(db, `SELECT * FROM saved_searches WHERE id = ?`).get(id);
  if (!row) throw new KadarError('NOT_FOUND', `id: there is no saved search ${id}.`);
  return toSearch(row);
}

export function saveSearch(edit: Edit, name: string, filter: PhotoFilter): number {
  return edit.insert('saved_searches', {
    name,
    filter: JSON.stringify(filter),
    created_at: nowIso(),
  });
}

export function renameSearch(edit: Edit, id: number, name: string): void {
  edit.update('saved_searches', { id }, { name });
}

export function deleteSearch(edit: Edit, id: number): void {
  edit.delete('saved_searches', { id });
}
