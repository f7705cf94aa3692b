import type { Database } from 'better-sqlite3';
import { toFtsWords } from '../../../shared/text/fold-text';
import { sqlPluck } from '../statements';

/** A search split into its words, each with the events that say it on their photos' behalf. */
export interface SearchWords {
  /** FTS5 queries, one per word: `"nis"*`. */
  words: string[];
  /** Per word, the events whose own document, or whose (or whose projects') attached documents,
   * contain it. */
  events: number[][];
  /** Every event of `events`, once. */
  anyEvent: number[];
}

/**
 * A photo is found by a word in its own document or in its event's: the event's title, venue,
 * town, organiser, projects and partners (archive_search), or the text of a document attached
 * to the event or to one of its projects (document_search). So a photo matches a search when
 * each word is in its own document or names its event.
 */
export function searchWords(db: Database, query: string): SearchWords | null {
  const words = toFtsWords(query);
  if (words.length === 0) return null;
  const events = words.map((word) =>
    sqlPluck<[string, string, string], number>(
      db,
      `SELECT rowid / 4 FROM archive_search(?) WHERE rowid % 4 = 0
       UNION SELECT d.event_id FROM document_search(?) s JOIN documents d ON d.id = s.rowid
         WHERE d.event_id IS NOT NULL
       UNION SELECT pe.event_id FROM document_search(?) s JOIN documents d ON d.id = s.rowid
         JOIN project_events pe ON pe.project_id = d.project_id`,
    ).all(word, word, word),
  );
  return { words, events, anyEvent: [...new Set(events.flat())] };
}
