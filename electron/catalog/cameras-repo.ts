import type { Catalog } from './open-catalog';
import { sql } from './statements';

export interface CameraCount {
  id: number;
  make: string;
  model: string;
  photoCount: number;
}

/** The camera row for a make and model, or null when the file named neither. */
export function ensureCamera(
  db: Catalog,
  make: string | null,
  model: string | null,
): number | null {
  if (!make && !model) return null;
  const m = make ?? '';
  const n = model ?? '';
  const found = sql<[string, string], { id: number }>(
    db,
    `SELECT id FROM cameras WHERE make = ? AND model = ?`,
  ).get(m, n);
  if (found) return found.id;
  return Number(
    sql(db, `INSERT INTO cameras (make, model) VALUES (?, ?)`).run(m, n).lastInsertRowid,
  );
}

export function listCameras(db: Catalog): CameraCount[] {
  return sql<[], CameraCount>(
    db,
    `SELECT c.id, c.make, c.model, count(p.id) AS photoCount
     FROM cameras c JOIN photos p ON p.camera_id = c.id
     GROUP BY c.id ORDER BY c.make COLLATE NOCASE, c.model COLLATE NOCASE`,
  ).all();
}
