import { listCameras } from '../../catalog/cameras-repo';
import { editPhotos } from '../../catalog/photo-edits';
import { getPhotos, listPhotos, photoDays, photoIds } from '../../catalog/photos-repo';
import { listTags } from '../../catalog/tags-repo';
import { photoMethods } from '../../../shared/api/domains/photos';
import type { tagMethods } from '../../../shared/api/domains/tags';
import type { ApiContext, DomainHandlers } from '../api-context';
import { recentResults } from '../recent-results';
import { count } from './labels';

type IdsQuery = Parameters<DomainHandlers<typeof photoMethods>['photos.ids']>[0];

export function photosService(
  ctx: ApiContext,
): DomainHandlers<typeof photoMethods & typeof tagMethods> & { warmUp: () => void } {
  const { db } = ctx;
  const gridIds = recentResults(db, (query: IdsQuery) => photoIds(db, query, query));
  return {
    'photos.ids': (query) => gridIds(query),
    'photos.get': ({ ids }) => getPhotos(db, ids),
    'photos.page': (query) => listPhotos(db, query),
    'photos.days': (filter) => photoDays(db, filter),
    'photos.edit': ({ ids, set }) => {
      const fields = Object.keys(set).join(', ');
      return {
        changed: ctx.edit(`Set ${fields} of ${count(ids.length, 'photo')}`, (edit) =>
          editPhotos(edit, ids, set),
        ),
      };
    },
    'cameras.list': () => listCameras(db),
    'tags.list': () => listTags(db),
    /**
     * Reads what a window asks first (the whole library, newest first) into SQLite's page
     * cache and the ids cache, so the first screen does not wait on a cold catalog.
     */
    // The contract's defaults are the renderer's first query.
    warmUp: () => void gridIds(photoMethods['photos.ids'].input.parse({})),
  };
}
