import { z } from 'zod';
import { rootSchema } from '../catalog-schema';
import { fullPath, id, none } from './common';

export const folderNodeSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  relPath: z.string(),
  name: z.string(),
  photoCount: z.number().int(),
});
export type FolderNode = z.output<typeof folderNodeSchema>;

export const rootMethods = {
  'roots.list': { input: none, output: z.array(rootSchema) },
  /** Adds a folder to the library (indexing starts with index.start). */
  'roots.add': {
    input: z.object({ path: fullPath('Give a folder') }).strict(),
    output: z.object({
      rootId: z.number().int(),
      created: z.boolean(),
      adopted: z.array(z.number().int()),
    }),
  },
  'roots.folders': { input: z.object({ rootId: id }).strict(), output: z.array(folderNodeSchema) },
} as const;
