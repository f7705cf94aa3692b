import { existsSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqliteFile } from './sqlite-file';

/** The copy a restore puts beside the catalog before anything moves (restore-catalog.ts). */
export const restoringFile = (catalogPath: string) =>
  join(dirname(catalogPath), `.${basename(catalogPath)}.restoring`);

/**
 * Finishes a restore that was stopped (the process killed) after the catalog was moved aside
 * and before the backup was put in its place, so that opening does not make an empty catalog
 * there. The copy was whole before the catalog was moved; it is checked again all the same.
 * Kept apart from restore-catalog.ts: every opening of a catalog runs this.
 */
export function finishInterruptedRestore(catalogPath: string): boolean {
  const partial = restoringFile(catalogPath);
  if (existsSync(catalogPath) || !existsSync(partial)) return false;
  let db: Database.Database | null = null;
  try {
    db = openSqliteFile(partial, { readonly: true });
    if (db.pragma('quick_check', { simple: true }) !== 'ok') return false;
  } catch {
    return false;
  } finally {
    db?.close();
  }
  renameSync(partial, catalogPath);
  return true;
}
