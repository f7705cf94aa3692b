import type { Catalog } from './open-catalog';
import {
  organisationInputSchema,
  type Organisation,
  type OrganisationInput,
} from '../../shared/api/archive-schema';
import { sql } from './statements';

export function createOrganisation(db: Catalog, input: OrganisationInput): number {
  const o = organisationInputSchema.parse(input);
  return Number(
    sql(
      db,
      `INSERT INTO organisations (name, short_name, city, country, website) VALUES (?, ?, ?, ?, ?)`,
    ).run(o.name, o.shortName ?? null, o.city ?? null, o.country ?? null, o.website ?? null)
      .lastInsertRowid,
  );
}

export function listOrganisations(db: Catalog): Organisation[] {
  return sql<[], Organisation>(
    db,
    `SELECT id, name, short_name AS shortName, city, country, website FROM organisations ORDER BY name COLLATE NOCASE`,
  ).all();
}
