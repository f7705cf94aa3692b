import type { Catalog } from './open-catalog';
import { sql } from './statements';

const chunk = 100;
const placeholders = Array(chunk).fill('?').join(',');

/**
 * The rows of `select` (a query ending in `WHERE <column> IN`) for these ids, in chunks of a
 * fixed size: padded chunks keep the number of distinct statements (and cache entries) small.
 */
export function rowsByIds<Row>(db: Catalog, select: string, ids: readonly number[]): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < ids.length; i += chunk) {
    const part = ids.slice(i, i + chunk);
    const padded = [...part, ...Array<number>(chunk - part.length).fill(-1)];
    rows.push(...sql<number[], Row>(db, `${select} (${placeholders})`).all(...padded));
  }
  return rows;
}
