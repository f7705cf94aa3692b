import type { Database } from 'better-sqlite3';
import { sql } from '../catalog/statements';
import { checkColumns, editTables, type EditTableName } from './edit-tables';

/**
 * What one edit did, row by row, in order: enough to undo it (backwards) and redo it
 * (forwards). Rows are arrays in `columns` order, so a 10,000-photo step stays compact.
 */
export type RowChange =
  | { op: 'insert' | 'delete'; table: EditTableName; columns: string[]; rows: unknown[][] }
  | {
      op: 'update';
      table: EditTableName;
      /** The changed columns; each row is [...key values, ...before values, ...after values]. */
      columns: string[];
      rows: unknown[][];
    };

const placeholders = (n: number) => Array(n).fill('?').join(', ');

export function insertRows(
  db: Database,
  table: EditTableName,
  columns: string[],
  rows: unknown[][],
): void {
  checkColumns(columns);
  const insert = sql(
    db,
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders(columns.length)})`,
  );
  for (const row of rows) runTolerant(() => insert.run(...row));
}

export function deleteRows(
  db: Database,
  table: EditTableName,
  columns: string[],
  rows: unknown[][],
): void {
  const key = editTables[table].key;
  const at = key.map((k) => columns.indexOf(k));
  const remove = sql(db, `DELETE FROM ${table} WHERE ${key.map((k) => `${k} = ?`).join(' AND ')}`);
  for (const row of rows) remove.run(...at.map((i) => row[i]));
}

function setRows(
  db: Database,
  table: EditTableName,
  columns: string[],
  rows: unknown[][],
  side: 'before' | 'after',
): void {
  checkColumns(columns);
  const key = editTables[table].key;
  const update = sql(
    db,
    `UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE ${key.map((k) => `${k} = ?`).join(' AND ')}`,
  );
  const from = key.length + (side === 'before' ? 0 : columns.length);
  for (const row of rows)
    runTolerant(() =>
      update.run(...row.slice(from, from + columns.length), ...row.slice(0, key.length)),
    );
}

/**
 * A step replayed over a catalog that moved on (a photo whose file was removed from the
 * library since, say) skips the rows that no longer fit, instead of failing the whole undo.
 */
function runTolerant(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('SQLITE_CONSTRAINT')) throw error;
  }
}

/** Does the changes again, in order. */
export function applyForward(db: Database, changes: readonly RowChange[]): void {
  for (const c of changes) {
    if (c.op === 'insert') insertRows(db, c.table, c.columns, c.rows);
    else if (c.op === 'delete') deleteRows(db, c.table, c.columns, c.rows);
    else setRows(db, c.table, c.columns, c.rows, 'after');
  }
}

/**
 * Undoes the changes, last first, row by row too: an entry gathers consecutive changes, and a
 * child tag deleted before its parent must come back after it (a row updated twice, to its
 * first value).
 */
export function applyBackward(db: Database, changes: readonly RowChange[]): void {
  for (const c of [...changes].reverse()) {
    const rows = [...c.rows].reverse();
    if (c.op === 'insert') deleteRows(db, c.table, c.columns, rows);
    else if (c.op === 'delete') insertRows(db, c.table, c.columns, rows);
    else setRows(db, c.table, c.columns, rows, 'before');
  }
}
