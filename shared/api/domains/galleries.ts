import { z } from 'zod';
import { id, ids, none, requiredText } from './common';

/** A saved selection: photos in an order a person gave them, with a cover, to publish. */
export const gallerySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The chosen cover, else the first photo. */
  coverPhotoId: z.number().int().nullable(),
  photoCount: z.number().int(),
  createdAt: z.string(),
});
export type Gallery = z.infer<typeof gallerySchema>;

const photoIds = ids(100_000);

export const galleryMethods = {
  'galleries.list': { input: none, output: z.array(gallerySchema) },
  'galleries.get': {
    input: z.object({ id }).strict(),
    output: gallerySchema.extend({ photoIds: z.array(z.number().int()) }),
  },
  'galleries.create': {
    input: z.object({ name: requiredText(200), photoIds: photoIds.optional() }).strict(),
    output: gallerySchema,
  },
  'galleries.rename': {
    input: z.object({ id, name: requiredText(200) }).strict(),
    output: gallerySchema,
  },
  'galleries.delete': {
    input: z.object({ id }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
  /** Adds photos at the end, in the order given; those already in it stay where they are. */
  'galleries.add': {
    input: z.object({ id, photoIds }).strict(),
    output: gallerySchema,
  },
  'galleries.remove': {
    input: z.object({ id, photoIds }).strict(),
    output: gallerySchema,
  },
  /** The gallery's photos in a new order: every one of them, each once. */
  'galleries.reorder': {
    input: z.object({ id, photoIds }).strict(),
    output: gallerySchema,
  },
  'galleries.setCover': {
    input: z.object({ id, photoId: id.nullable() }).strict(),
    output: gallerySchema,
  },
} as const;
