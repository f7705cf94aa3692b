import type { Database } from 'better-sqlite3';
import { toFtsQuery } from '../../../shared/text/fold-text';
import { sqlPluck } from '../statements';
import { archiveKinds, type ArchiveKind } from './search-keys';

/** Ids of the events, projects or organisations whose names and facts match every word. */
export function archiveMatches(db: Database, kind: ArchiveKind, query: string): number[] {
  const fts = toFtsQuery(query);
  if (!fts) return [];
  return sqlPluck<[string, number], number>(
    db,
    `SELECT rowid / 4 FROM archive_search(?) WHERE rowid % 4 = ?`,
  ).all(fts, archiveKinds[kind]);
}
