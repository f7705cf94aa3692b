import type { Catalog } from './open-catalog';
import type { Document } from '../../shared/api/archive-schema';
import { nowIso, sql } from './statements';

export interface DocumentInput {
  title: string;
  path: string;
  mime?: string | null;
  fileSize?: number | null;
  owner: { eventId: number } | { projectId: number };
}

export function attachDocument(db: Catalog, input: DocumentInput): number {
  const eventId = 'eventId' in input.owner ? input.owner.eventId : null;
  const projectId = 'projectId' in input.owner ? input.owner.projectId : null;
  return Number(
    sql(
      db,
      `INSERT INTO documents (title, path, mime, file_size, event_id, project_id, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      input.title,
      input.path,
      input.mime ?? null,
      input.fileSize ?? null,
      eventId,
      projectId,
      nowIso(),
    ).lastInsertRowid,
  );
}

export function listDocuments(
  db: Catalog,
  owner: { eventId: number } | { projectId: number },
): Document[] {
  const [column, id] =
    'eventId' in owner ? ['event_id', owner.eventId] : ['project_id', owner.projectId];
  return sql<[number], Document>(
    db,
    `SELECT id, title, path, mime, file_size AS fileSize, event_id AS eventId, project_id AS projectId, added_at AS addedAt
     FROM documents WHERE ${column} = ? ORDER BY title COLLATE NOCASE`,
  ).all(id);
}
