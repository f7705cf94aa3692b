import { listCameras } from '../../catalog/cameras-repo';
import { editPhotos } from '../../catalog/photo-edits';
import { fillCaptions, requireTemplate, writeCaptions } from '../../catalog/caption-photos';
import { getPhotoCells } from '../../catalog/photo-cells';
import { getPhotos, listPhotos, photoDays, photoIds } from '../../catalog/photos-repo';
import { photoMethods, type PhotoEdit } from '../../../shared/api/domains/photos';
import { requirePhotos } from '../../catalog/events-repo';
import type { ApiContext, DomainHandlers } from '../api-context';
import { recentResults } from '../recent-results';
import { count } from './labels';

type IdsQuery = Parameters<DomainHandlers<typeof photoMethods>['photos.ids']>[0];

/** How the history names an edit: "Rate 3 photos 4★", "Flag 2 photos as reject". */
function editLabel(set: PhotoEdit, photos: string): string {
  const fields = Object.keys(set);
  if (fields.length === 1 && set.rating !== undefined)
    return set.rating == null ? `Clear the rating of ${photos}` : `Rate ${photos} ${set.rating}★`;
  if (fields.length === 1 && set.flag !== undefined)
    return set.flag == null ? `Clear the flag of ${photos}` : `Flag ${photos} as ${set.flag}`;
  if (fields.length === 1 && set.label !== undefined)
    return set.label == null ? `Clear the label of ${photos}` : `Label ${photos} ${set.label}`;
  return `Set ${fields.join(', ')} of ${photos}`;
}

export function photosService(
  ctx: ApiContext,
): DomainHandlers<typeof photoMethods> & { warmUp: () => void } {
  const { db } = ctx;
  const gridIds = recentResults(db, (query: IdsQuery) => photoIds(db, query, query));
  return {
    'photos.ids': (query) => gridIds(query),
    'photos.get': ({ ids }) => getPhotos(db, ids),
    'photos.cells': ({ ids }) => getPhotoCells(db, ids),
    'photos.page': (query) => listPhotos(db, query),
    'photos.days': (filter) => photoDays(db, filter),
    'photos.edit': ({ ids, set }) => {
      requirePhotos(db, ids, 'ids');
      return {
        changed: ctx.edit(editLabel(set, count(ids.length, 'photo')), (edit) =>
          editPhotos(edit, ids, set),
        ),
      };
    },
    'photos.caption': ({ ids, title, caption, dryRun }) => {
      requirePhotos(db, ids, 'ids');
      const templates = {
        ...(title != null ? { title: requireTemplate('title', title) } : {}),
        ...(caption != null ? { caption: requireTemplate('caption', caption) } : {}),
      };
      // The other field, shown as it is, only when one template is given.
      const current = new Map(
        title == null || caption == null ? getPhotos(db, ids).map((p) => [p.id, p]) : [],
      );
      const filled = fillCaptions(db, ids, templates, (id) => ({
        title: current.get(id)?.title ?? null,
        caption: current.get(id)?.caption ?? null,
      }));
      if (!dryRun) {
        const fields = Object.keys(templates).join(' and ');
        ctx.edit(`Set the ${fields} of ${count(ids.length, 'photo')}`, (edit) =>
          writeCaptions(edit, filled, { title: title != null, caption: caption != null }),
        );
      }
      return filled;
    },
    'cameras.list': () => listCameras(db),
    /**
     * Reads what a window asks first (the whole library, newest first) into SQLite's page
     * cache and the ids cache, so the first screen does not wait on a cold catalog.
     */
    // The contract's defaults are the renderer's first query.
    warmUp: () => void gridIds(photoMethods['photos.ids'].input.parse({})),
  };
}
