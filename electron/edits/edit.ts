import type { Database } from 'better-sqlite3';
import { sql } from '../catalog/statements';
import { deleteRows, type RowChange } from './changes';
import { checkColumns, editTables, type EditTableName } from './edit-tables';

type Row = Record<string, unknown>;

/**
 * One edit in progress: every write a command makes goes through it, so the edit history
 * knows each row's before and after. Repositories that change what people own take an
 * `Edit`; those that only read take the database.
 */
export interface Edit {
  readonly db: Database;
  /** Inserts one row; returns its rowid. */
  insert(table: EditTableName, row: Row): number;
  /** Sets columns on the rows matching `where` (column = value); returns how many changed. */
  update(table: EditTableName, where: Row, patch: Row): number;
  /** Sets columns on the rows with these ids (tables keyed by `id`); returns how many changed. */
  updateIds(table: EditTableName, ids: readonly number[], patch: Row): number;
  /** Deletes the rows matching `where`; returns how many. */
  delete(table: EditTableName, where: Row): number;
  readonly changes: readonly RowChange[];
}

const chunk = 500;

export function createEdit(db: Database): Edit {
  const changes: RowChange[] = [];

  // Consecutive changes of one kind to one table and columns share an entry.
  const record = (
    op: RowChange['op'],
    table: EditTableName,
    columns: string[],
    rows: unknown[][],
  ) => {
    if (rows.length === 0) return;
    const last = changes.at(-1);
    if (
      last &&
      last.op === op &&
      last.table === table &&
      last.columns.length === columns.length &&
      last.columns.every((c, i) => c === columns[i])
    ) {
      for (const row of rows) last.rows.push(row);
    } else changes.push({ op, table, columns, rows });
  };

  const whereSql = (where: Row) => {
    const columns = Object.keys(where);
    checkColumns(columns);
    return {
      text: columns.map((c) => (where[c] === null ? `${c} IS NULL` : `${c} = ?`)).join(' AND '),
      params: columns.filter((c) => where[c] !== null).map((c) => where[c]),
    };
  };

  /** Records before/after for rows (as full rows) and writes the patch to each. */
  const updateRows = (table: EditTableName, rows: Row[], patch: Row): number => {
    const key = editTables[table].key;
    const columns = Object.keys(patch);
    checkColumns(columns);
    const changed: unknown[][] = [];
    for (const row of rows) {
      const before = columns.map((c) => row[c]);
      const after = columns.map((c) => patch[c]);
      if (before.every((v, i) => v === after[i])) continue;
      changed.push([...key.map((k) => row[k]), ...before, ...after]);
    }
    if (changed.length === 0) return 0;
    const update = sql(
      db,
      `UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE ${key.map((k) => `${k} = ?`).join(' AND ')}`,
    );
    const values = columns.map((c) => patch[c]);
    for (const row of changed) update.run(...values, ...row.slice(0, key.length));
    record('update', table, columns, changed);
    return changed.length;
  };

  return {
    db,
    changes,

    insert(table, row) {
      const columns = Object.keys(row);
      checkColumns(columns);
      const result = sql(
        db,
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      ).run(...columns.map((c) => row[c]));
      // The whole row as stored (defaults and the new id included), to put back on redo.
      // Tables without rowids are read back by their key.
      const key = editTables[table].key;
      const stored = (
        key.every((k) => k in row)
          ? sql<unknown[], Row>(
              db,
              `SELECT * FROM ${table} WHERE ${key.map((k) => `${k} = ?`).join(' AND ')}`,
            ).get(...key.map((k) => row[k]))
          : sql<[number | bigint], Row>(db, `SELECT * FROM ${table} WHERE rowid = ?`).get(
              result.lastInsertRowid,
            )
      )!;
      const all = Object.keys(stored);
      record('insert', table, all, [all.map((c) => stored[c])]);
      return Number(result.lastInsertRowid);
    },

    update(table, where, patch) {
      const w = whereSql(where);
      const keyAndPatch = [...new Set([...editTables[table].key, ...Object.keys(patch)])];
      checkColumns(keyAndPatch);
      const rows = sql<unknown[], Row>(
        db,
        `SELECT ${keyAndPatch.join(', ')} FROM ${table} WHERE ${w.text}`,
      ).all(...w.params);
      return updateRows(table, rows, patch);
    },

    updateIds(table, ids, patch) {
      const columns = [...new Set(['id', ...Object.keys(patch)])];
      checkColumns(columns);
      let changed = 0;
      for (let i = 0; i < ids.length; i += chunk) {
        const part = ids.slice(i, i + chunk);
        const padded = [...part, ...Array<number>(chunk - part.length).fill(-1)];
        const rows = sql<number[], Row>(
          db,
          `SELECT ${columns.join(', ')} FROM ${table} WHERE id IN (${Array(chunk).fill('?').join(',')})`,
        ).all(...padded);
        changed += updateRows(table, rows, patch);
      }
      return changed;
    },

    delete(table, where) {
      const w = whereSql(where);
      const rows = sql<unknown[], Row>(db, `SELECT * FROM ${table} WHERE ${w.text}`).all(
        ...w.params,
      );
      if (rows.length === 0) return 0;
      const columns = Object.keys(rows[0]!);
      const values = rows.map((r) => columns.map((c) => r[c]));
      deleteRows(db, table, columns, values);
      record('delete', table, columns, values);
      return rows.length;
    },
  };
}
