import type { Catalog } from './open-catalog';
import {
  projectInputSchema,
  type Project,
  type ProjectInput,
} from '../../shared/api/archive-schema';
import { refreshPhotoSearch } from './search-repo';
import { eventPhotoIds } from './events-repo';
import { nowIso, sql } from './statements';

type PartnerRole = Project['partners'][number]['role'];

interface ProjectRow {
  id: number;
  name: string;
  code: string | null;
  programme: string | null;
  starts_on: string | null;
  ends_on: string | null;
  description: string | null;
}

export function createProject(db: Catalog, input: ProjectInput): number {
  const p = projectInputSchema.parse(input);
  return Number(
    sql(
      db,
      `INSERT INTO projects (name, code, programme, starts_on, ends_on, description, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      p.name,
      p.code ?? null,
      p.programme ?? null,
      p.startsOn ?? null,
      p.endsOn ?? null,
      p.description ?? null,
      nowIso(),
    ).lastInsertRowid,
  );
}

function toProject(db: Catalog, r: ProjectRow): Project {
  return {
    id: r.id,
    name: r.name,
    code: r.code,
    programme: r.programme,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    description: r.description,
    partners: sql<[number], { organisationId: number; name: string; role: PartnerRole }>(
      db,
      `SELECT o.id AS organisationId, o.name, pp.role FROM project_partners pp JOIN organisations o ON o.id = pp.organisation_id
       WHERE pp.project_id = ? ORDER BY pp.role = 'lead' DESC, o.name COLLATE NOCASE`,
    ).all(r.id),
    eventIds: sql<[number], { event_id: number }>(
      db,
      `SELECT pe.event_id FROM project_events pe JOIN events e ON e.id = pe.event_id WHERE pe.project_id = ? ORDER BY e.starts_on`,
    )
      .all(r.id)
      .map((e) => e.event_id),
  };
}

export function getProject(db: Catalog, id: number): Project | undefined {
  const row = sql<[number], ProjectRow>(db, `SELECT * FROM projects WHERE id = ?`).get(id);
  return row && toProject(db, row);
}

export function listProjects(db: Catalog): Project[] {
  return sql<[], ProjectRow>(db, `SELECT * FROM projects ORDER BY starts_on, name COLLATE NOCASE`)
    .all()
    .map((r) => toProject(db, r));
}

export function addProjectPartner(
  db: Catalog,
  projectId: number,
  organisationId: number,
  role: PartnerRole = 'partner',
): void {
  sql(
    db,
    `INSERT INTO project_partners (project_id, organisation_id, role) VALUES (?, ?, ?)
     ON CONFLICT (project_id, organisation_id) DO UPDATE SET role = excluded.role`,
  ).run(projectId, organisationId, role);
}

/** Events belong to any number of projects; their photos become findable by the project. */
export function addEventToProject(db: Catalog, projectId: number, eventId: number): void {
  db.transaction(() => {
    sql(db, `INSERT OR IGNORE INTO project_events (project_id, event_id) VALUES (?, ?)`).run(
      projectId,
      eventId,
    );
    refreshPhotoSearch(db, eventPhotoIds(db, eventId));
  })();
}
