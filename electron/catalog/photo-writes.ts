import type { Catalog } from './open-catalog';
import {
  photoFieldNames,
  photoFileFields,
  type PhotoFileValues,
} from '../../shared/catalog/photo-fields';
import { ensureCamera } from './cameras-repo';
import { nowIso, sql } from './statements';

/** Everything the indexer learns from one file: the file's own facts, never the user's edits. */
export type PhotoFileFields = PhotoFileValues & { make: string | null; model: string | null };

// The file columns, in the table's order, then the camera and the time of reading.
const fileColumns = [
  ...photoFieldNames.map((name) => photoFileFields[name].column),
  'camera_id',
  'indexed_at',
];

function fileValues(db: Catalog, f: PhotoFileFields, now: string): unknown[] {
  return [
    ...photoFieldNames.map((name) => {
      const value = f[name];
      return Array.isArray(value) ? JSON.stringify(value) : value;
    }),
    ensureCamera(db, f.make, f.model),
    now,
  ];
}

export interface FileLocation {
  rootId: number;
  folderId: number;
  relPath: string;
  fileName: string;
}

export function insertPhoto(
  db: Catalog,
  at: FileLocation,
  fields: PhotoFileFields,
  now = nowIso(),
): number {
  const columns = ['root_id', 'folder_id', 'rel_path', 'file_name', 'added_at', ...fileColumns];
  const result = sql(
    db,
    `INSERT INTO photos (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  ).run(at.rootId, at.folderId, at.relPath, at.fileName, now, ...fileValues(db, fields, now));
  return Number(result.lastInsertRowid);
}

/** Re-reads of a changed file replace its file facts; the photo keeps its id and everything
 * the user attached to it. */
export function updatePhotoFromFile(
  db: Catalog,
  id: number,
  fields: PhotoFileFields,
  now = nowIso(),
): void {
  sql(
    db,
    `UPDATE photos SET ${fileColumns.map((c) => `${c} = ?`).join(', ')}, missing_since = NULL WHERE id = ?`,
  ).run(...fileValues(db, fields, now), id);
}

export function movePhoto(db: Catalog, id: number, to: FileLocation): void {
  sql(
    db,
    `UPDATE photos SET root_id = ?, folder_id = ?, rel_path = ?, file_name = ?, missing_since = NULL WHERE id = ?`,
  ).run(to.rootId, to.folderId, to.relPath, to.fileName, id);
}

export interface KnownFile {
  id: number;
  size: number;
  mtime: number;
  sidecarMtime: number | null;
  missing: boolean;
  /** The last read failed for a reason that may pass (permissions, I/O): read it again. */
  retry: boolean;
}

// Read failures that say nothing about the file's content, so they are worth retrying.
export const transientErrorCodes = ['READ_FAILED'];

/** What the catalog holds for every file of a root, by relative path: the rescan's baseline. */
export function knownFiles(db: Catalog, rootId: number): Map<string, KnownFile> {
  const rows = sql<
    [number],
    {
      id: number;
      rel_path: string;
      file_size: number;
      file_mtime: number;
      sidecar_mtime: number | null;
      missing_since: string | null;
      error_code: string | null;
    }
  >(
    db,
    `SELECT id, rel_path, file_size, file_mtime, sidecar_mtime, missing_since, error_code FROM photos WHERE root_id = ?`,
  ).all(rootId);
  const map = new Map<string, KnownFile>();
  for (const r of rows) {
    map.set(r.rel_path, {
      id: r.id,
      size: r.file_size,
      mtime: r.file_mtime,
      sidecarMtime: r.sidecar_mtime,
      missing: r.missing_since != null,
      retry: r.error_code != null && transientErrorCodes.includes(r.error_code),
    });
  }
  return map;
}

export interface FingerprintMatch {
  id: number;
  rootId: number;
  rootPath: string;
  relPath: string;
  missing: boolean;
}

export function photosWithFingerprint(db: Catalog, fingerprint: string): FingerprintMatch[] {
  return sql<[string], FingerprintMatch>(
    db,
    `SELECT p.id, p.root_id AS rootId, r.path AS rootPath, p.rel_path AS relPath, p.missing_since IS NOT NULL AS missing
     FROM photos p JOIN roots r ON r.id = p.root_id WHERE p.fingerprint = ?`,
  )
    .all(fingerprint)
    .map((m) => ({ ...m, missing: Boolean(m.missing) }));
}

export function markMissing(db: Catalog, ids: Iterable<number>, when = nowIso()): number {
  const statement = sql(
    db,
    `UPDATE photos SET missing_since = ? WHERE id = ? AND missing_since IS NULL`,
  );
  let changed = 0;
  for (const id of ids) changed += statement.run(when, id).changes;
  return changed;
}

export function clearMissing(db: Catalog, ids: Iterable<number>): number {
  const statement = sql(
    db,
    `UPDATE photos SET missing_since = NULL WHERE id = ? AND missing_since IS NOT NULL`,
  );
  let changed = 0;
  for (const id of ids) changed += statement.run(id).changes;
  return changed;
}
