import type { PhotoEdit } from '../../shared/api/domains/photos';
import { editableFields, photoFileFields } from '../../shared/catalog/photo-fields';
import type { Edit } from '../edits/edit';

/**
 * Sets people's own values on photos: into the user columns the field table names, so the
 * file's values stay as read and a rescan never overwrites these. Null drops the person's
 * value. Returns how many photos changed.
 */
export function editPhotos(edit: Edit, ids: readonly number[], set: PhotoEdit): number {
  const patch: Record<string, unknown> = {};
  for (const name of editableFields) {
    const value = set[name];
    // A person's "none" is stored as '', which hides the file's flag or label.
    if (value !== undefined)
      patch[photoFileFields[name].userColumn] = value === 'none' ? '' : value;
  }
  if (Object.keys(patch).length === 0) return 0;
  return edit.updateIds('photos', ids, patch);
}
