import { z } from 'zod';

export const documentSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  fileName: z.string(),
  mime: z.string(),
  fileSize: z.number().int(),
  pageCount: z.number().int().nullable(),
  /** A copy in the catalog's documents folder, or a file linked where it lies. */
  storage: z.enum(['copy', 'link']),
  /** Where the file is, for display; documents are fetched by id, never by this path. */
  path: z.string(),
  eventId: z.number().int().nullable(),
  projectId: z.number().int().nullable(),
  addedAt: z.string(),
});
export type KadarDocument = z.infer<typeof documentSchema>;
