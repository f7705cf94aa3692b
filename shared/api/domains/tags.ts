import { z } from 'zod';
import { id, ids, none, requiredText } from './common';

export const tagSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  /** "Sector/Textile": the names from the top down. */
  path: z.string(),
  /** Photos tagged with it directly. */
  photoCount: z.number().int(),
  /** 'file' when some photo has it from its file's keywords. */
  source: z.enum(['file', 'user']),
});
export type Tag = z.output<typeof tagSchema>;

const photoIds = ids(200_000);
/** "Place/Niš": levels that do not exist yet are made. */
const tagPath = requiredText(500);

export const tagMethods = {
  'tags.list': { input: none, output: z.array(tagSchema) },
  /** The tags some photos have (a selection's), with how many of them have each. */
  'tags.ofPhotos': {
    input: z.object({ ids: ids(200_000) }).strict(),
    output: z.array(
      z.object({
        id: z.number().int(),
        path: z.string(),
        photoCount: z.number().int(),
        /** Of those, how many have it from their file. */
        fromFile: z.number().int(),
      }),
    ),
  },
  /** Tags photos, by path or id, as one step of the edit history. */
  'tags.add': {
    input: z
      .object({
        photoIds,
        paths: z.array(tagPath).max(100).optional(),
        tagIds: z.array(id).max(100).optional(),
      })
      .strict()
      .refine((v) => (v.paths?.length ?? 0) + (v.tagIds?.length ?? 0) > 0, {
        message: 'Name at least one tag (paths or tagIds)',
        path: ['paths'],
      }),
    output: z.object({ changed: z.number().int(), tagIds: z.array(z.number().int()) }),
  },
  /** Takes tags off photos; a file's keyword stays off after rescans. */
  'tags.remove': {
    input: z.object({ photoIds, tagIds: z.array(id).min(1).max(100) }).strict(),
    output: z.object({ changed: z.number().int() }),
  },
  'tags.rename': {
    input: z.object({ id, name: requiredText(200) }).strict(),
    output: tagSchema,
  },
  /** Puts a tag under another, or at the top (null). */
  'tags.move': {
    input: z.object({ id, parentId: id.nullable() }).strict(),
    output: tagSchema,
  },
  /** Moves a tag's photos and children into another tag and deletes it. */
  'tags.merge': {
    input: z.object({ id, intoId: id }).strict(),
    output: tagSchema,
  },
  'tags.delete': {
    input: z.object({ id }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
} as const;
