import { createReadStream, existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { absolutePath } from '../../catalog/absolute-path';
import type { Catalog } from '../../catalog/open-catalog';
import { sql } from '../../catalog/statements';
import { createFingerprintHash, loadFingerprintHash } from '../../indexer/fingerprint';

interface Linked {
  id: number;
  root_path: string;
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

/** Files under `dir` named as one of `wanted` with its size: where moved documents may be. */
async function candidates(dir: string, wanted: Map<string, Set<number>>): Promise<string[]> {
  const found: string[] = [];
  // Asynchronous: a library folder may hold a hundred thousand files, and this runs in the
  // process that answers the window.
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const sizes = entry.isFile() ? wanted.get(entry.name) : undefined;
    if (!sizes) continue;
    const path = join(entry.parentPath, entry.name);
    const size = (await stat(path).catch(() => null))?.size;
    if (size != null && sizes.has(size)) found.push(path);
  }
  return found;
}

export interface DocumentMove {
  id: number;
  rootId: number;
  relPath: string;
}

/**
 * Documents linked in place follow their files as photos do: after a rescan of a library
 * folder, a linked document whose file is gone (from this folder or from another one that is
 * online) is looked for here by name and size, and taken to be the file whose content has its
 * fingerprint. Returns the new places to record; a document not found stays where it was
 * recorded and shows as missing (its drive may be offline, or the file may come back).
 */
export async function findMovedDocuments(
  db: Catalog,
  root: { id: number; path: string },
): Promise<DocumentMove[]> {
  const linked = sql<[], Linked>(
    db,
    `SELECT d.id, r.path AS root_path, d.rel_path, d.file_name, d.file_size, d.fingerprint
     FROM documents d JOIN roots r ON r.id = d.root_id WHERE d.root_id IS NOT NULL`,
  ).all();
  const gone = linked.filter(
    (d) => existsSync(d.root_path) && !existsSync(absolutePath(d.root_path, d.rel_path)),
  );
  if (gone.length === 0) return [];
  const wanted = new Map<string, Set<number>>();
  for (const doc of gone) {
    const name = basename(doc.rel_path);
    wanted.set(name, (wanted.get(name) ?? new Set()).add(doc.file_size));
  }
  const found = await candidates(root.path, wanted);
  const moves: DocumentMove[] = [];
  const fingerprints = new Map<string, Promise<string>>();
  for (const doc of gone) {
    for (const path of found) {
      if (basename(path) !== basename(doc.rel_path)) continue;
      if (!fingerprints.has(path)) fingerprints.set(path, fingerprintOf(path));
      if ((await fingerprints.get(path)) !== doc.fingerprint) continue;
      moves.push({
        id: doc.id,
        rootId: root.id,
        relPath: relative(root.path, path).split(sep).join('/'),
      });
      break;
    }
  }
  return moves;
}

/** Records where moved documents are now: the file's place, like a photo's, not an edit. */
export function recordDocumentMoves(db: Catalog, moves: readonly DocumentMove[]): void {
  const move = sql(db, `UPDATE documents SET root_id = ?, rel_path = ? WHERE id = ?`);
  for (const m of moves) move.run(m.rootId, m.relPath, m.id);
}
