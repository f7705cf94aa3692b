/**
 * The kinds of thing a catalog change may alter. `catalog.changed` names them, and the
 * renderer's server-data cache drops what it holds of those kinds.
 */
export const entityKinds = [
  'photos',
  'events',
  'projects',
  'organisations',
  'documents',
  'tags',
  'people',
  'searches',
  'presets',
  'galleries',
  'exports',
  'roots',
  'history',
] as const;
export type EntityKind = (typeof entityKinds)[number];
