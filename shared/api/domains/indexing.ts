import { z } from 'zod';
import { fileFailureSchema, indexProgressSchema, indexSummarySchema } from '../progress-schema';
import { id, none } from './common';

export const indexStateSchema = z.object({
  running: z.boolean(),
  progress: indexProgressSchema.nullable(),
  lastSummary: indexSummarySchema.nullable(),
});
export type IndexState = z.output<typeof indexStateSchema>;

export const indexingMethods = {
  'index.start': {
    input: z.object({ rootIds: z.array(id).max(1000).optional() }).strict(),
    output: z.object({ started: z.boolean() }),
  },
  'index.cancel': { input: none, output: z.object({ cancelled: z.boolean() }) },
  'index.state': { input: none, output: indexStateSchema },
  /** Folders and files the last runs could not read. */
  'index.issues': { input: none, output: z.array(fileFailureSchema) },
} as const;
