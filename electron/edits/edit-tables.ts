import type { EntityKind } from '../../shared/api/entity-kinds';

/**
 * The tables people edit, with the columns that identify a row and the kinds of thing a change
 * to them may alter (what views re-ask after an edit, an undo or a redo). The edit history
 * writes only these, and only by these keys.
 */
export type { EntityKind };

export interface EditTable {
  key: readonly string[];
  kinds: readonly EntityKind[];
}

export const editTables = {
  photos: { key: ['id'], kinds: ['photos', 'events'] },
  events: { key: ['id'], kinds: ['events', 'photos', 'projects', 'organisations'] },
  event_merges: { key: ['source_uid'], kinds: ['events'] },
  projects: { key: ['id'], kinds: ['projects', 'events', 'organisations'] },
  project_partners: {
    key: ['project_id', 'organisation_id'],
    kinds: ['projects', 'organisations'],
  },
  project_events: { key: ['project_id', 'event_id'], kinds: ['projects', 'events', 'photos'] },
  organisations: { key: ['id'], kinds: ['organisations', 'events', 'projects'] },
  documents: { key: ['id'], kinds: ['documents', 'events', 'projects'] },
  document_text: { key: ['document_id'], kinds: ['documents'] },
  tags: { key: ['id'], kinds: ['tags', 'photos'] },
  photo_tags: { key: ['photo_id', 'tag_id'], kinds: ['tags', 'photos'] },
  people: { key: ['id'], kinds: ['people', 'photos'] },
  photo_people: { key: ['photo_id', 'person_id'], kinds: ['people', 'photos'] },
  photo_tag_removals: { key: ['photo_id', 'tag_id'], kinds: ['tags', 'photos'] },
  photo_people_removals: { key: ['photo_id', 'person_id'], kinds: ['people', 'photos'] },
  saved_searches: { key: ['id'], kinds: ['searches'] },
  export_presets: { key: ['id'], kinds: ['presets'] },
  galleries: { key: ['id'], kinds: ['galleries'] },
  gallery_photos: { key: ['gallery_id', 'photo_id'], kinds: ['galleries'] },
} as const satisfies Record<string, EditTable>;

export type EditTableName = keyof typeof editTables;

// Column names are spliced into SQL: they come from code, and must look like identifiers.
const identifier = /^[a-z_][a-z0-9_]*$/;
export function checkColumns(columns: readonly string[]): void {
  for (const c of columns) if (!identifier.test(c)) throw new Error(`Not a column name: ${c}`);
}
