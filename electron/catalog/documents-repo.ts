import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from './open-catalog';
import type { KadarDocument } from '../../shared/api/domains/documents';
import type { Edit } from '../edits/edit';
import { absolutePath } from './absolute-path';
import { nowIso, sql } from './statements';

export type DocumentOwner = { eventId: number } | { projectId: number };

export interface NewDocument {
  title: string;
  fileName: string;
  mime: string;
  fileSize: number;
  fingerprint: string;
  pageCount: number | null;
  /** The copy's name in the documents folder, or the linked file's place in a library root. */
  stored: { storedName: string } | { rootId: number; relPath: string };
  owner: DocumentOwner;
  text: string | null;
}

/** Records a document (its file is already stored or linked) as part of an edit. */
export function attachDocument(edit: Edit, doc: NewDocument): number {
  const id = edit.insert('documents', {
    title: doc.title,
    file_name: doc.fileName,
    mime: doc.mime,
    file_size: doc.fileSize,
    fingerprint: doc.fingerprint,
    page_count: doc.pageCount,
    storage: 'storedName' in doc.stored ? 'copy' : 'link',
    stored_name: 'storedName' in doc.stored ? doc.stored.storedName : null,
    root_id: 'rootId' in doc.stored ? doc.stored.rootId : null,
    rel_path: 'relPath' in doc.stored ? doc.stored.relPath : null,
    event_id: 'eventId' in doc.owner ? doc.owner.eventId : null,
    project_id: 'projectId' in doc.owner ? doc.owner.projectId : null,
    added_at: nowIso(),
  });
  if (doc.text) edit.insert('document_text', { document_id: id, text: doc.text });
  return id;
}

interface DocumentRow {
  id: number;
  title: string;
  file_name: string;
  mime: string;
  file_size: number;
  fingerprint: string;
  page_count: number | null;
  storage: 'copy' | 'link';
  stored_name: string | null;
  root_path: string | null;
  rel_path: string | null;
  event_id: number | null;
  project_id: number | null;
  added_at: string;
}

const selectDocuments = `SELECT d.*, r.path AS root_path FROM documents d LEFT JOIN roots r ON r.id = d.root_id`;

/** Where a document's file is: in the documents folder beside the catalog, or where it was linked. */
export function documentPath(
  row: Pick<DocumentRow, 'stored_name' | 'root_path' | 'rel_path'>,
  documentsDir: string,
): string {
  return row.stored_name != null
    ? join(documentsDir, row.stored_name)
    : absolutePath(row.root_path!, row.rel_path!);
}

function toDocument(
  row: DocumentRow,
  documentsDir: string,
): KadarDocument & { fingerprint: string } {
  const path = documentPath(row, documentsDir);
  return {
    id: row.id,
    title: row.title,
    fileName: row.file_name,
    mime: row.mime,
    fileSize: row.file_size,
    fingerprint: row.fingerprint,
    pageCount: row.page_count,
    storage: row.storage,
    path,
    // Checked when read, as a listing is a handful of files: a drive plugged back in, or a file
    // put back, shows at once, with no rescan.
    missing: !existsSync(path),
    eventId: row.event_id,
    projectId: row.project_id,
    addedAt: row.added_at,
  };
}

export function getDocument(db: Catalog, id: number, documentsDir: string) {
  const row = sql<[number], DocumentRow>(db, `${selectDocuments} WHERE d.id = ?`).get(id);
  return row && toDocument(row, documentsDir);
}

export function listDocuments(db: Catalog, owner: DocumentOwner, documentsDir: string) {
  const [column, id] =
    'eventId' in owner ? ['event_id', owner.eventId] : ['project_id', owner.projectId];
  return sql<[number], DocumentRow>(
    db,
    `${selectDocuments} WHERE d.${column} = ? ORDER BY d.added_at, d.id`,
  )
    .all(id)
    .map((row) => toDocument(row, documentsDir));
}

export function renameDocument(edit: Edit, id: number, title: string): void {
  edit.update('documents', { id }, { title });
}

/** Detaches a document; its stored copy stays, so undoing this finds the file. */
export function removeDocument(edit: Edit, id: number): boolean {
  edit.delete('document_text', { document_id: id });
  return edit.delete('documents', { id }) > 0;
}
