import {
  addToGallery,
  createGallery,
  deleteGallery,
  galleryPhotoIds,
  listGalleries,
  removeFromGallery,
  renameGallery,
  reorderGallery,
  requireGallery,
  setGalleryCover,
} from '../../catalog/galleries-repo';
import type { galleryMethods } from '../../../shared/api/domains/galleries';
import type { ApiContext, DomainHandlers } from '../api-context';
import { count, quoted } from './labels';

export function galleriesService(ctx: ApiContext): DomainHandlers<typeof galleryMethods> {
  const { db } = ctx;
  const named = (id: number) => quoted(requireGallery(db, id).name);
  return {
    'galleries.list': () => listGalleries(db),
    'galleries.get': ({ id }) => ({ ...requireGallery(db, id), photoIds: galleryPhotoIds(db, id) }),
    'galleries.create': ({ name, photoIds }) => {
      const id = ctx.edit(`Make the gallery ${quoted(name)}`, (edit) => {
        const made = createGallery(edit, name);
        if (photoIds) addToGallery(edit, made, photoIds);
        return made;
      });
      return requireGallery(db, id);
    },
    'galleries.rename': ({ id, name }) => {
      ctx.edit(`Rename the gallery ${named(id)} to ${quoted(name)}`, (edit) =>
        renameGallery(edit, id, name),
      );
      return requireGallery(db, id);
    },
    'galleries.delete': ({ id }) => {
      ctx.edit(`Delete the gallery ${named(id)}`, (edit) => deleteGallery(edit, id));
      return { deleted: true };
    },
    'galleries.add': ({ id, photoIds }) => {
      ctx.edit(`Add ${count(photoIds.length, 'photo')} to the gallery ${named(id)}`, (edit) =>
        addToGallery(edit, id, photoIds),
      );
      return requireGallery(db, id);
    },
    'galleries.remove': ({ id, photoIds }) => {
      ctx.edit(`Take ${count(photoIds.length, 'photo')} out of the gallery ${named(id)}`, (edit) =>
        removeFromGallery(edit, id, photoIds),
      );
      return requireGallery(db, id);
    },
    'galleries.reorder': ({ id, photoIds }) => {
      ctx.edit(`Reorder the gallery ${named(id)}`, (edit) => reorderGallery(edit, id, photoIds));
      return requireGallery(db, id);
    },
    'galleries.setCover': ({ id, photoId }) => {
      ctx.edit(`Choose the cover of the gallery ${named(id)}`, (edit) =>
        setGalleryCover(edit, id, photoId),
      );
      return requireGallery(db, id);
    },
  };
}
