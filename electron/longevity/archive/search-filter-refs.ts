import { ensureCamera } from '../../catalog/cameras-repo';
import { ensureFolder } from '../../catalog/folders-repo';
import type { Catalog } from '../../catalog/open-catalog';
import { ensurePeople } from '../../catalog/people-repo';
import { sql } from '../../catalog/statements';
import { ensureTagPath, splitTagPath } from '../../catalog/tags-repo';
import { photoFilterSchema, type PhotoFilter } from '../../../shared/api/photo-query-schema';
import type { ArchiveFilter } from './archive-schema';

/**
 * A saved search's filter names catalog rows by id (a tag, a person, an event…); the archive
 * file names them as any catalog can find them: a tag by path, a person by name, an event by
 * uid, a folder by its library folder and path, a camera by make and model.
 */

const one = <T>(db: Catalog, query: string, id: number | undefined) =>
  id == null ? undefined : (sql<[number], T>(db, query).get(id) ?? undefined);

/** The filter as the file has it. A row the search named that is gone is left out. */
export function filterToArchive(db: Catalog, filter: PhotoFilter): ArchiveFilter {
  const {
    rootId,
    folderId,
    cameraId,
    tagId,
    personId,
    eventId,
    projectId,
    organisationId,
    ...rest
  } = filter;
  const uid = (table: string, id: number | undefined) =>
    one<{ uid: string }>(db, `SELECT uid FROM ${table} WHERE id = ?`, id)?.uid;
  const folder = one<{ root: string; path: string }>(
    db,
    `SELECT r.path AS root, f.rel_path AS path FROM folders f JOIN roots r ON r.id = f.root_id WHERE f.id = ?`,
    folderId,
  );
  const camera = one<{ make: string; model: string }>(
    db,
    `SELECT make, model FROM cameras WHERE id = ?`,
    cameraId,
  );
  return {
    ...rest,
    root: one<{ path: string }>(db, `SELECT path FROM roots WHERE id = ?`, rootId)?.path,
    folder: folder && { root: folder.root, path: folder.path },
    camera: camera && { make: camera.make, model: camera.model },
    tag: one<{ path: string }>(db, `SELECT path FROM tags WHERE id = ?`, tagId)?.path,
    person: one<{ name: string }>(db, `SELECT name FROM people WHERE id = ?`, personId)?.name,
    event: uid('events', eventId),
    project: uid('projects', projectId),
    organisation: uid('organisations', organisationId),
  };
}

export interface FilterPlaces {
  /** The library folder a file's root path is, or is inside (with the path between). */
  root(path: string): { rootId: number; prefix: string } | null;
  /** The row id of a uid in the file or the catalog; `at` names the field when there is none. */
  uid(table: 'events' | 'projects' | 'organisations', uid: string, at: string): number;
}

/**
 * The filter for this catalog. What it names is found, or made as indexing would make it (a
 * tag, a person, a folder, a camera), so the search means what it meant. A library folder
 * this catalog cannot place leaves the search without that narrowing.
 */
export function filterFromArchive(
  db: Catalog,
  filter: ArchiveFilter,
  places: FilterPlaces,
  at: string,
): PhotoFilter {
  const { root, folder, camera, tag, person, event, project, organisation, ...rest } = filter;
  const out: PhotoFilter = { ...rest };
  if (root != null) {
    const place = places.root(root);
    if (place)
      out[place.prefix ? 'folderId' : 'rootId'] = place.prefix
        ? ensureFolder(db, place.rootId, place.prefix)
        : place.rootId;
  }
  if (folder != null) {
    const place = places.root(folder.root);
    if (place)
      out.folderId = ensureFolder(
        db,
        place.rootId,
        [place.prefix, folder.path].filter(Boolean).join('/'),
      );
  }
  if (camera != null)
    out.cameraId = ensureCamera(db, camera.make || null, camera.model || null) ?? undefined;
  if (tag != null) out.tagId = ensureTagPath(db, splitTagPath(tag));
  if (person != null) out.personId = ensurePeople(db, [person])[0];
  if (event != null) out.eventId = places.uid('events', event, `${at}.event`);
  if (project != null) out.projectId = places.uid('projects', project, `${at}.project`);
  if (organisation != null)
    out.organisationId = places.uid('organisations', organisation, `${at}.organisation`);
  // In the order the API writes a filter, so the stored JSON is the same as a saved one's.
  return photoFilterSchema.parse(out);
}
