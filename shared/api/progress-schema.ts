import { z } from 'zod';

export const indexPhases = ['scanning', 'indexing', 'finishing', 'done'] as const;

/** What a running index or rescan reports, at most a few times a second. */
export const indexProgressSchema = z.object({
  runId: z.number().int(),
  phase: z.enum(indexPhases),
  /** Files seen so far by the folder walk (grows until the walk ends). */
  found: z.number().int(),
  /** Files that needed reading (new or changed); `done + failed` of them are finished. */
  queued: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  unchanged: z.number().int(),
  /** Files read per second over the last few seconds. */
  rate: z.number(),
  /** Seconds left at the current rate, or null while it cannot be told. */
  etaSeconds: z.number().nullable(),
  walkComplete: z.boolean(),
  currentPath: z.string().nullable(),
});
export type IndexProgress = z.infer<typeof indexProgressSchema>;

export const fileFailureSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type FileFailure = z.infer<typeof fileFailureSchema>;

export const indexSummarySchema = z.object({
  runId: z.number().int(),
  status: z.enum(['completed', 'cancelled', 'failed']),
  seconds: z.number(),
  found: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  moved: z.number().int(),
  missing: z.number().int(),
  restored: z.number().int(),
  failed: z.number().int(),
  failures: z.array(fileFailureSchema),
  /** Folders or roots that could not be read, and roots found offline. */
  issues: z.array(fileFailureSchema),
});
export type IndexSummary = z.infer<typeof indexSummarySchema>;

/** A run's summary with nothing counted yet: what a run that never got going reports. */
export const emptyIndexSummary = (
  runId: number,
  status: IndexSummary['status'],
  issues: IndexSummary['issues'] = [],
): IndexSummary => ({
  runId,
  status,
  seconds: 0,
  found: 0,
  added: 0,
  updated: 0,
  unchanged: 0,
  moved: 0,
  missing: 0,
  restored: 0,
  failed: 0,
  failures: [],
  issues,
});
