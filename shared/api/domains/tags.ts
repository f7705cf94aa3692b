import { z } from 'zod';
import { none } from './common';

export const tagSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  photoCount: z.number().int(),
});
export type Tag = z.output<typeof tagSchema>;

export const tagMethods = {
  'tags.list': { input: none, output: z.array(tagSchema) },
} as const;
