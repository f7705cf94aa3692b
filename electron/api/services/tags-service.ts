import { requirePhotos } from '../../catalog/events-repo';
import { addLinks, removeLinks } from '../../catalog/photo-links';
import {
  deleteTag,
  ensureTag,
  mergeTag,
  moveTag,
  renameTag,
  requireTag,
  splitTagPath,
  tagsOfPhotos,
  listTags,
} from '../../catalog/tags-repo';
import type { tagMethods } from '../../../shared/api/domains/tags';
import type { ApiContext, DomainHandlers } from '../api-context';
import { count, quoted } from './labels';

export function tagsService(ctx: ApiContext): DomainHandlers<typeof tagMethods> {
  const { db } = ctx;
  return {
    'tags.list': () => listTags(db),
    'tags.ofPhotos': ({ ids }) => tagsOfPhotos(db, ids),
    'tags.add': ({ photoIds, paths = [], tagIds = [] }) => {
      requirePhotos(db, photoIds);
      tagIds.forEach((id) => requireTag(db, id, 'tagIds'));
      const names = [...paths, ...tagIds.map((id) => requireTag(db, id).path)];
      return ctx.edit(
        `Tag ${count(photoIds.length, 'photo')} ${names.map(quoted).join(', ')}`,
        (edit) => {
          const targets = [...tagIds, ...paths.map((p) => ensureTag(edit, splitTagPath(p)))];
          return { changed: addLinks(edit, 'tag', photoIds, targets), tagIds: targets };
        },
      );
    },
    'tags.remove': ({ photoIds, tagIds }) => {
      requirePhotos(db, photoIds);
      const names = tagIds.map((id) => quoted(requireTag(db, id, 'tagIds').path));
      return {
        changed: ctx.edit(
          `Remove ${names.join(', ')} from ${count(photoIds.length, 'photo')}`,
          (edit) => removeLinks(edit, 'tag', photoIds, tagIds),
        ),
      };
    },
    'tags.rename': ({ id, name }) => {
      const tag = requireTag(db, id);
      ctx.edit(`Rename tag ${quoted(tag.path)} to ${quoted(name)}`, (edit) =>
        renameTag(edit, id, name),
      );
      return requireTag(db, id);
    },
    'tags.move': ({ id, parentId }) => {
      const tag = requireTag(db, id);
      const under =
        parentId == null ? 'the top' : quoted(requireTag(db, parentId, 'parentId').path);
      ctx.edit(`Move tag ${quoted(tag.path)} to ${under}`, (edit) => moveTag(edit, id, parentId));
      return requireTag(db, id);
    },
    'tags.merge': ({ id, intoId }) => {
      const tag = requireTag(db, id);
      const into = requireTag(db, intoId, 'intoId');
      ctx.edit(`Merge tag ${quoted(tag.path)} into ${quoted(into.path)}`, (edit) =>
        mergeTag(edit, id, intoId),
      );
      return requireTag(db, intoId);
    },
    'tags.delete': ({ id }) => {
      const tag = requireTag(db, id);
      ctx.edit(`Delete tag ${quoted(tag.path)}`, (edit) => deleteTag(edit, id));
      return { deleted: true };
    },
  };
}
