import { z } from 'zod';
import { entityKindSchema, none } from './common';

export const historyStepSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  at: z.string(),
  undone: z.boolean(),
});
export type HistoryStep = z.infer<typeof historyStepSchema>;

const replayed = z.object({
  step: z.object({ id: z.number().int(), label: z.string() }).nullable(),
  kinds: z.array(entityKindSchema),
});

export const historyMethods = {
  /** The edit history, newest first. */
  'history.list': {
    input: z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.array(historyStepSchema),
  },
  /** Undoes the latest step; `step` is null when there was nothing to undo. */
  'history.undo': { input: none, output: replayed },
  /** Redoes the step undone last; `step` is null when there was nothing to redo. */
  'history.redo': { input: none, output: replayed },
} as const;
