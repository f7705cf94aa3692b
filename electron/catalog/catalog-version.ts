import type { Catalog } from './open-catalog';
import { sql } from './statements';

/**
 * A token that changes whenever the catalog's contents may have: `data_version` moves when
 * another connection (a `kadar index` in a terminal) commits, `total_changes()` when this one
 * writes. Results computed under the same token are still the catalog's answer.
 */
export function catalogVersion(db: Catalog): string {
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  const { changes } = sql<[], { changes: number }>(db, `SELECT total_changes() AS changes`).get()!;
  return `${dataVersion}:${changes}`;
}
