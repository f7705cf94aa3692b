import type { Catalog } from './open-catalog';
import type { EventFields, KadarEvent } from '../../shared/api/domains/events';
import { KadarError } from '../../shared/errors';
import type { Edit } from '../edits/edit';
import { toColumns } from './to-columns';
import { nowIso, sql, sqlPluck } from './statements';

interface EventRow {
  id: number;
  title: string;
  starts_on: string;
  ends_on: string | null;
  start_time: string | null;
  end_time: string | null;
  venue: string | null;
  city: string | null;
  country: string | null;
  organiser_id: number | null;
  organiser: string | null;
  description: string | null;
  cover_photo_id: number | null;
  photo_count: number;
  project_ids: string | null;
  documents: string;
}

// The cover is the chosen one, else the event's first photo (by the photos_event_taken index).
const selectEvents = `
  SELECT e.id, e.title, e.starts_on, e.ends_on, e.start_time, e.end_time, e.venue, e.city, e.country,
    e.organiser_id, o.name AS organiser, e.description,
    coalesce(e.cover_photo_id,
      (SELECT id FROM photos WHERE event_id = e.id ORDER BY taken_at, id LIMIT 1)) AS cover_photo_id,
    (SELECT count(*) FROM photos WHERE event_id = e.id) AS photo_count,
    (SELECT group_concat(project_id) FROM project_events pe WHERE pe.event_id = e.id) AS project_ids,
    (SELECT json_group_array(json_object('id', d.id, 'title', d.title, 'fileName', d.file_name, 'mime', d.mime))
      FROM (SELECT * FROM documents WHERE event_id = e.id ORDER BY added_at, id) d) AS documents
  FROM events e LEFT JOIN organisations o ON o.id = e.organiser_id`;

function toEvent(r: EventRow): KadarEvent {
  return {
    id: r.id,
    title: r.title,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    startTime: r.start_time,
    endTime: r.end_time,
    venue: r.venue,
    city: r.city,
    country: r.country,
    organiserId: r.organiser_id,
    organiser: r.organiser,
    description: r.description,
    coverPhotoId: r.cover_photo_id,
    photoCount: r.photo_count,
    projectIds: r.project_ids ? r.project_ids.split(',').map(Number) : [],
    documents: JSON.parse(r.documents) as KadarEvent['documents'],
  };
}

export function getEvent(db: Catalog, id: number): KadarEvent | undefined {
  const row = sql<[number], EventRow>(db, `${selectEvents} WHERE e.id = ?`).get(id);
  return row && toEvent(row);
}

export function requireEvent(db: Catalog, id: number, field = 'id'): KadarEvent {
  const event = getEvent(db, id);
  if (!event) throw new KadarError('NOT_FOUND', `${field}: there is no event ${id}.`);
  return event;
}

export interface EventListFilter {
  projectId?: number;
  organisationId?: number;
  /** Event ids to keep (a search's matches). */
  ids?: readonly number[];
}

/** Events in the order they happened: a project's history reads top to bottom. */
export function listEvents(db: Catalog, filter: EventListFilter = {}): KadarEvent[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.projectId != null) {
    where.push('e.id IN (SELECT event_id FROM project_events WHERE project_id = ?)');
    params.push(filter.projectId);
  }
  if (filter.organisationId != null) {
    where.push('e.organiser_id = ?');
    params.push(filter.organisationId);
  }
  if (filter.ids) {
    where.push(`e.id IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(filter.ids));
  }
  return sql<unknown[], EventRow>(
    db,
    `${selectEvents} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.starts_on, e.start_time, e.id`,
  )
    .all(...params)
    .map(toEvent);
}

// Input field → events column; the one place the two spellings meet.
const columns = {
  title: 'title',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  startTime: 'start_time',
  endTime: 'end_time',
  venue: 'venue',
  city: 'city',
  country: 'country',
  organiserId: 'organiser_id',
  description: 'description',
  coverPhotoId: 'cover_photo_id',
} as const satisfies Record<keyof EventFields, string>;

/** The organiser and cover must exist: a clear error names the field, not a constraint. */
function checkReferences(db: Catalog, fields: Partial<EventFields>): void {
  if (
    fields.organiserId != null &&
    !sql(db, `SELECT 1 FROM organisations WHERE id = ?`).get(fields.organiserId)
  )
    throw new KadarError(
      'NOT_FOUND',
      `organiserId: there is no organisation ${fields.organiserId}.`,
    );
  if (
    fields.coverPhotoId != null &&
    !sql(db, `SELECT 1 FROM photos WHERE id = ?`).get(fields.coverPhotoId)
  )
    throw new KadarError('NOT_FOUND', `coverPhotoId: there is no photo ${fields.coverPhotoId}.`);
}

export function createEvent(edit: Edit, fields: EventFields): number {
  checkReferences(edit.db, fields);
  return edit.insert('events', {
    ...toColumns(columns, { endsOn: null, ...fields }),
    created_at: nowIso(),
  });
}

export function updateEvent(edit: Edit, id: number, patch: Partial<EventFields>): void {
  const current = requireEvent(edit.db, id);
  const startsOn = patch.startsOn ?? current.startsOn;
  const endsOn = patch.endsOn === undefined ? current.endsOn : patch.endsOn;
  if (endsOn && endsOn < startsOn)
    throw new KadarError(
      'INVALID_INPUT',
      `endsOn: the event would end on ${endsOn}, before it starts (${startsOn}).`,
    );
  checkReferences(edit.db, patch);
  edit.update('events', { id }, toColumns(columns, patch));
}

/** Moves photos into the event (out of any other), or out of every event with null. */
export function assignPhotos(
  edit: Edit,
  eventId: number | null,
  photoIds: readonly number[],
): number {
  if (eventId != null) requireEvent(edit.db, eventId, 'eventId');
  requirePhotos(edit.db, photoIds);
  return edit.updateIds('photos', photoIds, { event_id: eventId });
}

/** Every id must name a photo: a typo in a script should fail, not pass as "0 changed". */
export function requirePhotos(db: Catalog, photoIds: readonly number[], field = 'photoIds'): void {
  const missing = sqlPluck<[string], number>(
    db,
    `SELECT value FROM json_each(?) WHERE value NOT IN (SELECT id FROM photos) LIMIT 5`,
  ).all(JSON.stringify(photoIds));
  if (missing.length)
    throw new KadarError('NOT_FOUND', `${field}: there is no photo ${missing.join(', ')}.`);
}

/** Deletes an event and what hangs on it (its links and documents); its photos stay. */
export function deleteEvent(edit: Edit, id: number): boolean {
  // Children first, each through the edit, so undo restores them and no cascade goes unseen.
  edit.update('photos', { event_id: id }, { event_id: null });
  edit.delete('project_events', { event_id: id });
  for (const documentId of sqlPluck<[number], number>(
    edit.db,
    `SELECT id FROM documents WHERE event_id = ?`,
  ).all(id)) {
    edit.delete('document_text', { document_id: documentId });
    edit.delete('documents', { id: documentId });
  }
  return edit.delete('events', { id }) > 0;
}
