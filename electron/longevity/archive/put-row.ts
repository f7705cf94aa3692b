import type { Catalog } from '../../catalog/open-catalog';
import { sql } from '../../catalog/statements';
import { archiveKinds, type ArchiveKind } from '../../../shared/api/domains/archive-file';

export type RowOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Makes the row `id` of `table` (an `id`-keyed table) hold `values`, or inserts it when there
 * is no such row; writes only the columns that differ, so a second import writes nothing.
 * Table and column names come from code, never from the file.
 */
export function putRow(
  db: Catalog,
  table: string,
  id: number | undefined,
  values: Record<string, string | number | null>,
  keep: boolean | 'fill' = false,
): { id: number; outcome: RowOutcome } {
  const columns = Object.keys(values);
  // A library folder's own file fills in what the catalog lacks; the catalog's rows stay
  // (`keep`), or get only the values they lack (`fill`).
  if (id != null && keep === true) return { id, outcome: 'unchanged' };
  if (id == null) {
    const result = sql(
      db,
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    ).run(values);
    return { id: Number(result.lastInsertRowid), outcome: 'created' };
  }
  const row = sql<[number], Record<string, unknown>>(
    db,
    `SELECT ${columns.join(', ')} FROM ${table} WHERE id = ?`,
  ).get(id)!;
  const changed = columns.filter(
    (c) => row[c] !== values[c] && (keep !== 'fill' || (row[c] == null && values[c] != null)),
  );
  if (changed.length === 0) return { id, outcome: 'unchanged' };
  sql(
    db,
    `UPDATE ${table} SET ${changed.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`,
  ).run({ ...Object.fromEntries(changed.map((c) => [c, values[c]])), id });
  return { id, outcome: 'updated' };
}

/** What an import made, found and changed, per kind, each thing counted once by its key. */
export function createTally() {
  const sets = Object.fromEntries(
    archiveKinds.map((k) => [
      k,
      { created: new Set<string>(), matched: new Set<string>(), updated: new Set<string>() },
    ]),
  ) as Record<ArchiveKind, Record<'created' | 'matched' | 'updated', Set<string>>>;
  return {
    note(kind: ArchiveKind, key: string, outcome: RowOutcome): void {
      const s = sets[kind];
      if (outcome === 'created') s.created.add(key);
      else if (!s.created.has(key)) {
        s.matched.add(key);
        if (outcome === 'updated') s.updated.add(key);
      }
    },
    counts(): Record<ArchiveKind, { created: number; matched: number; updated: number }> {
      return Object.fromEntries(
        archiveKinds.map((k) => [
          k,
          {
            created: sets[k].created.size,
            matched: sets[k].matched.size,
            updated: sets[k].updated.size,
          },
        ]),
      ) as Record<ArchiveKind, { created: number; matched: number; updated: number }>;
    },
  };
}
export type Tally = ReturnType<typeof createTally>;
