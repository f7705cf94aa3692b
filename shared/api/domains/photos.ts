import { z } from 'zod';
import { photoCellSchema, photoSchema } from '../photo-schema';
import { photoFilterSchema, photoPageQuerySchema, photoSortSchema } from '../photo-query-schema';
import { id, ids, none } from './common';
import { colourLabels, photoFlags } from '../../catalog/photo-fields';

export const cameraSchema = z.object({
  id: z.number().int(),
  make: z.string(),
  model: z.string(),
  photoCount: z.number().int(),
});
export type Camera = z.output<typeof cameraSchema>;

/** A run of consecutive photos in the grid under one heading (a day, for date order). */
export const photoGroupSchema = z.object({
  key: z.string(),
  start: z.number().int(),
  count: z.number().int(),
});
export type PhotoGroup = z.output<typeof photoGroupSchema>;

export const photoQuerySchema = photoFilterSchema.extend(photoSortSchema.shape).strict();
export type PhotoQuery = z.input<typeof photoQuerySchema>;

/**
 * What a person sets on photos. A value replaces the file's (a blank text hides it); null
 * drops the person's value, so the file's shows again.
 */
export const photoEditSchema = z
  .object({
    title: z.string().trim().max(2000).nullable().optional(),
    caption: z.string().trim().max(20000).nullable().optional(),
    rating: z.number().int().min(0).max(5).nullable().optional(),
    /** 'none' sets no flag over a file's reject. */
    flag: z
      .enum([...photoFlags, 'none'])
      .nullable()
      .optional(),
    label: z
      .enum([...colourLabels, 'none'])
      .nullable()
      .optional(),
  })
  .strict();
export type PhotoEdit = z.input<typeof photoEditSchema>;

export const photoMethods = {
  /** Every id a query selects, in order, with its day groups: what the virtual grid lays out. */
  'photos.ids': {
    input: photoQuerySchema,
    output: z.object({ ids: z.array(z.number().int()), groups: z.array(photoGroupSchema) }),
  },
  'photos.get': {
    input: z.object({ ids: z.array(id).max(500) }).strict(),
    output: z.array(photoSchema),
  },
  /** What the grid's cells show of these photos (see photoCellSchema). */
  'photos.cells': {
    input: z.object({ ids: z.array(id).max(500) }).strict(),
    output: z.array(photoCellSchema),
  },
  'photos.page': {
    input: photoPageQuerySchema.strict(),
    output: z.object({ items: z.array(photoSchema), nextCursor: z.string().nullable() }),
  },
  /** Photo counts per day for the date tree, under every filter but the dates. */
  'photos.days': {
    input: photoFilterSchema.strict(),
    output: z.array(z.object({ day: z.string(), count: z.number().int() })),
  },
  /** Sets fields on photos, as one step of the edit history. */
  'photos.edit': {
    input: z.object({ ids: ids(200_000), set: photoEditSchema }).strict(),
    output: z.object({ changed: z.number().int() }),
  },
  /**
   * Titles and captions from templates with variables ({event}, {date:d.M.yyyy}, {seq}…),
   * filled per photo; with dryRun, what they would be, nothing written.
   */
  'photos.caption': {
    input: z
      .object({
        ids: ids(200_000),
        title: z.string().max(2000).optional(),
        caption: z.string().max(20000).optional(),
        dryRun: z.boolean().optional(),
      })
      .strict()
      .refine((v) => v.title != null || v.caption != null, {
        message: 'Give a title or a caption template',
        path: ['caption'],
      }),
    output: z.array(
      z.object({
        id: z.number().int(),
        title: z.string().nullable(),
        caption: z.string().nullable(),
      }),
    ),
  },
  'cameras.list': { input: none, output: z.array(cameraSchema) },
} as const;
