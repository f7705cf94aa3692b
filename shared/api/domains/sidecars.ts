import { z } from 'zod';
import { id, none } from './common';

export const sidecarNamingSchema = z.enum(['digikam', 'lightroom']);
export type SidecarNaming = z.infer<typeof sidecarNamingSchema>;

export const sidecarProgressSchema = z.object({
  done: z.number().int(),
  total: z.number().int(),
  written: z.number().int(),
  failed: z.number().int(),
  rate: z.number(),
  etaSeconds: z.number().nullable(),
});
export type SidecarProgress = z.infer<typeof sidecarProgressSchema>;

export const sidecarSummarySchema = z.object({
  written: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  /** The first hundred sidecars that could not be written, and why. */
  failures: z.array(z.object({ path: z.string(), message: z.string() })),
  cancelled: z.boolean(),
});
export type SidecarSummary = z.infer<typeof sidecarSummarySchema>;

export const sidecarStatusSchema = z.object({
  roots: z.array(
    z.object({
      rootId: z.number().int(),
      path: z.string(),
      naming: sidecarNamingSchema.nullable(),
      /** Photos whose sidecar is still to be written or brought up to date. */
      pending: z.number().int(),
    }),
  ),
  running: sidecarProgressSchema.nullable(),
  lastRun: sidecarSummarySchema.nullable(),
});
export type SidecarStatus = z.infer<typeof sidecarStatusSchema>;

export const sidecarMethods = {
  'sidecars.status': { input: none, output: sidecarStatusSchema },
  /**
   * Switches XMP sidecars on (with how new ones are named) or off (null) for a library folder.
   * Switching on writes at once, in the background, a sidecar for every photo a person
   * described, and the folder's kadar-archive.json; from then on both are kept current.
   * Switching off stops writing; the files already written stay.
   */
  'sidecars.set': {
    input: z.object({ rootId: id, naming: sidecarNamingSchema.nullable() }).strict(),
    output: z.object({
      rootId: z.number().int(),
      naming: sidecarNamingSchema.nullable(),
      pending: z.number().int(),
    }),
  },
  /** Writes every sidecar still owed now and waits for it (the CLI; the app writes by itself). */
  'sidecars.write': { input: none, output: sidecarSummarySchema },
  /**
   * Stops the run under way between two batches (its summary says `cancelled`). What it had
   * not written stays owed: the next change, or the next opening of the catalog, writes it.
   */
  'sidecars.cancel': { input: none, output: z.object({ cancelled: z.boolean() }) },
} as const;
