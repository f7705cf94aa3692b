import type { Catalog } from './open-catalog';
import type { PartnerInput, Project, ProjectFields } from '../../shared/api/domains/projects';
import { KadarError } from '../../shared/errors';
import type { Edit } from '../edits/edit';
import { findOrCreateOrganisation } from './organisations-repo';
import { toColumns } from './to-columns';
import { nowIso, sql, sqlPluck } from './statements';

interface ProjectRow {
  id: number;
  name: string;
  code: string | null;
  programme: string | null;
  starts_on: string | null;
  ends_on: string | null;
  description: string | null;
  creator: string | null;
  credit: string | null;
  copyright: string | null;
  partners: string;
  event_ids: string | null;
  photo_count: number;
  documents: string;
}

const selectProjects = `
  SELECT pr.id, pr.name, pr.code, pr.programme, pr.starts_on, pr.ends_on, pr.description,
    pr.creator, pr.credit, pr.copyright,
    (SELECT json_group_array(json_object('organisationId', o.id, 'name', o.name, 'shortName', o.short_name,
        'role', pp.role, 'country', o.country))
      FROM (SELECT * FROM project_partners WHERE project_id = pr.id ORDER BY position, rowid) pp
      JOIN organisations o ON o.id = pp.organisation_id) AS partners,
    (SELECT group_concat(id) FROM (SELECT e.id FROM project_events pe JOIN events e ON e.id = pe.event_id
      WHERE pe.project_id = pr.id ORDER BY e.starts_on, e.id)) AS event_ids,
    (SELECT count(*) FROM project_events pe JOIN photos p ON p.event_id = pe.event_id
      WHERE pe.project_id = pr.id) AS photo_count,
    (SELECT json_group_array(json_object('id', d.id, 'title', d.title, 'fileName', d.file_name, 'mime', d.mime))
      FROM (SELECT * FROM documents WHERE project_id = pr.id ORDER BY added_at, id) d) AS documents
  FROM projects pr`;

function toProject(r: ProjectRow): Project {
  return {
    id: r.id,
    name: r.name,
    code: r.code,
    programme: r.programme,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    description: r.description,
    creator: r.creator,
    credit: r.credit,
    copyright: r.copyright,
    partners: JSON.parse(r.partners) as Project['partners'],
    eventIds: r.event_ids ? r.event_ids.split(',').map(Number) : [],
    photoCount: r.photo_count,
    documents: JSON.parse(r.documents) as Project['documents'],
  };
}

export function getProject(db: Catalog, id: number): Project | undefined {
  const row = sql<[number], ProjectRow>(db, `${selectProjects} WHERE pr.id = ?`).get(id);
  return row && toProject(row);
}

export function requireProject(db: Catalog, id: number, field = 'id'): Project {
  const project = getProject(db, id);
  if (!project) throw new KadarError('NOT_FOUND', `${field}: there is no project ${id}.`);
  return project;
}

/** Newest first: the office thinks of its current projects first. */
export function listProjects(db: Catalog): Project[] {
  return sql<[], ProjectRow>(
    db,
    `${selectProjects} ORDER BY pr.starts_on IS NULL, pr.starts_on DESC, pr.name COLLATE NOCASE`,
  )
    .all()
    .map(toProject);
}

const columns = {
  name: 'name',
  code: 'code',
  programme: 'programme',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  description: 'description',
  creator: 'creator',
  credit: 'credit',
  copyright: 'copyright',
} as const satisfies Record<keyof ProjectFields, string>;

function checkCode(db: Catalog, code: string | null | undefined, except: number | null): void {
  if (!code) return;
  const other = sql<[string], { id: number; name: string }>(
    db,
    `SELECT id, name FROM projects WHERE code = ?`,
  ).get(code);
  if (other && other.id !== except)
    throw new KadarError(
      'INVALID_INPUT',
      `code: project "${other.name}" already has the code ${code}.`,
    );
}

export function createProject(edit: Edit, fields: ProjectFields): number {
  checkCode(edit.db, fields.code, null);
  return edit.insert('projects', { ...toColumns(columns, fields), created_at: nowIso() });
}

export function updateProject(edit: Edit, id: number, patch: Partial<ProjectFields>): void {
  const current = requireProject(edit.db, id);
  const startsOn = patch.startsOn === undefined ? current.startsOn : patch.startsOn;
  const endsOn = patch.endsOn === undefined ? current.endsOn : patch.endsOn;
  if (startsOn && endsOn && endsOn < startsOn)
    throw new KadarError(
      'INVALID_INPUT',
      `endsOn: the project would end on ${endsOn}, before it starts (${startsOn}).`,
    );
  checkCode(edit.db, patch.code, id);
  edit.update('projects', { id }, toColumns(columns, patch));
}

/** Replaces the project's partners, in the order given (organisations named are found or made). */
export function setPartners(
  edit: Edit,
  projectId: number,
  partners: readonly PartnerInput[],
): void {
  const wanted = partners.map((p, position) => ({
    organisationId:
      'organisationId' in p
        ? p.organisationId
        : findOrCreateOrganisation(edit, { name: p.name, country: p.country ?? null }),
    role: p.role ?? 'partner',
    position,
  }));
  for (const w of wanted)
    if (!sql(edit.db, `SELECT 1 FROM organisations WHERE id = ?`).get(w.organisationId))
      throw new KadarError('NOT_FOUND', `partners: there is no organisation ${w.organisationId}.`);
  const keep = new Set(wanted.map((w) => w.organisationId));
  for (const id of sqlPluck<[number], number>(
    edit.db,
    `SELECT organisation_id FROM project_partners WHERE project_id = ?`,
  ).all(projectId))
    if (!keep.has(id))
      edit.delete('project_partners', { project_id: projectId, organisation_id: id });
  for (const w of wanted) {
    const key = { project_id: projectId, organisation_id: w.organisationId };
    if (
      edit.update('project_partners', key, { role: w.role, position: w.position }) === 0 &&
      !sql(
        edit.db,
        `SELECT 1 FROM project_partners WHERE project_id = ? AND organisation_id = ?`,
      ).get(projectId, w.organisationId)
    )
      edit.insert('project_partners', { ...key, role: w.role, position: w.position });
  }
}

export function linkEvents(edit: Edit, projectId: number, eventIds: readonly number[]): void {
  requireProject(edit.db, projectId, 'projectId');
  for (const eventId of new Set(eventIds)) {
    if (!sql(edit.db, `SELECT 1 FROM events WHERE id = ?`).get(eventId))
      throw new KadarError('NOT_FOUND', `eventIds: there is no event ${eventId}.`);
    if (
      !sql(edit.db, `SELECT 1 FROM project_events WHERE project_id = ? AND event_id = ?`).get(
        projectId,
        eventId,
      )
    )
      edit.insert('project_events', { project_id: projectId, event_id: eventId });
  }
}

export function unlinkEvents(edit: Edit, projectId: number, eventIds: readonly number[]): void {
  requireProject(edit.db, projectId, 'projectId');
  for (const eventId of new Set(eventIds))
    edit.delete('project_events', { project_id: projectId, event_id: eventId });
}

/** Deletes a project with its links, partners and documents; its events stay. */
export function deleteProject(edit: Edit, id: number): boolean {
  edit.delete('project_events', { project_id: id });
  edit.delete('project_partners', { project_id: id });
  for (const documentId of sqlPluck<[number], number>(
    edit.db,
    `SELECT id FROM documents WHERE project_id = ?`,
  ).all(id)) {
    edit.delete('document_text', { document_id: documentId });
    edit.delete('documents', { id: documentId });
  }
  return edit.delete('projects', { id }) > 0;
}
