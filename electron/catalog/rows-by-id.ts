import type { Catalog } from './open-catalog';
import { sql } from './statements';

const chunk = 100;
const placeholders = Array(chunk).fill('?').join(',');

/**
 * The rows of `select` (a query ending in `WHERE <id column> IN`) for these ids, in the order
 * asked, each once, without ids the catalog does not have. Chunks of a fixed size, padded,
 * keep the number of distinct statements (and cache entries) small.
 */
export function rowsByIds<Row extends { id: number }>(
  db: Catalog,
  select: string,
  ids: readonly number[],
): Row[] {
  const byId = new Map<number, Row>();
  for (let i = 0; i < ids.length; i += chunk) {
    const part = ids.slice(i, i + chunk);
    const padded = [...part, ...Array<number>(chunk - part.length).fill(-1)];
    for (const row of sql<number[], Row>(db, `${select} (${placeholders})`).all(...padded))
      byId.set(row.id, row);
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}
