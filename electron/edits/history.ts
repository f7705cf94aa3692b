import type { Database } from 'better-sqlite3';
import { KadarError } from '../../shared/errors';
import { drainSearch } from '../catalog/search/drain-search';
import { claimRestored } from '../catalog/restored-rows';
import { nowIso, sql } from '../catalog/statements';
import { applyBackward, applyForward, type RowChange } from './changes';
import { createEdit, type Edit } from './edit';
import { editTables, type EntityKind } from './edit-tables';

/** Steps kept for undo; older ones are forgotten. */
export const historyLimit = 200;

export interface EditOutcome<T> {
  result: T;
  /** Null when the command changed nothing (and so left no step). */
  editId: number | null;
  kinds: EntityKind[];
}

export interface HistoryStep {
  id: number;
  label: string;
  at: string;
  undone: boolean;
}

function kindsOf(changes: readonly RowChange[]): EntityKind[] {
  const kinds = new Set<EntityKind>();
  for (const c of changes) for (const k of editTables[c.table].kinds) kinds.add(k);
  return [...kinds];
}

/**
 * Runs a command as one step of the edit history, in one transaction: its row changes are
 * recorded, steps undone before it are dropped (a new edit ends redo), and the search index
 * is brought up to date before the commit. A command that throws changes nothing.
 */
export function runEdit<T>(
  db: Database,
  label: string | ((result: T) => string),
  command: (edit: Edit) => T,
): EditOutcome<T> {
  return db
    .transaction((): EditOutcome<T> => {
      const edit = createEdit(db);
      const result = command(edit);
      drainSearch(db);
      if (edit.changes.length === 0) return { result, editId: null, kinds: [] };
      claimRestored(db, edit.changes);
      const kinds = kindsOf(edit.changes);
      sql(db, `DELETE FROM edits WHERE undone = 1`).run();
      const editId = Number(
        sql(db, `INSERT INTO edits (label, at, changes, kinds) VALUES (?, ?, ?, ?)`).run(
          typeof label === 'string' ? label : label(result),
          nowIso(),
          JSON.stringify(edit.changes),
          kinds.join(','),
        ).lastInsertRowid,
      );
      sql(db, `DELETE FROM edits WHERE id <= ?`).run(editId - historyLimit);
      return { result, editId, kinds };
    })
    .immediate();
}

interface EditRow {
  id: number;
  label: string;
  changes: string;
  kinds: string;
}

export interface UndoOutcome {
  /** The step undone or redone; null when there was none. */
  step: { id: number; label: string } | null;
  kinds: EntityKind[];
}

function replay(db: Database, direction: 'undo' | 'redo'): UndoOutcome {
  return db
    .transaction((): UndoOutcome => {
      const row = sql<[], EditRow>(
        db,
        direction === 'undo'
          ? `SELECT id, label, changes, kinds FROM edits WHERE undone = 0 ORDER BY id DESC LIMIT 1`
          : `SELECT id, label, changes, kinds FROM edits WHERE undone = 1 ORDER BY id ASC LIMIT 1`,
      ).get();
      if (!row) return { step: null, kinds: [] };
      const changes = JSON.parse(row.changes) as RowChange[];
      if (direction === 'undo') applyBackward(db, changes);
      else applyForward(db, changes);
      claimRestored(db, changes);
      sql(db, `UPDATE edits SET undone = ? WHERE id = ?`).run(direction === 'undo' ? 1 : 0, row.id);
      drainSearch(db);
      return {
        step: { id: row.id, label: row.label },
        kinds: row.kinds ? (row.kinds.split(',') as EntityKind[]) : [],
      };
    })
    .immediate();
}

/** Undoes the latest step that is not undone yet. */
export const undo = (db: Database) => replay(db, 'undo');
/** Redoes the earliest undone step (the one undone last). */
export const redo = (db: Database) => replay(db, 'redo');

/** The steps, newest first. */
export function listHistory(db: Database, limit = 100): HistoryStep[] {
  return sql<[number], { id: number; label: string; at: string; undone: number }>(
    db,
    `SELECT id, label, at, undone FROM edits ORDER BY id DESC LIMIT ?`,
  )
    .all(limit)
    .map((r) => ({ ...r, undone: r.undone === 1 }));
}

export function requireStep(outcome: UndoOutcome, direction: 'undo' | 'redo'): UndoOutcome {
  if (!outcome.step)
    throw new KadarError(
      'NOT_FOUND',
      direction === 'undo' ? 'There is nothing to undo.' : 'There is nothing to redo.',
    );
  return outcome;
}
