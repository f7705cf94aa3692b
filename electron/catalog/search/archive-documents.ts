import type { Database } from 'better-sqlite3';
import { searchVariants } from '../../../shared/text/fold-text';
import { sql } from '../statements';

// What finds an event, a project or an organisation: its own fields, the names around it and
// its documents' titles. Documents' text has an index of its own (document_search). An event's
// document is also what finds its photos by the event's, projects' and partners' names
// (event-matches.ts), so it names the partners of its projects too.
const gatherByKind = [
  // 0: event
  `SELECT e.title, e.venue, e.city, e.country, e.description, o.name, o.short_name,
     (SELECT group_concat(concat_ws(' ', pr.name, pr.code, pr.programme,
         (SELECT group_concat(po.name, ' ') FROM project_partners pp
           JOIN organisations po ON po.id = pp.organisation_id WHERE pp.project_id = pr.id)), ' ')
       FROM project_events pe JOIN projects pr ON pr.id = pe.project_id WHERE pe.event_id = e.id) AS projects,
     (SELECT group_concat(d.title, ' ') FROM documents d WHERE d.event_id = e.id) AS documents
   FROM events e LEFT JOIN organisations o ON o.id = e.organiser_id WHERE e.id = ?`,
  // 1: project
  `SELECT pr.name, pr.code, pr.programme, pr.description,
     (SELECT group_concat(concat_ws(' ', o.name, o.short_name, o.city, o.country), ' ')
       FROM project_partners pp JOIN organisations o ON o.id = pp.organisation_id WHERE pp.project_id = pr.id) AS partners,
     (SELECT group_concat(d.title, ' ') FROM documents d WHERE d.project_id = pr.id) AS documents
   FROM projects pr WHERE pr.id = ?`,
  // 2: organisation
  `SELECT name, short_name, city, country, website FROM organisations WHERE id = ?`,
  // 3: document, into document_search
  `SELECT d.title, d.file_name, t.text FROM documents d
   LEFT JOIN document_text t ON t.document_id = d.id WHERE d.id = ?`,
] as const;

/** Rewrites the archive documents named by their keys (id * 4 + kind). */
export function writeArchiveDocuments(db: Database, keys: Iterable<number>): void {
  for (const key of keys) {
    const kind = key % 4;
    const id = Math.floor(key / 4);
    // Documents' rows are keyed by their own id in their own index.
    const [table, rowid] = kind === 3 ? ['document_search', id] : ['archive_search', key];
    sql(db, `DELETE FROM ${table} WHERE rowid = ?`).run(rowid);
    const row = sql<[number], Record<string, string | null>>(db, gatherByKind[kind]!).get(id);
    if (row)
      sql(db, `INSERT INTO ${table} (rowid, body) VALUES (?, ?)`).run(
        rowid,
        searchVariants(Object.values(row)),
      );
  }
}
