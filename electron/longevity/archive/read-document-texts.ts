import { existsSync } from 'node:fs';
import type { Catalog } from '../../catalog/open-catalog';
import { documentPath } from '../../catalog/documents-repo';
import { sql } from '../../catalog/statements';
import { writeTransaction } from '../../catalog/write-transaction';
import type { DocumentOutcome } from '../../archive/documents/read-document';
import type { IndexPool } from '../../indexer/index-pool';

interface Untexted {
  id: number;
  file_name: string;
  fingerprint: string;
  stored_name: string | null;
  root_path: string | null;
  rel_path: string | null;
}

/**
 * A document's text is read from its file, not kept in the archive file: after an import, the
 * PDFs that have no text in this catalog are read again (in worker threads) where their file
 * is here and still the one recorded, so a word in an invitation finds its event once more.
 * Returns how many got their text.
 */
export async function readDocumentTexts(
  db: Catalog,
  options: { documentsDir: string; cacheDir: string; pool: () => IndexPool },
): Promise<number> {
  const rows = sql<[], Untexted>(
    db,
    `SELECT d.id, d.file_name, d.fingerprint, d.stored_name, r.path AS root_path, d.rel_path
     FROM documents d LEFT JOIN roots r ON r.id = d.root_id
     WHERE d.mime = 'application/pdf' AND d.id NOT IN (SELECT document_id FROM document_text)`,
  ).all();
  let read = 0;
  for (const row of rows) {
    const path = documentPath(row, options.documentsDir);
    if (!existsSync(path)) continue;
    const outcome = (await options.pool().run({
      kind: 'document',
      document: { path, fileName: row.file_name, cacheDir: options.cacheDir },
    })) as DocumentOutcome;
    if (!outcome.ok || outcome.fingerprint !== row.fingerprint || !outcome.text) continue;
    const text = outcome.text;
    // The document may have gone or changed while its file was read.
    const written = writeTransaction(
      db,
      () =>
        sql(
          db,
          `INSERT OR IGNORE INTO document_text (document_id, text)
           SELECT id, ? FROM documents WHERE id = ? AND fingerprint = ?`,
        ).run(text, row.id, row.fingerprint).changes,
    );
    read += written;
  }
  return read;
}
