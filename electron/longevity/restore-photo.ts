import type { Catalog } from '../catalog/open-catalog';
import { nowIso, sql, sqlPluck } from '../catalog/statements';
import { noteRestored, refreshRestored } from '../catalog/restored-rows';
import { deletedAt, mergeTarget } from './archive/import-deleted';
import { applyPhotoLayer, hasUserData, readPhotoLayer, type PhotoLayer } from './photo-layer';
import type { KadarEvent } from './sidecars/kadar-layer';

/** What a photo's Kadar sidecar gives a catalog that does not know the photo yet. */
export interface RestoredPhoto {
  layer: PhotoLayer;
  /** The event as the sidecar names it: made when the catalog has no event with its uid. */
  event: KadarEvent | null;
  /** The standard values Kadar filled in from the catalog (not the file's: see KadarLayer). */
  derived: string[];
  /** The stars Kadar kept beside a reject (xmp:Rating holds -1). */
  stars: number | null;
}

/**
 * The id of the row with this uid, made from `insert` when there is none, as of `asOf` (the
 * sidecar's time); null when the catalog knows it was deleted after that.
 */
function byUid(
  db: Catalog,
  table: 'events' | 'projects',
  uid: string,
  asOf: string,
  insert: () => void,
): number | null {
  const find = () =>
    sqlPluck<[string], number>(db, `SELECT id FROM ${table} WHERE uid = ?`).get(uid);
  const found = find();
  if (found != null) {
    refreshRestored(db, uid, asOf);
    return found;
  }
  const deleted = deletedAt(db, uid);
  // Deleted since this sidecar was written (its folder was offline then): not made again, and
  // the photo is in no event (applyPhotoLayer finds none by the uid). A deletion from before
  // the sidecar was undone since.
  if (deleted != null && deleted > asOf) return null;
  insert();
  noteRestored(db, uid, asOf);
  return find()!;
}

/**
 * An event and its projects as a sidecar names them, when neither the catalog nor the folder's
 * kadar-archive.json had them: every photo of the event names the same uid, so it is made once.
 * (The archive file, read before indexing, brings the event's other fields.)
 */
function ensureEvent(db: Catalog, event: KadarEvent, asOf: string): void {
  const now = nowIso();
  const eventId = byUid(db, 'events', event.uid, asOf, () =>
    sql(
      db,
      `INSERT INTO events (uid, title, starts_on, ends_on, created_at) VALUES (?, ?, ?, ?, ?)`,
    ).run(
      event.uid,
      event.title,
      event.startsOn,
      event.endsOn != null && event.endsOn >= event.startsOn ? event.endsOn : null,
      now,
    ),
  );
  if (eventId == null) return;
  for (const project of event.projects) {
    const projectId = byUid(db, 'projects', project.uid, asOf, () =>
      sql(
        db,
        `INSERT INTO projects (uid, name, code, created_at) VALUES (?, ?,
           (SELECT ? WHERE NOT EXISTS (SELECT 1 FROM projects WHERE code = ?)), ?)`,
      ).run(project.uid, project.name, project.code, project.code, now),
    );
    if (projectId == null) continue;
    sql(db, `INSERT OR IGNORE INTO project_events (project_id, event_id) VALUES (?, ?)`).run(
      projectId,
      eventId,
    );
  }
}

/**
 * Whether a photo the catalog already knows takes what its Kadar sidecar says a person gave it
 * (as a new photo does): only in a folder whose sidecars Kadar keeps, when the catalog holds
 * nothing a person gave the photo, and owes the sidecar no write (one owed would say the
 * catalog's state, newer than the file's). A sidecar
 * that arrives after its photo (a sync tool, a copy made in two steps) is then read, rather
 * than rewritten empty from a catalog that never had its values.
 */
export function mayTakeSidecarLayer(db: Catalog, photoId: number, rootId: number): boolean {
  // Only where Kadar keeps sidecars (the folder the photo is in now, `rootId`): elsewhere a
  // Kadar sidecar is left from before they were switched off, and may hold what a person has
  // cleared since.
  const kept = sqlPluck<[number], number>(
    db,
    `SELECT sidecars IS NOT NULL FROM roots WHERE id = ?`,
  ).get(rootId);
  if (!kept) return false;
  if (sqlPluck<[number], number>(db, `SELECT 1 FROM sidecar_dirty WHERE photo_id = ?`).get(photoId))
    return false;
  return !hasUserData(readPhotoLayer(db, photoId));
}

/**
 * Gives a photo new to the catalog what its sidecar says a person gave it; `sidecarMtime` (ms)
 * is when the sidecar was written, which a later deletion wins over. A photo whose event was
 * merged into another since goes into that one. Returns false when the sidecar's event is gone
 * (deleted since): the photo is in no event.
 */
export function restorePhoto(
  db: Catalog,
  photoId: number,
  restored: RestoredPhoto,
  sidecarMtime: number | null,
): boolean {
  if (!restored.event) return applyPhotoLayer(db, photoId, restored.layer);
  ensureEvent(db, restored.event, new Date(sidecarMtime ?? 0).toISOString());
  const known = sqlPluck<[string], number>(db, `SELECT id FROM events WHERE uid = ?`).get(
    restored.event.uid,
  );
  const into = known == null ? mergeTarget(db, restored.event.uid) : null;
  return applyPhotoLayer(
    db,
    photoId,
    into ? { ...restored.layer, event: into.uid } : restored.layer,
  );
}
