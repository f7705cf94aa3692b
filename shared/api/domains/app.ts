import { z } from 'zod';
import { statsSchema } from '../catalog-schema';
import { id, none } from './common';

export const appInfoSchema = z.object({
  version: z.string(),
  catalogPath: z.string(),
  cacheDir: z.string(),
  /** What the shell around the renderer can do: a native folder picker, "Show in folder". */
  shell: z.enum(['electron', 'browser']),
  sampleAvailable: z.boolean(),
});
export type AppInfo = z.output<typeof appInfoSchema>;

export const appMethods = {
  'app.info': { input: none, output: appInfoSchema },
  'catalog.stats': { input: none, output: statsSchema },
  /** Builds the sample archive (licensed photos, events and projects) into this catalog. */
  'sample.open': { input: none, output: z.object({ rootId: z.number().int() }) },
  /** Shell services; the browser host answers UNSUPPORTED. */
  'shell.pickFolder': { input: none, output: z.object({ path: z.string().nullable() }) },
  /** Shows a finished export's index.html in its folder. */
  'shell.showExport': {
    input: z.object({ exportId: id }).strict(),
    output: z.object({ shown: z.boolean() }),
  },
  'shell.showInFolder': {
    input: z.object({ photoId: id }).strict(),
    output: z.object({ shown: z.boolean() }),
  },
} as const;
