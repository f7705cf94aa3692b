import { z } from 'zod';
import { photoFilterSchema } from '../photo-query-schema';
import { id, none, requiredText } from './common';

/** A search kept in the sidebar ("smart album"): its photos are whatever matches now. */
export const savedSearchSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  filter: photoFilterSchema,
  createdAt: z.string(),
});
export type SavedSearch = z.infer<typeof savedSearchSchema>;

export const searchMethods = {
  'searches.list': { input: none, output: z.array(savedSearchSchema) },
  'searches.save': {
    input: z.object({ name: requiredText(200), filter: photoFilterSchema.strict() }).strict(),
    output: savedSearchSchema,
  },
  'searches.rename': {
    input: z.object({ id, name: requiredText(200) }).strict(),
    output: savedSearchSchema,
  },
  'searches.delete': {
    input: z.object({ id }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
} as const;
