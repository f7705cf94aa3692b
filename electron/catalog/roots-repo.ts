import { basename, sep } from 'node:path';
import type { Catalog } from './open-catalog';
import type { Root } from '../../shared/api/catalog-schema';
import { nowIso, sql } from './statements';
import { KadarError } from '../../shared/errors';

interface RootRow {
  id: number;
  path: string;
  name: string;
  status: 'online' | 'offline';
  added_at: string;
  last_scan_started_at: string | null;
  last_scan_completed_at: string | null;
  photo_count: number;
  missing_count: number;
  error_count: number;
  sidecars: 'digikam' | 'lightroom' | null;
}

const selectRoots = `
  SELECT r.*,
    (SELECT count(*) FROM photos p WHERE p.root_id = r.id) AS photo_count,
    (SELECT count(*) FROM photos p WHERE p.root_id = r.id AND p.missing_since IS NOT NULL) AS missing_count,
    (SELECT count(*) FROM photos p WHERE p.root_id = r.id AND p.error_code IS NOT NULL) AS error_count
  FROM roots r`;

function toRoot(row: RootRow): Root {
  return {
    id: row.id,
    path: row.path,
    name: row.name,
    status: row.status,
    addedAt: row.added_at,
    lastScanStartedAt: row.last_scan_started_at,
    lastScanCompletedAt: row.last_scan_completed_at,
    photoCount: row.photo_count,
    missingCount: row.missing_count,
    errorCount: row.error_count,
    sidecars: row.sidecars,
  };
}

export function listRoots(db: Catalog): Root[] {
  return sql<[], RootRow>(db, `${selectRoots} ORDER BY r.path`).all().map(toRoot);
}

export function getRoot(db: Catalog, id: number): Root | undefined {
  const row = sql<[number], RootRow>(db, `${selectRoots} WHERE r.id = ?`).get(id);
  return row && toRoot(row);
}

export function requireRoot(db: Catalog, id: number, field = 'id'): Root {
  const root = getRoot(db, id);
  if (!root) throw new KadarError('NOT_FOUND', `${field}: there is no library folder ${id}.`);
  return root;
}

/** The root whose folder is `path` or contains it. `path` must be absolute and resolved. */
export function findRootContaining(db: Catalog, path: string): Root | undefined {
  return listRoots(db).find((r) => path === r.path || path.startsWith(withSep(r.path)));
}

/** Roots strictly inside `path`. */
export function findRootsInside(db: Catalog, path: string): Root[] {
  return listRoots(db).filter((r) => r.path.startsWith(withSep(path)));
}

export function insertRoot(db: Catalog, path: string): number {
  const result = sql(db, `INSERT INTO roots (path, name, added_at) VALUES (?, ?, ?)`).run(
    path,
    basename(path) || path,
    nowIso(),
  );
  const id = Number(result.lastInsertRowid);
  sql(db, `INSERT INTO folders (root_id, parent_id, rel_path, name) VALUES (?, NULL, '', ?)`).run(
    id,
    basename(path) || path,
  );
  return id;
}

/** Whether any library folder keeps XMP sidecars and a kadar-archive.json. */
export const anySidecarsOn = (db: Catalog): boolean =>
  sql(db, `SELECT 1 FROM roots WHERE sidecars IS NOT NULL LIMIT 1`).get() !== undefined;

export function setRootStatus(db: Catalog, id: number, status: 'online' | 'offline'): void {
  sql(db, `UPDATE roots SET status = ? WHERE id = ?`).run(status, id);
}

export function markScanStarted(db: Catalog, id: number): void {
  sql(db, `UPDATE roots SET last_scan_started_at = ? WHERE id = ?`).run(nowIso(), id);
}

export function markScanCompleted(db: Catalog, id: number): void {
  sql(db, `UPDATE roots SET last_scan_completed_at = ?, status = 'online' WHERE id = ?`).run(
    nowIso(),
    id,
  );
}

function withSep(path: string): string {
  return path.endsWith(sep) ? path : path + sep;
}
