import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { absolutePath } from '../../catalog/absolute-path';
import type { Catalog } from '../../catalog/open-catalog';
import { sql } from '../../catalog/statements';
import { createFingerprintHash, loadFingerprintHash } from '../../indexer/fingerprint';

interface Linked {
  id: number;
  rel_path: string;
  file_name: string;
  file_size: number;
  fingerprint: string;
}

async function fingerprintOf(path: string): Promise<string> {
  await loadFingerprintHash();
  const hash = createFingerprintHash();
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest();
}

/** Files under `dir` named `name` with `size` bytes: where a moved document may be now. */
function candidates(dir: string, name: string, size: number): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== name) continue;
    const path = join(entry.parentPath, entry.name);
    if (statSync(path, { throwIfNoEntry: false })?.size === size) found.push(path);
  }
  return found;
}

/**
 * Documents linked in place follow their files as photos do: after a rescan of their root, one
 * whose file is gone is looked for under the root by name and size, and taken to be the file
 * whose content has its fingerprint. Returns the new places to record; a document not found
 * stays where it was recorded (its drive may be offline).
 */
export async function findMovedDocuments(
  db: Catalog,
  root: { id: number; path: string },
): Promise<{ id: number; relPath: string }[]> {
  const linked = sql<[number], Linked>(
    db,
    `SELECT id, rel_path, file_name, file_size, fingerprint FROM documents WHERE root_id = ?`,
  ).all(root.id);
  const gone = linked.filter((d) => !existsSync(absolutePath(root.path, d.rel_path)));
  const moves: { id: number; relPath: string }[] = [];
  for (const doc of gone) {
    const name = basename(doc.rel_path);
    for (const path of candidates(root.path, name, doc.file_size)) {
      if ((await fingerprintOf(path)) !== doc.fingerprint) continue;
      moves.push({ id: doc.id, relPath: relative(root.path, path).split(sep).join('/') });
      break;
    }
  }
  return moves;
}

/** Records where moved documents are now: the file's place, like a photo's, not an edit. */
export function recordDocumentMoves(
  db: Catalog,
  moves: readonly { id: number; relPath: string }[],
): void {
  const move = sql(db, `UPDATE documents SET rel_path = ? WHERE id = ?`);
  for (const m of moves) move.run(m.relPath, m.id);
}
