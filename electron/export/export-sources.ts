import type { Catalog } from '../catalog/open-catalog';
import { requireEvent } from '../catalog/events-repo';
import { requireProject } from '../catalog/projects-repo';
import { requirePhotos } from '../catalog/events-repo';
import { sql, sqlPluck } from '../catalog/statements';
import type { ExportSource } from '../../shared/api/domains/export';
import type { KadarEvent } from '../../shared/api/domains/events';
import { KadarError } from '../../shared/errors';

/** One part of a gallery: an event of a project, or the whole of anything else. */
export interface SourceSection {
  /** The event the part shows, if it is one. */
  event: KadarEvent | null;
  /** A heading; null for the only section of a one-part gallery. */
  title: string | null;
  photoIds: number[];
}

export interface SourcePhotos {
  title: string;
  /** The event or project a gallery is of, for its subtitle and the news text. */
  event: KadarEvent | null;
  projectLine: string | null;
  coverPhotoId: number | null;
  sections: SourceSection[];
}

// An event's gallery leaves out what the photographer rejected; a gallery or a selection
// someone put together holds exactly what they chose.
const eventPhotoIds = (db: Catalog, eventId: number) =>
  sqlPluck<[number], number>(
    db,
    `SELECT id FROM photos WHERE event_id = ? AND coalesce(user_flag, flag, '') <> 'reject'
     ORDER BY taken_at, file_name, id`,
  ).all(eventId);

export function sourcePhotos(db: Catalog, source: ExportSource): SourcePhotos {
  switch (source.kind) {
    case 'event': {
      const event = requireEvent(db, source.id, 'source.id');
      return {
        title: event.title,
        event,
        projectLine: null,
        coverPhotoId: event.coverPhotoId,
        sections: [{ event, title: null, photoIds: eventPhotoIds(db, event.id) }],
      };
    }
    case 'project': {
      const project = requireProject(db, source.id, 'source.id');
      const eventIds = sqlPluck<[number], number>(
        db,
        `SELECT e.id FROM project_events pe JOIN events e ON e.id = pe.event_id
         WHERE pe.project_id = ? ORDER BY e.starts_on, e.start_time, e.id`,
      ).all(project.id);
      const sections = eventIds.map((id) => {
        const event = requireEvent(db, id);
        return { event, title: event.title, photoIds: eventPhotoIds(db, id) };
      });
      const period = [project.startsOn?.slice(0, 4), project.endsOn?.slice(0, 4)]
        .filter((y, i, all) => y && all.indexOf(y) === i)
        .join('–');
      return {
        title: project.name,
        event: null,
        projectLine: [project.programme, period].filter(Boolean).join(' · ') || null,
        coverPhotoId: sections.find((s) => s.event.coverPhotoId)?.event.coverPhotoId ?? null,
        sections: sections.filter((s) => s.photoIds.length > 0),
      };
    }
    case 'gallery': {
      const gallery = sql<[number], { name: string; cover_photo_id: number | null }>(
        db,
        `SELECT name, cover_photo_id FROM galleries WHERE id = ?`,
      ).get(source.id);
      if (!gallery)
        throw new KadarError('NOT_FOUND', `source.id: there is no gallery ${source.id}.`);
      const photoIds = sqlPluck<[number], number>(
        db,
        `SELECT photo_id FROM gallery_photos WHERE gallery_id = ? ORDER BY position, photo_id`,
      ).all(source.id);
      return {
        title: gallery.name,
        event: commonEvent(db, photoIds),
        projectLine: null,
        coverPhotoId: gallery.cover_photo_id ?? photoIds[0] ?? null,
        sections: [{ event: null, title: null, photoIds }],
      };
    }
    case 'photos': {
      requirePhotos(db, source.ids, 'source.ids');
      const photoIds = [...new Set(source.ids)];
      const event = commonEvent(db, photoIds);
      return {
        title: event?.title ?? 'Photos',
        event,
        projectLine: null,
        coverPhotoId: photoIds[0] ?? null,
        sections: [{ event, title: null, photoIds }],
      };
    }
  }
}

/** The event all these photos belong to, if they share one. */
function commonEvent(db: Catalog, photoIds: readonly number[]): KadarEvent | null {
  const eventIds = sqlPluck<[string], number | null>(
    db,
    `SELECT DISTINCT event_id FROM photos WHERE id IN (SELECT value FROM json_each(?)) LIMIT 2`,
  ).all(JSON.stringify(photoIds));
  return eventIds.length === 1 && eventIds[0] != null ? requireEvent(db, eventIds[0]) : null;
}
