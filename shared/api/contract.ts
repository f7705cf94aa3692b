import { z } from 'zod';
import { eventSchema, projectSchema } from './archive-schema';
import { rootSchema, statsSchema } from './catalog-schema';
import { photoSchema } from './photo-schema';
import { photoFilterSchema, photoPageQuerySchema, photoSortSchema } from './photo-query-schema';
import { fileFailureSchema, indexProgressSchema, indexSummarySchema } from './progress-schema';
import type { EventName as ListedEventName, MethodName as ListedMethodName } from './api-names';

/**
 * The one API between the renderer and the catalog. Every transport (Electron IPC, the Node
 * HTTP host) is generated from this table: input is validated where it arrives, output where
 * it leaves, and failures travel as `{ code, message }`.
 */

const none = z.object({}).strict();
const id = z.number().int().positive();

export const folderNodeSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  relPath: z.string(),
  name: z.string(),
  photoCount: z.number().int(),
});

export const cameraSchema = z.object({
  id: z.number().int(),
  make: z.string(),
  model: z.string(),
  photoCount: z.number().int(),
});

export const tagSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  photoCount: z.number().int(),
});

/** A run of consecutive photos in the grid under one heading (a day, for date order). */
export const photoGroupSchema = z.object({
  key: z.string(),
  start: z.number().int(),
  count: z.number().int(),
});

export const photoQuerySchema = photoFilterSchema.extend(photoSortSchema.shape).strict();

export const indexStateSchema = z.object({
  running: z.boolean(),
  progress: indexProgressSchema.nullable(),
  lastSummary: indexSummarySchema.nullable(),
});

export const appInfoSchema = z.object({
  version: z.string(),
  catalogPath: z.string(),
  cacheDir: z.string(),
  /** What the shell around the renderer can do: a native folder picker, "Show in folder". */
  shell: z.enum(['electron', 'browser']),
  sampleAvailable: z.boolean(),
});

export const apiMethods = {
  'app.info': { input: none, output: appInfoSchema },
  'catalog.stats': { input: none, output: statsSchema },

  'roots.list': { input: none, output: z.array(rootSchema) },
  /** Adds a folder to the library (indexing starts with index.start). */
  'roots.add': {
    input: z.object({ path: z.string().trim().min(1).max(4096) }).strict(),
    output: z.object({
      rootId: z.number().int(),
      created: z.boolean(),
      adopted: z.array(z.number().int()),
    }),
  },
  'roots.folders': { input: z.object({ rootId: id }).strict(), output: z.array(folderNodeSchema) },

  /** Every id a query selects, in order, with its day groups: what the virtual grid lays out. */
  'photos.ids': {
    input: photoQuerySchema,
    output: z.object({ ids: z.array(z.number().int()), groups: z.array(photoGroupSchema) }),
  },
  'photos.get': {
    input: z.object({ ids: z.array(id).max(500) }).strict(),
    output: z.array(photoSchema),
  },
  'photos.page': {
    input: photoPageQuerySchema.strict(),
    output: z.object({ items: z.array(photoSchema), nextCursor: z.string().nullable() }),
  },
  /** Photo counts per day for the date tree, under every filter but the dates. */
  'photos.days': {
    input: photoFilterSchema.strict(),
    output: z.array(z.object({ day: z.string(), count: z.number().int() })),
  },
  'cameras.list': { input: none, output: z.array(cameraSchema) },
  'tags.list': { input: none, output: z.array(tagSchema) },
  'events.list': {
    input: z.object({ projectId: id.optional() }).strict(),
    output: z.array(eventSchema),
  },
  'projects.list': { input: none, output: z.array(projectSchema) },

  'index.start': {
    input: z.object({ rootIds: z.array(id).max(1000).optional() }).strict(),
    output: z.object({ started: z.boolean() }),
  },
  'index.cancel': { input: none, output: z.object({ cancelled: z.boolean() }) },
  'index.state': { input: none, output: indexStateSchema },
  /** Folders and files the last runs could not read. */
  'index.issues': { input: none, output: z.array(fileFailureSchema) },

  /** Builds the sample archive (licensed photos, events and projects) into this catalog. */
  'sample.open': { input: none, output: z.object({ rootId: z.number().int() }) },

  /** Shell services; the browser host answers UNSUPPORTED. */
  'shell.pickFolder': { input: none, output: z.object({ path: z.string().nullable() }) },
  'shell.showInFolder': {
    input: z.object({ photoId: id }).strict(),
    output: z.object({ shown: z.boolean() }),
  },
} as const;

export type ApiMethods = typeof apiMethods;
export type MethodName = keyof ApiMethods;
export type MethodInput<M extends MethodName> = z.input<ApiMethods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<ApiMethods[M]['output']>;
export { isMethodName, isEventName, methodNames, eventNames } from './api-names';

/** Events pushed to every connected renderer. */
export const apiEvents = {
  'index.progress': indexProgressSchema,
  'index.finished': indexSummarySchema,
  /** The photos a query would return may have changed: re-ask. */
  'catalog.changed': z.object({ reason: z.enum(['index', 'roots', 'sample', 'edit']) }),
} as const;

export type ApiEvents = typeof apiEvents;
export type EventName = keyof ApiEvents;
export type EventPayload<E extends EventName> = z.output<ApiEvents[E]>;

// The plain name lists (for code that must not load the schemas) name exactly these.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: [
  Same<keyof ApiMethods, ListedMethodName>,
  Same<keyof ApiEvents, ListedEventName>,
] = [true, true];
void namesMatch;

/** Images reach the renderer by photo id and kind, never by a path. */
export const imageKinds = ['thumb', 'preview'] as const;
export type ImageKind = (typeof imageKinds)[number];

export type PhotoQuery = z.input<typeof photoQuerySchema>;
export type PhotoGroup = z.output<typeof photoGroupSchema>;
export type FolderNode = z.output<typeof folderNodeSchema>;
export type Camera = z.output<typeof cameraSchema>;
export type Tag = z.output<typeof tagSchema>;
export type IndexState = z.output<typeof indexStateSchema>;
export type AppInfo = z.output<typeof appInfoSchema>;
