import type { Catalog } from './open-catalog';
import { eventInputSchema, type Event, type EventInput } from '../../shared/api/archive-schema';
import { KadarError } from '../../shared/errors';
import { refreshPhotoSearch } from './search-repo';
import { nowIso, sql } from './statements';

interface EventRow {
  id: number;
  title: string;
  starts_on: string;
  ends_on: string | null;
  venue: string | null;
  city: string | null;
  organiser_id: number | null;
  organiser: string | null;
  description: string | null;
  photo_count: number;
  project_ids: string | null;
}

const selectEvents = `
  SELECT e.*, o.name AS organiser,
    (SELECT count(*) FROM event_photos ep WHERE ep.event_id = e.id) AS photo_count,
    (SELECT group_concat(project_id) FROM project_events pe WHERE pe.event_id = e.id) AS project_ids
  FROM events e LEFT JOIN organisations o ON o.id = e.organiser_id`;

function toEvent(r: EventRow): Event {
  return {
    id: r.id,
    title: r.title,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    venue: r.venue,
    city: r.city,
    organiserId: r.organiser_id,
    organiser: r.organiser,
    description: r.description,
    photoCount: r.photo_count,
    projectIds: r.project_ids ? r.project_ids.split(',').map(Number) : [],
  };
}

export function createEvent(db: Catalog, input: EventInput): number {
  const e = eventInputSchema.parse(input);
  return Number(
    sql(
      db,
      `INSERT INTO events (title, starts_on, ends_on, venue, city, organiser_id, description, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      e.title,
      e.startsOn,
      e.endsOn ?? null,
      e.venue ?? null,
      e.city ?? null,
      e.organiserId ?? null,
      e.description ?? null,
      nowIso(),
    ).lastInsertRowid,
  );
}

export function updateEvent(db: Catalog, id: number, input: EventInput): void {
  const e = eventInputSchema.parse(input);
  db.transaction(() => {
    const result = sql(
      db,
      `UPDATE events SET title = ?, starts_on = ?, ends_on = ?, venue = ?, city = ?, organiser_id = ?, description = ?
       WHERE id = ?`,
    ).run(
      e.title,
      e.startsOn,
      e.endsOn ?? null,
      e.venue ?? null,
      e.city ?? null,
      e.organiserId ?? null,
      e.description ?? null,
      id,
    );
    if (result.changes === 0) throw new KadarError('NOT_FOUND', `There is no event ${id}.`);
    refreshPhotoSearch(db, eventPhotoIds(db, id));
  })();
}

export function getEvent(db: Catalog, id: number): Event | undefined {
  const row = sql<[number], EventRow>(db, `${selectEvents} WHERE e.id = ?`).get(id);
  return row && toEvent(row);
}

/** Events in the order they happened: a project's history reads top to bottom. */
export function listEvents(db: Catalog, projectId?: number): Event[] {
  const rows =
    projectId == null
      ? sql<[], EventRow>(db, `${selectEvents} ORDER BY e.starts_on, e.id`).all()
      : sql<[number], EventRow>(
          db,
          `${selectEvents} WHERE e.id IN (SELECT event_id FROM project_events WHERE project_id = ?) ORDER BY e.starts_on, e.id`,
        ).all(projectId);
  return rows.map(toEvent);
}

export function eventPhotoIds(db: Catalog, eventId: number): number[] {
  return sql<[number], { photo_id: number }>(
    db,
    `SELECT photo_id FROM event_photos WHERE event_id = ?`,
  )
    .all(eventId)
    .map((r) => r.photo_id);
}

export function addPhotosToEvent(db: Catalog, eventId: number, photoIds: readonly number[]): void {
  db.transaction(() => {
    const insert = sql(db, `INSERT OR IGNORE INTO event_photos (event_id, photo_id) VALUES (?, ?)`);
    for (const id of photoIds) insert.run(eventId, id);
    refreshPhotoSearch(db, photoIds);
  })();
}

export function removePhotosFromEvent(
  db: Catalog,
  eventId: number,
  photoIds: readonly number[],
): void {
  db.transaction(() => {
    const remove = sql(db, `DELETE FROM event_photos WHERE event_id = ? AND photo_id = ?`);
    for (const id of photoIds) remove.run(eventId, id);
    refreshPhotoSearch(db, photoIds);
  })();
}

export function deleteEvent(db: Catalog, id: number): void {
  db.transaction(() => {
    const photos = eventPhotoIds(db, id);
    sql(db, `DELETE FROM events WHERE id = ?`).run(id);
    refreshPhotoSearch(db, photos);
  })();
}
