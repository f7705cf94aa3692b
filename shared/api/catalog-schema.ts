import { z } from 'zod';

export const rootSchema = z.object({
  id: z.number().int(),
  path: z.string(),
  name: z.string(),
  status: z.enum(['online', 'offline']),
  addedAt: z.string(),
  lastScanStartedAt: z.string().nullable(),
  lastScanCompletedAt: z.string().nullable(),
  photoCount: z.number().int(),
  missingCount: z.number().int(),
  errorCount: z.number().int(),
  /** XMP sidecars: off (null), or on with how new ones are named. */
  sidecars: z.enum(['digikam', 'lightroom']).nullable(),
});
export type Root = z.infer<typeof rootSchema>;

export const statsSchema = z.object({
  roots: z.number().int(),
  offlineRoots: z.number().int(),
  photos: z.number().int(),
  missing: z.number().int(),
  failed: z.number().int(),
  withGps: z.number().int(),
  /** Photos no event holds yet: what the suggestions work on. */
  inNoEvent: z.number().int(),
  events: z.number().int(),
  projects: z.number().int(),
  tags: z.number().int(),
  people: z.number().int(),
  organisations: z.number().int(),
  documents: z.number().int(),
});
export type Stats = z.infer<typeof statsSchema>;
