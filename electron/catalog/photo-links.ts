import type { Catalog } from './open-catalog';
import type { Edit } from '../edits/edit';
import { sql, sqlPluck } from './statements';

/**
 * Photos' tags and people work alike: a link comes from the file (its keywords, its
 * PersonInImage) or from a person, and a person may remove a file's link. The removal is
 * remembered, so a rescan, which replaces the file's links, does not bring it back.
 */
const linkTables = {
  tag: { table: 'photo_tags', column: 'tag_id', removals: 'photo_tag_removals' },
  person: { table: 'photo_people', column: 'person_id', removals: 'photo_people_removals' },
} as const;
export type LinkKind = keyof typeof linkTables;

/** Of `photoIds`, those linked to `target` (or removed from it, with `removed`). */
function linkedOf(
  db: Catalog,
  kind: LinkKind,
  target: number,
  photoIds: readonly number[],
  removed = false,
) {
  const { table, column, removals } = linkTables[kind];
  return new Set(
    sqlPluck<[number, string], number>(
      db,
      `SELECT photo_id FROM ${removed ? removals : table} WHERE ${column} = ?
       AND photo_id IN (SELECT value FROM json_each(?))`,
    ).all(target, JSON.stringify(photoIds)),
  );
}

/** Links photos to each target, as the person's; returns how many links were made. */
export function addLinks(
  edit: Edit,
  kind: LinkKind,
  photoIds: readonly number[],
  targets: readonly number[],
): number {
  const { table, column, removals } = linkTables[kind];
  let added = 0;
  for (const target of new Set(targets)) {
    const linked = linkedOf(edit.db, kind, target, photoIds);
    const removed = linkedOf(edit.db, kind, target, photoIds, true);
    for (const photoId of new Set(photoIds)) {
      if (linked.has(photoId)) continue;
      // Put back by the person, it is theirs: it stays even if the file drops it later.
      if (removed.has(photoId)) edit.delete(removals, { photo_id: photoId, [column]: target });
      edit.insert(table, { photo_id: photoId, [column]: target, source: 'user' });
      added++;
    }
  }
  return added;
}

/** Unlinks photos from each target; a file's link is remembered as removed. */
export function removeLinks(
  edit: Edit,
  kind: LinkKind,
  photoIds: readonly number[],
  targets: readonly number[],
): number {
  const { table, column, removals } = linkTables[kind];
  let removed = 0;
  for (const target of new Set(targets)) {
    const fromFile = new Set(
      sqlPluck<[number, string], number>(
        edit.db,
        `SELECT photo_id FROM ${table} WHERE ${column} = ? AND source = 'file'
         AND photo_id IN (SELECT value FROM json_each(?))`,
      ).all(target, JSON.stringify(photoIds)),
    );
    for (const photoId of linkedOf(edit.db, kind, target, photoIds)) {
      edit.delete(table, { photo_id: photoId, [column]: target });
      if (fromFile.has(photoId)) edit.insert(removals, { photo_id: photoId, [column]: target });
      removed++;
    }
  }
  return removed;
}

/**
 * Replaces a photo's links from its file (at indexing): the person's links stay, and what the
 * person removed stays removed.
 */
export function setFileLinks(
  db: Catalog,
  kind: LinkKind,
  photoId: number,
  targets: Iterable<number>,
): void {
  const { table, column, removals } = linkTables[kind];
  sql(db, `DELETE FROM ${table} WHERE photo_id = ? AND source = 'file'`).run(photoId);
  const insert = sql(
    db,
    `INSERT OR IGNORE INTO ${table} (photo_id, ${column}, source)
     SELECT ?, ?, 'file' WHERE NOT EXISTS (SELECT 1 FROM ${removals} WHERE photo_id = ? AND ${column} = ?)`,
  );
  for (const target of new Set(targets)) insert.run(photoId, target, photoId, target);
}

/** Whether a person changed any of a photo's links of this kind. */
export function linksEdited(kind: LinkKind, photo = 'p.id'): string {
  const { table, removals } = linkTables[kind];
  return `(EXISTS (SELECT 1 FROM ${table} WHERE photo_id = ${photo} AND source = 'user')
    OR EXISTS (SELECT 1 FROM ${removals} WHERE photo_id = ${photo}))`;
}
