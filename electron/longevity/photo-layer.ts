import type { Catalog } from '../catalog/open-catalog';
import { sql, sqlPluck } from '../catalog/statements';
import { ensureTagPath, splitTagPath } from '../catalog/tags-repo';
import { ensurePeople } from '../catalog/people-repo';
import {
  editableFields,
  photoFileFields,
  type ColourLabel,
  type EditableField,
  type PhotoFlag,
} from '../../shared/catalog/photo-fields';

/**
 * What a person gave one photo, apart from what its file says: the part of a photo that a
 * sidecar's Kadar namespace and the archive file carry, and that a rebuilt catalog gets back as
 * the person's own (never as the file's). A value is present only where the person set it; ''
 * is their "none" (a cleared caption, no flag, no label), as in the catalog's user_* columns.
 */
export interface PhotoLayer {
  title?: string;
  caption?: string;
  rating?: number;
  flag?: '' | PhotoFlag;
  label?: '' | ColourLabel;
  /** Tag paths ('Place/Niš') the person added, and those of the file's they removed. */
  addedTags: string[];
  removedTags: string[];
  addedPeople: string[];
  removedPeople: string[];
  /** The uid of the photo's event. */
  event: string | null;
}

// The fields a person edits, as the field table says: a sidecar and the archive carry each.
export const layerFields = editableFields;
export type LayerField = EditableField;
const userColumnOf = (field: LayerField): string => photoFileFields[field].userColumn;

/** SQL: whether the photo (`alias`, e.g. `p.`) has a value a person set in its own columns. */
export const hasUserValueSql = (alias = '') =>
  `(${layerFields.map((f) => `${alias}${userColumnOf(f)} IS NOT NULL`).join(' OR ')})`;

type LayerRow = Record<string, unknown> & { event: string | null };

export function emptyLayer(): PhotoLayer {
  return { addedTags: [], removedTags: [], addedPeople: [], removedPeople: [], event: null };
}

/** Whether the person gave the photo anything at all. */
export function hasUserData(layer: PhotoLayer): boolean {
  return (
    layerFields.some((f) => layer[f] !== undefined) ||
    layer.addedTags.length + layer.removedTags.length > 0 ||
    layer.addedPeople.length + layer.removedPeople.length > 0 ||
    layer.event != null
  );
}

export function readPhotoLayer(db: Catalog, photoId: number): PhotoLayer {
  const row = sql<[number], LayerRow>(
    db,
    `SELECT ${layerFields.map((f) => `p.${userColumnOf(f)}`).join(', ')}, e.uid AS event
     FROM photos p LEFT JOIN events e ON e.id = p.event_id WHERE p.id = ?`,
  ).get(photoId);
  const layer = emptyLayer();
  if (!row) return layer;
  for (const field of layerFields) {
    const value = row[userColumnOf(field)];
    if (value != null) (layer as unknown as Record<string, unknown>)[field] = value;
  }
  layer.event = row.event;
  const paths = (query: string) => sqlPluck<[number], string>(db, query).all(photoId);
  layer.addedTags = paths(
    `SELECT t.path FROM photo_tags pt JOIN tags t ON t.id = pt.tag_id
     WHERE pt.photo_id = ? AND pt.source = 'user' ORDER BY t.path`,
  );
  layer.removedTags = paths(
    `SELECT t.path FROM photo_tag_removals r JOIN tags t ON t.id = r.tag_id
     WHERE r.photo_id = ? ORDER BY t.path`,
  );
  layer.addedPeople = paths(
    `SELECT pe.name FROM photo_people pp JOIN people pe ON pe.id = pp.person_id
     WHERE pp.photo_id = ? AND pp.source = 'user' ORDER BY pe.name`,
  );
  layer.removedPeople = paths(
    `SELECT pe.name FROM photo_people_removals r JOIN people pe ON pe.id = r.person_id
     WHERE r.photo_id = ? ORDER BY pe.name`,
  );
  return layer;
}

/**
 * Gives a photo back what a person gave it (a catalog rebuilt from sidecars or an archive
 * file). Not an edit: like indexing, it restores what already was, so it is not undone. The
 * event is found by uid; one this catalog does not have is left out (the caller reports it).
 * Returns whether the event was found (or none was asked for).
 */
export function applyPhotoLayer(db: Catalog, photoId: number, layer: PhotoLayer): boolean {
  const patch: Record<string, unknown> = {};
  for (const field of layerFields)
    if (layer[field] !== undefined) patch[userColumnOf(field)] = layer[field];
  let eventFound = true;
  if (layer.event != null) {
    const eventId = sqlPluck<[string], number>(db, `SELECT id FROM events WHERE uid = ?`).get(
      layer.event,
    );
    if (eventId == null) eventFound = false;
    else patch.event_id = eventId;
  }
  const columns = Object.keys(patch);
  if (columns.length > 0)
    sql(
      db,
      `UPDATE photos SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`,
    ).run({ ...patch, id: photoId });

  const tag = (path: string) => ensureTagPath(db, splitTagPath(path));
  for (const path of layer.removedTags) {
    const tagId = tag(path);
    sql(db, `DELETE FROM photo_tags WHERE photo_id = ? AND tag_id = ?`).run(photoId, tagId);
    sql(db, `INSERT OR IGNORE INTO photo_tag_removals (photo_id, tag_id) VALUES (?, ?)`).run(
      photoId,
      tagId,
    );
  }
  for (const path of layer.addedTags)
    sql(
      db,
      `INSERT INTO photo_tags (photo_id, tag_id, source) VALUES (?, ?, 'user')
       ON CONFLICT DO UPDATE SET source = 'user'`,
    ).run(photoId, tag(path));
  const [removed, added] = [
    ensurePeople(db, layer.removedPeople),
    ensurePeople(db, layer.addedPeople),
  ];
  for (const personId of removed) {
    sql(db, `DELETE FROM photo_people WHERE photo_id = ? AND person_id = ?`).run(photoId, personId);
    sql(db, `INSERT OR IGNORE INTO photo_people_removals (photo_id, person_id) VALUES (?, ?)`).run(
      photoId,
      personId,
    );
  }
  for (const personId of added)
    sql(
      db,
      `INSERT INTO photo_people (photo_id, person_id, source) VALUES (?, ?, 'user')
       ON CONFLICT DO UPDATE SET source = 'user'`,
    ).run(photoId, personId);
  return eventFound;
}
