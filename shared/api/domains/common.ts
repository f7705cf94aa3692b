import { z } from 'zod';
import { entityKinds } from '../entity-kinds';

export const none = z.object({}).strict();
export const id = z.number().int().positive();
export const ids = (max: number) => z.array(id).min(1).max(max);

/** A day that exists: 2015-02-29 is refused with the field's name, not stored. */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD')
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
  }, 'There is no such day');

export const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time as HH:MM (24-hour)');

/** Optional text a person types: trimmed, and blank means none. */
export const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((t) => (t === '' ? null : t))
    .nullable()
    .optional();

export const requiredText = (max = 500) => z.string().trim().min(1, 'Must not be empty').max(max);

// The platform of the process that checks requests (the app's main process, the host, the
// CLI); the renderer checks none and has no `process`.
const hostPlatform = (globalThis as { process?: { platform?: string } }).process?.platform;

/**
 * A full path on the computer the catalog is on: from `/`, or on Windows from a drive (`C:\`)
 * or a share (`\\nas\…`). Shared code cannot load node:path to ask.
 */
export const isFullPath = (path: string, platform = hostPlatform) =>
  platform === 'win32'
    ? /^[A-Za-z]:[\\/]/.test(path) || /^\\\\[^\\]/.test(path)
    : path.startsWith('/');

/**
 * A file or folder on the catalog's computer, by its full path and exactly as given (a name
 * may end in a space). A relative one would be taken from wherever the host happens to run:
 * the CLI makes what a person typed full against its own working folder before it calls.
 */
export const fullPath = (empty = 'Give a path') =>
  z
    .string()
    // An empty one is said as such, not also as a path that is not full.
    .min(1, { error: empty, abort: true })
    .max(4096)
    .refine(isFullPath, {
      error: (issue) =>
        `${String(issue.input)} is not a full path: give it from the top of the drive (/home/… or C:\\…).`,
    });

/** The start–end rule, for inputs with both: the message names the field to fix. */
export function endNotBeforeStart<T extends { startsOn?: string | null; endsOn?: string | null }>(
  value: T,
  ctx: z.RefinementCtx,
): void {
  if (value.startsOn && value.endsOn && value.endsOn < value.startsOn)
    ctx.addIssue({
      code: 'custom',
      path: ['endsOn'],
      message: `ends on ${value.endsOn}, before it starts (${value.startsOn})`,
    });
}

export const entityKindSchema = z.enum(entityKinds);
