import { z } from 'zod';
import { datePrefixPattern } from './date-prefix';
import { colourLabels, photoFlags } from '../catalog/photo-fields';

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD': a date-tree node or a day in a range. */
export const datePrefixSchema = z
  .string()
  .regex(datePrefixPattern, 'Use YYYY, YYYY-MM or YYYY-MM-DD');

const id = z.number().int().positive();

/** Which photos, in which order. Every filter narrows; absent filters do not. */
export const photoFilterSchema = z.object({
  rootId: id.optional(),
  /** A folder and everything below it. */
  folderId: id.optional(),
  cameraId: id.optional(),
  /** A tag and every tag below it. */
  tagId: id.optional(),
  /** With tagId: that tag only, not the tags below it. */
  tagExact: z.boolean().optional(),
  /** Photos with no tag at all. */
  untagged: z.boolean().optional(),
  /** Photos a person is tagged in. */
  personId: id.optional(),
  /** Photos whose caption is empty (the person's where set, else the file's). */
  noCaption: z.boolean().optional(),
  eventId: id.optional(),
  /** Photos of the project's events. */
  projectId: id.optional(),
  /** Photos of the events an organisation organised or whose project it is a partner in. */
  organisationId: id.optional(),
  /** Photos in no event (true), or in some event (false). */
  noEvent: z.boolean().optional(),
  /** Taken on or after this day (or month, or year). */
  from: datePrefixSchema.optional(),
  /** Taken on or before the end of this day (or month, or year). */
  to: datePrefixSchema.optional(),
  hasGps: z.boolean().optional(),
  hasError: z.boolean().optional(),
  missing: z.boolean().optional(),
  search: z.string().max(500).optional(),
  /** Rated this many stars or more (the person's rating where set, else the file's). */
  minRating: z.number().int().min(1).max(5).optional(),
  flag: z.enum([...photoFlags, 'none']).optional(),
  label: z.enum([...colourLabels, 'none']).optional(),
});
export type PhotoFilter = z.infer<typeof photoFilterSchema>;

export const photoSorts = ['takenAt', 'name', 'added'] as const;
export const photoSortSchema = z.object({
  sort: z.enum(photoSorts).default('takenAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type PhotoSort = z.infer<typeof photoSortSchema>;

export const photoPageQuerySchema = photoFilterSchema.extend(photoSortSchema.shape).extend({
  limit: z.number().int().min(1).max(1000).default(200),
  /** From the previous page's `nextCursor`. */
  cursor: z.string().max(2000).optional(),
});
export type PhotoPageQuery = z.input<typeof photoPageQuerySchema>;
