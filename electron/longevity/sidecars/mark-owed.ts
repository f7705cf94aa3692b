import type { Catalog } from '../../catalog/open-catalog';
import { sql } from '../../catalog/statements';
import { linksEdited } from '../../catalog/photo-links';
import { hasUserValueSql } from '../photo-layer';

/**
 * Marks every photo of a folder that a person described (an edit, a tag, a person, an event):
 * what switching sidecars on writes at once, and every photo with a sidecar already (one Kadar
 * wrote before sidecars were switched off is brought up to date; another tool's is left alone
 * unless the photo was described). Photos nobody described get no new sidecar.
 */
export function markOwedSidecars(db: Catalog, rootId: number): number {
  return sql(
    db,
    `INSERT INTO sidecar_dirty (photo_id, mark)
     SELECT p.id, randomblob(8) FROM photos p
     WHERE p.root_id = ? AND (
       p.sidecar_mtime IS NOT NULL OR ${hasUserValueSql('p.')} OR p.event_id IS NOT NULL
       OR ${linksEdited('tag')} OR ${linksEdited('person')})
     ON CONFLICT DO UPDATE SET mark = excluded.mark`,
  ).run(rootId).changes;
}
