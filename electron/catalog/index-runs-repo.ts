import type { Catalog } from './open-catalog';
import type { FileFailure } from '../../shared/api/progress-schema';
import { nowIso, sql } from './statements';

export type RunStatus = 'completed' | 'cancelled' | 'failed';

export interface RunCounts {
  found: number;
  indexed: number;
  skipped: number;
  failed: number;
  missing: number;
  moved: number;
}

/** A run left 'running' belongs to a process that was killed; say so before starting anew. */
export function markInterruptedRuns(db: Catalog): number {
  return sql(
    db,
    `UPDATE index_runs SET status = 'failed', finished_at = ?, message = 'Interrupted: the indexing process stopped before finishing'
     WHERE status = 'running'`,
  ).run(nowIso()).changes;
}

export function startRun(db: Catalog, kind: 'index' | 'rescan'): number {
  return Number(
    sql(db, `INSERT INTO index_runs (kind, started_at, status) VALUES (?, ?, 'running')`).run(
      kind,
      nowIso(),
    ).lastInsertRowid,
  );
}

export function finishRun(
  db: Catalog,
  id: number,
  status: RunStatus,
  counts: RunCounts,
  message: string | null = null,
): void {
  sql(
    db,
    `UPDATE index_runs SET status = ?, finished_at = ?, found = ?, indexed = ?, skipped = ?, failed = ?, missing = ?, moved = ?, message = ?
     WHERE id = ?`,
  ).run(
    status,
    nowIso(),
    counts.found,
    counts.indexed,
    counts.skipped,
    counts.failed,
    counts.missing,
    counts.moved,
    message,
    id,
  );
}

export function addScanIssue(db: Catalog, runId: number, issue: FileFailure): void {
  sql(db, `INSERT INTO scan_issues (run_id, path, code, message) VALUES (?, ?, ?, ?)`).run(
    runId,
    issue.path,
    issue.code,
    issue.message,
  );
}

export function runIssues(db: Catalog, runId: number): FileFailure[] {
  return sql<[number], FileFailure>(
    db,
    `SELECT path, code, message FROM scan_issues WHERE run_id = ? ORDER BY id`,
  ).all(runId);
}

/** What the latest run could not read: folders, and roots found offline. */
export function lastRunIssues(db: Catalog): FileFailure[] {
  const last = sql<[], { id: number }>(
    db,
    `SELECT id FROM index_runs ORDER BY id DESC LIMIT 1`,
  ).get();
  return last ? runIssues(db, last.id) : [];
}
