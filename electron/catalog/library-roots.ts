import { realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Catalog } from './open-catalog';
import { KadarError } from '../../shared/errors';
import { ensureFolder } from './folders-repo';
import { findRootContaining, findRootsInside, insertRoot } from './roots-repo';
import { sql } from './statements';
import { writeTransaction } from './write-transaction';

export interface AddedRoot {
  rootId: number;
  /** False when the folder was already in the library (itself or inside another root). */
  created: boolean;
  /** Roots that were inside the new folder and now belong to it. */
  adopted: number[];
}

/**
 * Makes `folder` part of the library. A folder inside an existing root is already covered;
 * a folder that contains existing roots takes them over, their photos keeping their ids.
 */
export function addLibraryRoot(db: Catalog, folder: string): AddedRoot {
  let path: string;
  try {
    path = realpathSync(resolve(folder));
    if (!statSync(path).isDirectory())
      throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new KadarError(
      'FOLDER_NOT_FOUND',
      code === 'ENOTDIR'
        ? `${folder} is a file, not a folder.`
        : `The folder ${folder} does not exist (${code ?? 'unreadable'}).`,
      { cause: error },
    );
  }
  const container = findRootContaining(db, path);
  if (container) return { rootId: container.id, created: false, adopted: [] };
  return writeTransaction(db, () => {
    const rootId = insertRoot(db, path);
    const adopted = findRootsInside(db, path).map((inner) => {
      adoptRoot(db, rootId, inner.id, relative(path, inner.path).split(sep).join('/'));
      return inner.id;
    });
    return { rootId, created: true, adopted };
  });
}

/** Moves every folder, photo and linked document of root `innerId` under `prefix` in root `outerId`. */
function adoptRoot(db: Catalog, outerId: number, innerId: number, prefix: string): void {
  const parentCut = prefix.lastIndexOf('/');
  const parentId = ensureFolder(db, outerId, parentCut < 0 ? '' : prefix.slice(0, parentCut));
  sql(db, `UPDATE photos SET root_id = ?, rel_path = ? || '/' || rel_path WHERE root_id = ?`).run(
    outerId,
    prefix,
    innerId,
  );
  sql(
    db,
    `UPDATE documents SET root_id = ?, rel_path = ? || '/' || rel_path WHERE root_id = ?`,
  ).run(outerId, prefix, innerId);
  sql(
    db,
    `UPDATE folders SET root_id = ?, rel_path = CASE rel_path WHEN '' THEN ? ELSE ? || '/' || rel_path END,
       parent_id = CASE WHEN parent_id IS NULL THEN ? ELSE parent_id END
     WHERE root_id = ?`,
  ).run(outerId, prefix, prefix, parentId, innerId);
  sql(db, `DELETE FROM roots WHERE id = ?`).run(innerId);
}
