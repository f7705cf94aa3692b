import type { Catalog } from './open-catalog';
import { KadarError } from '../../shared/errors';
import type { Edit } from '../edits/edit';
import { createEvent, deleteEvent, requireEvent, updateEvent } from './events-repo';
import { sql, sqlPluck } from './statements';

function projectIdsOf(db: Catalog, eventId: number): number[] {
  return sqlPluck<[number], number>(
    db,
    `SELECT project_id FROM project_events WHERE event_id = ?`,
  ).all(eventId);
}

function linkProjects(edit: Edit, eventId: number, projectIds: Iterable<number>): void {
  const have = new Set(projectIdsOf(edit.db, eventId));
  for (const projectId of projectIds)
    if (!have.has(projectId))
      edit.insert('project_events', { project_id: projectId, event_id: eventId });
}

/**
 * Merges events told twice (a report and an announcement, two folders of one day): the
 * sources' photos, documents and projects move to the target, which spans all their days and
 * takes any fact it lacks from them; the sources are deleted.
 */
export function mergeEvents(edit: Edit, targetId: number, sourceIds: readonly number[]): void {
  const { db } = edit;
  const target = requireEvent(db, targetId, 'targetId');
  const sources = [...new Set(sourceIds)].map((id) => {
    if (id === targetId)
      throw new KadarError('INVALID_INPUT', `sourceIds: event ${id} is the target itself.`);
    return requireEvent(db, id, 'sourceIds');
  });
  const all = [target, ...sources];
  const startsOn = all.map((e) => e.startsOn).sort()[0]!;
  const endsOn = all
    .map((e) => e.endsOn ?? e.startsOn)
    .sort()
    .at(-1)!;
  const fill = <K extends 'venue' | 'city' | 'country' | 'organiserId' | 'description'>(key: K) =>
    target[key] ?? sources.find((s) => s[key] != null)?.[key] ?? null;
  for (const source of sources) {
    edit.update('photos', { event_id: source.id }, { event_id: targetId });
    edit.update('documents', { event_id: source.id }, { event_id: targetId });
    linkProjects(edit, targetId, projectIdsOf(db, source.id));
    const uids = sql<[number, number], { id: number; uid: string }>(
      db,
      `SELECT id, uid FROM events WHERE id IN (?, ?)`,
    ).all(source.id, targetId);
    const uidOf = (id: number) => uids.find((u) => u.id === id)?.uid;
    deleteEvent(edit, source.id);
    // Where the source went, for sidecars that still name it (migration 013).
    const [from, to] = [uidOf(source.id), uidOf(targetId)];
    if (from && to) edit.insert('event_merges', { source_uid: from, target_uid: to });
  }
  updateEvent(edit, targetId, {
    startsOn,
    endsOn: endsOn > startsOn ? endsOn : null,
    venue: fill('venue'),
    city: fill('city'),
    country: fill('country'),
    organiserId: fill('organiserId'),
    description: fill('description'),
  });
}

/**
 * Moves some of an event's photos into a new event like it (the second day, the other town),
 * dated by those photos and in the same projects. Returns the new event's id.
 */
export function splitEvent(
  edit: Edit,
  eventId: number,
  photoIds: readonly number[],
  title?: string,
): number {
  const { db } = edit;
  const event = requireEvent(db, eventId, 'id');
  const rows = sql<
    [number, string],
    { first: string | null; last: string | null; n: number; inside: number }
  >(
    db,
    `SELECT min(substr(taken_at, 1, 10)) AS first, max(substr(taken_at, 1, 10)) AS last, count(*) AS n,
       total(event_id = ?) AS inside
     FROM photos WHERE id IN (SELECT value FROM json_each(?))`,
  ).get(eventId, JSON.stringify([...new Set(photoIds)]))!;
  const wanted = new Set(photoIds).size;
  if (rows.inside !== wanted)
    throw new KadarError(
      'INVALID_INPUT',
      `photoIds: ${wanted - rows.inside} of the ${wanted} photos are not in event ${eventId}.`,
    );
  const newId = createEvent(edit, {
    title: title ?? event.title,
    startsOn: rows.first!,
    endsOn: rows.last! > rows.first! ? rows.last! : null,
    venue: event.venue,
    city: event.city,
    country: event.country,
    organiserId: event.organiserId,
  });
  linkProjects(edit, newId, event.projectIds);
  edit.updateIds('photos', photoIds, { event_id: newId });
  return newId;
}
