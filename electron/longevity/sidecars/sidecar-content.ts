import type { Catalog } from '../../catalog/open-catalog';
import { getPhotos } from '../../catalog/photos-repo';
import { sql } from '../../catalog/statements';
import type { Photo } from '../../../shared/api/photo-schema';
import { hasUserData, readPhotoLayer, type PhotoLayer } from '../photo-layer';
import type { KadarLayer, SidecarContent } from './sidecar-xmp';

interface EventRow {
  id: number;
  uid: string;
  title: string;
  starts_on: string;
  ends_on: string | null;
  venue: string | null;
  city: string | null;
  projects: string;
}

export interface PhotoSidecar {
  photo: Photo;
  /** Whether a person gave the photo anything: only such photos get a new sidecar. */
  hasUserData: boolean;
  content: SidecarContent;
}

interface FileCredits {
  creator: string | null;
  credit: string | null;
  copyright: string | null;
}

function kadarLayer(
  layer: PhotoLayer,
  event: EventRow | null,
  derived: string[],
  stars: number | null,
): KadarLayer {
  const edited = (['title', 'caption', 'rating', 'flag', 'label'] as const).filter(
    (f) => layer[f] !== undefined,
  );
  return {
    event: event && {
      uid: event.uid,
      title: event.title,
      startsOn: event.starts_on,
      endsOn: event.ends_on,
      projects: JSON.parse(event.projects) as { uid: string; name: string; code: string | null }[],
    },
    edited,
    addedTags: layer.addedTags,
    removedTags: layer.removedTags,
    addedPeople: layer.addedPeople,
    removedPeople: layer.removedPeople,
    derived,
    stars,
  };
}

/**
 * What each photo's sidecar should say: the values the catalog shows (what the person typed
 * wins; the event's town and venue, and a project's credit, where the file has none), and in
 * Kadar's namespace which of them are the person's, which Kadar filled in, and the event.
 */
export function photoSidecars(db: Catalog, photoIds: readonly number[]): PhotoSidecar[] {
  const events = new Map<number, EventRow | null>();
  const eventOf = (id: number | null): EventRow | null => {
    if (id == null) return null;
    if (!events.has(id))
      events.set(
        id,
        sql<[number], EventRow>(
          db,
          `SELECT e.id, e.uid, e.title, e.starts_on, e.ends_on, e.venue, e.city,
             (SELECT json_group_array(json_object('uid', uid, 'name', name, 'code', code))
              FROM (SELECT pr.uid, pr.name, pr.code FROM project_events pe
                    JOIN projects pr ON pr.id = pe.project_id
                    WHERE pe.event_id = e.id ORDER BY pr.name, pr.id)) AS projects
           FROM events e WHERE e.id = ?`,
        ).get(id) ?? null,
      );
    return events.get(id)!;
  };
  const fileCredits = sql<[number], FileCredits>(
    db,
    `SELECT creator, credit, copyright FROM photos WHERE id = ?`,
  );
  return getPhotos(db, photoIds).map((photo) => {
    const layer = readPhotoLayer(db, photo.id);
    const event = eventOf(photo.eventId);
    // What the sidecar says that the file did not: the event's, or a project's credits.
    const own = fileCredits.get(photo.id)!;
    // The file's own town and venue stay (another tool's among them): the event's fill in
    // only where the file says none.
    const city = photo.city ?? event?.city ?? null;
    const venue = photo.location ?? event?.venue ?? null;
    const derived = [
      ...(event ? (['event'] as const) : []),
      ...(photo.city == null && city != null ? (['city'] as const) : []),
      ...(photo.location == null && venue != null ? (['venue'] as const) : []),
      ...(['creator', 'credit', 'copyright'] as const).filter(
        (f) => own[f] == null && photo[f] != null,
      ),
    ];
    const content: SidecarContent = {
      title: photo.title,
      caption: photo.caption,
      tagPaths: photo.tags,
      people: photo.people,
      rating: photo.rating,
      flag: photo.flag === 'pick' || photo.flag === 'reject' ? photo.flag : null,
      label: photo.label,
      event: event?.title ?? photo.event,
      city,
      venue,
      creator: photo.creator,
      credit: photo.credit,
      copyright: photo.copyright,
      kadar: kadarLayer(layer, event, derived, photo.flag === 'reject' ? photo.rating : null),
    };
    return { photo, hasUserData: hasUserData(layer), content };
  });
}
