import type { Database, Statement } from 'better-sqlite3';

// Preparing a statement costs more than running most of ours; repositories call `sql()` freely.
const caches = new WeakMap<Database, Map<string, Statement>>();

/** The prepared statement for `text` on `db`, prepared once per connection. */
export function sql<Params extends unknown[] = unknown[], Row = unknown>(
  db: Database,
  text: string,
): Statement<Params, Row> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = db.prepare(text);
    cache.set(text, statement);
  }
  return statement as Statement<Params, Row>;
}

const plucked = new WeakMap<Database, Map<string, Statement>>();

/** Like `sql`, for statements that return their first column only (pluck mode is a property of
 * the statement, so these have their own cache). */
export function sqlPluck<Params extends unknown[] = unknown[], Value = unknown>(
  db: Database,
  text: string,
): Statement<Params, Value> {
  let cache = plucked.get(db);
  if (!cache) {
    cache = new Map();
    plucked.set(db, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = db.prepare(text).pluck();
    cache.set(text, statement);
  }
  return statement as Statement<Params, Value>;
}

const safe = new WeakMap<Database, Map<string, Statement>>();

/** Like `sql`, for statements whose integers may pass 2^53: they come back as BigInts. */
export function sqlSafe<Params extends unknown[] = unknown[], Row = unknown>(
  db: Database,
  text: string,
): Statement<Params, Row> {
  let cache = safe.get(db);
  if (!cache) {
    cache = new Map();
    safe.set(db, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = db.prepare(text).safeIntegers(true);
    cache.set(text, statement);
  }
  return statement as Statement<Params, Row>;
}

/** ISO-8601 UTC timestamp for bookkeeping columns (added_at, indexed_at…). */
export function nowIso(): string {
  return new Date().toISOString();
}
