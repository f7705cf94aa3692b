import type { Catalog } from './open-catalog';
import type { Organisation, OrganisationFields } from '../../shared/api/domains/organisations';
import { KadarError } from '../../shared/errors';
import { foldText } from '../../shared/text/fold-text';
import type { Edit } from '../edits/edit';
import { toColumns } from './to-columns';
import { nowIso, sql } from './statements';

interface OrganisationRow {
  id: number;
  name: string;
  short_name: string | null;
  city: string | null;
  country: string | null;
  website: string | null;
  event_ids: string | null;
  project_ids: string | null;
}

const selectOrganisations = `
  SELECT o.*,
    (SELECT group_concat(id) FROM (SELECT id FROM events WHERE organiser_id = o.id ORDER BY starts_on, id)) AS event_ids,
    (SELECT group_concat(project_id) FROM project_partners WHERE organisation_id = o.id) AS project_ids
  FROM organisations o`;

const numbers = (list: string | null) => (list ? list.split(',').map(Number) : []);

function toOrganisation(r: OrganisationRow): Organisation {
  return {
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    city: r.city,
    country: r.country,
    website: r.website,
    eventIds: numbers(r.event_ids),
    projectIds: numbers(r.project_ids),
  };
}

export function getOrganisation(db: Catalog, id: number): Organisation | undefined {
  const row = sql<[number], OrganisationRow>(db, `${selectOrganisations} WHERE o.id = ?`).get(id);
  return row && toOrganisation(row);
}

export function requireOrganisation(db: Catalog, id: number, field = 'id'): Organisation {
  const found = getOrganisation(db, id);
  if (!found) throw new KadarError('NOT_FOUND', `${field}: there is no organisation ${id}.`);
  return found;
}

export function listOrganisations(db: Catalog): Organisation[] {
  return sql<[], OrganisationRow>(db, `${selectOrganisations} ORDER BY o.name COLLATE NOCASE`)
    .all()
    .map(toOrganisation);
}

const columns = {
  name: 'name',
  shortName: 'short_name',
  city: 'city',
  country: 'country',
  website: 'website',
} as const satisfies Record<keyof OrganisationFields, string>;

export function createOrganisation(edit: Edit, fields: OrganisationFields): number {
  return edit.insert('organisations', { ...toColumns(columns, fields), created_at: nowIso() });
}

export function updateOrganisation(
  edit: Edit,
  id: number,
  patch: Partial<OrganisationFields>,
): void {
  requireOrganisation(edit.db, id);
  edit.update('organisations', { id }, toColumns(columns, patch));
}

/**
 * The organisation a partner list or an announcement names: one whose name or short name
 * folds to the same words ("Klaster Kuća" = "Klaster Kuca" = "Кластер Кућа"), else a new one.
 */
export function findOrCreateOrganisation(edit: Edit, fields: OrganisationFields): number {
  const wanted = foldText(fields.name.trim());
  const rows = sql<[], { id: number; name: string; short_name: string | null }>(
    edit.db,
    `SELECT id, name, short_name FROM organisations`,
  ).all();
  const found = rows.find(
    (r) =>
      foldText(r.name) === wanted || (r.short_name != null && foldText(r.short_name) === wanted),
  );
  return found ? found.id : createOrganisation(edit, fields);
}

/** Deletes an organisation; events it organised keep no organiser, projects lose the partner. */
export function deleteOrganisation(edit: Edit, id: number): boolean {
  edit.update('events', { organiser_id: id }, { organiser_id: null });
  edit.delete('project_partners', { organisation_id: id });
  return edit.delete('organisations', { id }) > 0;
}
