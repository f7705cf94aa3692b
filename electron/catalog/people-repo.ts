import type { Catalog } from './open-catalog';
import type { Edit } from '../edits/edit';
import type { Person, PersonFields } from '../../shared/api/domains/people';
import { KadarError } from '../../shared/errors';
import { addLinks } from './photo-links';
import { sql, sqlPluck } from './statements';
import { toColumns } from './to-columns';

const columns = {
  name: 'name',
  organisationId: 'organisation_id',
  role: 'role',
  notes: 'notes',
} as const satisfies Record<keyof PersonFields, string>;

const personSelect = `SELECT pe.id, pe.name, pe.organisation_id AS organisationId,
    o.name AS organisation, pe.role, pe.notes,
    (SELECT count(*) FROM photo_people WHERE person_id = pe.id) AS photoCount,
    (SELECT json_group_array(event_id) FROM (SELECT DISTINCT p.event_id FROM photo_people pp
      JOIN photos p ON p.id = pp.photo_id WHERE pp.person_id = pe.id AND p.event_id IS NOT NULL
      ORDER BY p.event_id)) AS eventIds
  FROM people pe LEFT JOIN organisations o ON o.id = pe.organisation_id`;

type PersonRow = Omit<Person, 'eventIds'> & { eventIds: string };
const toPerson = ({ eventIds, ...row }: PersonRow): Person => ({
  ...row,
  eventIds: JSON.parse(eventIds) as number[],
});

export function listPeople(db: Catalog): Person[] {
  return sql<[], PersonRow>(db, `${personSelect} ORDER BY pe.name COLLATE NOCASE`)
    .all()
    .map(toPerson);
}

export function getPerson(db: Catalog, id: number): Person | undefined {
  const row = sql<[number], PersonRow>(db, `${personSelect} WHERE pe.id = ?`).get(id);
  return row && toPerson(row);
}

export function requirePerson(db: Catalog, id: number, field = 'id'): Person {
  const person = getPerson(db, id);
  if (!person) throw new KadarError('NOT_FOUND', `${field}: there is no person ${id}.`);
  return person;
}

function checkName(db: Catalog, name: string, except: number | null): void {
  const other = sql<[string], { id: number }>(
    db,
    `SELECT id FROM people WHERE name = ? COLLATE NOCASE`,
  ).get(name.trim());
  if (other && other.id !== except)
    throw new KadarError(
      'INVALID_INPUT',
      `name: there is already a person called ${name.trim()} (${other.id}).`,
    );
}

export function createPerson(edit: Edit, fields: PersonFields): number {
  checkName(edit.db, fields.name, null);
  return edit.insert('people', toColumns(columns, { ...fields, name: fields.name.trim() }));
}

export function updatePerson(edit: Edit, id: number, patch: Partial<PersonFields>): void {
  requirePerson(edit.db, id);
  if (patch.name != null) checkName(edit.db, patch.name, id);
  const set = toColumns(columns, patch);
  if (Object.keys(set).length) edit.update('people', { id }, set);
}

/** Deletes a person; their photos stay, untagged. */
export function deletePerson(edit: Edit, id: number): void {
  requirePerson(edit.db, id);
  // Row by row, so undo brings each back (the foreign keys would cascade unrecorded).
  edit.delete('photo_people', { person_id: id });
  edit.delete('photo_people_removals', { person_id: id });
  edit.delete('people', { id });
}

export function tagPersonInPhotos(edit: Edit, personId: number, photoIds: readonly number[]): void {
  addLinks(edit, 'person', photoIds, [personId]);
}

/** The people a file names (IPTC PersonInImage), made when first seen (indexing, not an edit). */
export function ensurePeople(db: Catalog, names: readonly string[]): number[] {
  return names.map((raw) => {
    const name = raw.trim();
    const found = sqlPluck<[string], number>(
      db,
      `SELECT id FROM people WHERE name = ? COLLATE NOCASE`,
    ).get(name);
    return (
      found ?? Number(sql(db, `INSERT INTO people (name) VALUES (?)`).run(name).lastInsertRowid)
    );
  });
}
