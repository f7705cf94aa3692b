import type { Database } from 'better-sqlite3';

export interface CapturedStatement {
  sql: string;
  params: unknown[];
}

type Method = (...params: unknown[]) => unknown;

/**
 * Makes every statement `db` prepares from now on record its SQL and parameters when run,
 * so a repository call's exact queries can be shown with EXPLAIN QUERY PLAN without
 * copying the SQL here. Use a connection of its own: the repositories cache statements per
 * connection, and ones prepared before this call are not recorded.
 */
export function recordStatements(db: Database): CapturedStatement[] {
  const captured: CapturedStatement[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    const statement = prepare(source) as unknown as Record<string, Method>;
    for (const name of ['all', 'get', 'iterate', 'run']) {
      const original = statement[name]!.bind(statement);
      statement[name] = (...params: unknown[]) => {
        captured.push({ sql: source, params });
        return original(...params);
      };
    }
    return statement;
  }) as unknown as Database['prepare'];
  return captured;
}

/**
 * SQLite's plan for a recorded statement, as the indented tree the sqlite3 shell prints. Pass
 * a connection that is not recording, or the EXPLAIN statements are recorded too.
 */
export function queryPlan(db: Database, statement: CapturedStatement): string {
  const rows = db
    .prepare<unknown[], { id: number; parent: number; detail: string }>(
      `EXPLAIN QUERY PLAN ${statement.sql}`,
    )
    .all(...statement.params);
  const depth = new Map<number, number>([[0, 0]]);
  return rows
    .map((row) => {
      const level = (depth.get(row.parent) ?? 0) + 1;
      depth.set(row.id, level);
      return `${'  '.repeat(level)}${row.detail}`;
    })
    .join('\n');
}
