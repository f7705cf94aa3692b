import { z } from 'zod';
import type { EventName as ListedEventName, MethodName as ListedMethodName } from './api-names';
import { appMethods } from './domains/app';
import { entityKindSchema } from './domains/common';
import { documentMethods } from './domains/documents';
import { eventMethods } from './domains/events';
import { historyMethods } from './domains/history';
import { indexingMethods } from './domains/indexing';
import { newsMethods } from './domains/news';
import { organisationMethods } from './domains/organisations';
import { photoMethods } from './domains/photos';
import { projectMethods } from './domains/projects';
import { rootMethods } from './domains/roots';
import { tagMethods } from './domains/tags';
import { peopleMethods } from './domains/people';
import { searchMethods } from './domains/searches';
import { galleryMethods } from './domains/galleries';
import { backupMethods, backupProgressSchema } from './domains/backups';
import { archiveFileMethods } from './domains/archive-file';
import { sidecarMethods, sidecarProgressSchema, sidecarSummarySchema } from './domains/sidecars';
import { exportMethods, exportProgressSchema, exportRecordSchema } from './domains/export';
import { indexProgressSchema, indexSummarySchema } from './progress-schema';

/**
 * The one API between the renderer and the catalog, assembled from one module per domain
 * (./domains). Every transport (Electron IPC, the Node HTTP host, the CLI) is generated from
 * this table: input is validated where it arrives, output where it leaves, and failures
 * travel as `{ code, message }`.
 */
export const apiMethods = {
  ...appMethods,
  ...rootMethods,
  ...photoMethods,
  ...tagMethods,
  ...peopleMethods,
  ...searchMethods,
  ...eventMethods,
  ...projectMethods,
  ...organisationMethods,
  ...documentMethods,
  ...newsMethods,
  ...galleryMethods,
  ...backupMethods,
  ...archiveFileMethods,
  ...sidecarMethods,
  ...exportMethods,
  ...historyMethods,
  ...indexingMethods,
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
  'export.progress': exportProgressSchema,
  'export.finished': exportRecordSchema,
  'sidecars.progress': sidecarProgressSchema,
  'sidecars.finished': sidecarSummarySchema,
  'backups.progress': backupProgressSchema,
  /**
   * How a backup nobody waited on went (daily, or at closing): a failure must be shown; one
   * a person cancelled is not a failure (docs/backups.md says when it is made after all).
   */
  'backups.finished': z.object({ error: z.string().nullable(), cancelled: z.boolean() }),
  /**
   * How a restore asked for in the running app went. Once the catalog was closed and opened
   * again (`closed`), everything a window holds is stale, restored or not; a restore refused
   * before the catalog was closed changed nothing. `error` when the backup was not restored,
   * or the catalog could not be opened again.
   */
  'catalog.reopened': z.object({
    closed: z.boolean(),
    error: z.string().nullable(),
    /** Where the catalog that was replaced is kept. */
    keptAside: z.string().nullable(),
  }),
  /** What views show may have changed: re-ask for the kinds named. */
  'catalog.changed': z.object({
    reason: z.enum(['index', 'roots', 'sample', 'edit', 'undo', 'redo', 'import']),
    kinds: z.array(entityKindSchema),
  }),
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

export type { AppInfo } from './domains/app';
export type { FolderNode } from './domains/roots';
export type { IndexState } from './domains/indexing';
export type { Camera, PhotoGroup, PhotoQuery } from './domains/photos';
export type { Tag } from './domains/tags';
