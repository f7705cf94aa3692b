import { join } from 'node:path';
import type { Catalog } from './open-catalog';
import { presetSettingsSchema, type PresetSettings } from '../../shared/api/domains/export-presets';
import type {
  ExportRecord,
  ExportSource,
  ExportStatus,
  SkippedPhoto,
} from '../../shared/api/domains/export';
import { KadarError } from '../../shared/errors';
import { nowIso, sql } from './statements';

interface Row {
  id: number;
  source_kind: ExportSource['kind'];
  source_id: number | null;
  source_photos: string | null;
  title: string;
  preset_id: number | null;
  preset_name: string;
  settings: string;
  out_dir: string;
  with_zip: number;
  staging_dir: string | null;
  pid: number | null;
  status: ExportStatus;
  started_at: string;
  finished_at: string | null;
  file_count: number;
  bytes: number;
  skipped: string;
  error: string | null;
}

/** An export as stored, before "changed since" is worked out. */
export interface StoredExport extends Omit<ExportRecord, 'changedCount' | 'replacedBy'> {
  /** The source as given, to export it again. */
  request: ExportSource;
  withZip: boolean;
  stagingDir: string | null;
  pid: number | null;
}

const galleryFile = 'index.html';

function toStored(r: Row): StoredExport {
  const done = r.status === 'done';
  const request: ExportSource =
    r.source_kind === 'photos'
      ? { kind: 'photos', ids: JSON.parse(r.source_photos ?? '[]') as number[] }
      : { kind: r.source_kind, id: r.source_id! };
  return {
    id: r.id,
    source: { kind: r.source_kind, id: r.source_id },
    request,
    title: r.title,
    presetId: r.preset_id,
    presetName: r.preset_name,
    settings: presetSettingsSchema.parse(JSON.parse(r.settings)),
    outDir: r.out_dir,
    gallery: done ? join(r.out_dir, galleryFile) : null,
    zip: done && r.with_zip ? join(r.out_dir, zipName(r.out_dir)) : null,
    withZip: r.with_zip === 1,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    fileCount: r.file_count,
    bytes: r.bytes,
    skipped: JSON.parse(r.skipped) as SkippedPhoto[],
    error: r.error,
    stagingDir: r.staging_dir,
    pid: r.pid,
  };
}

/** The ZIP inside an export's folder is named after the folder: "modna-revija.zip". */
export function zipName(outDir: string): string {
  const base =
    outDir
      .replace(/[/\\]+$/, '')
      .split(/[/\\]/)
      .pop() || 'gallery';
  return `${base}.zip`;
}

export interface NewExport {
  source: ExportSource;
  title: string;
  presetId: number | null;
  presetName: string;
  settings: PresetSettings;
  outDir: string;
  withZip: boolean;
  stagingDir: string;
}

/** Records an export about to write, with where it writes, before anything is written. */
export function beginExport(db: Catalog, e: NewExport): number {
  const result = sql(
    db,
    `INSERT INTO exports (source_kind, source_id, source_photos, title, preset_id, preset_name,
       settings, out_dir, with_zip, staging_dir, pid, status, started_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?)`,
  ).run(
    e.source.kind,
    e.source.kind === 'photos' ? null : e.source.id,
    e.source.kind === 'photos' ? JSON.stringify(e.source.ids) : null,
    e.title,
    e.presetId,
    e.presetName,
    JSON.stringify(e.settings),
    e.outDir,
    e.withZip ? 1 : 0,
    e.stagingDir,
    process.pid,
    nowIso(),
  );
  return Number(result.lastInsertRowid);
}

/** Drops an export that never began writing (its hidden folder could not be made). */
export function forgetExport(db: Catalog, id: number): void {
  sql(db, `DELETE FROM exports WHERE id = ? AND status = 'running'`).run(id);
}

/**
 * Takes a running export's row for cleaning: true for the one caller that turned it from
 * running to interrupted, so two processes starting at once do not both clean it.
 */
export function claimInterrupted(db: Catalog, id: number, error: string): boolean {
  return (
    sql(
      db,
      `UPDATE exports SET status = 'interrupted', finished_at = ?, pid = NULL, error = ?
       WHERE id = ? AND status = 'running'`,
    ).run(nowIso(), error, id).changes === 1
  );
}

export interface ExportFileRow {
  photoId: number;
  fileName: string;
  width: number;
  height: number;
  bytes: number;
  sourceHash: string;
}

/** The export's files and its end, in one transaction: the history never lists half an export. */
export function finishExport(
  db: Catalog,
  id: number,
  end: {
    status: ExportStatus;
    files: readonly ExportFileRow[];
    skipped: SkippedPhoto[];
    error?: string;
  },
): void {
  db.transaction(() => {
    const insert = sql(
      db,
      `INSERT INTO export_files (export_id, position, photo_id, file_name, width, height, bytes, source_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    end.files.forEach((f, i) =>
      insert.run(id, i + 1, f.photoId, f.fileName, f.width, f.height, f.bytes, f.sourceHash),
    );
    sql(
      db,
      `UPDATE exports SET status = ?, finished_at = ?, staging_dir = NULL, pid = NULL,
         file_count = ?, bytes = ?, skipped = ?, error = ? WHERE id = ?`,
    ).run(
      end.status,
      nowIso(),
      end.files.length,
      end.files.reduce((sum, f) => sum + f.bytes, 0),
      JSON.stringify(end.skipped),
      end.error ?? null,
      id,
    );
  })();
}

export function requireExport(db: Catalog, id: number): StoredExport {
  const row = sql<[number], Row>(db, `SELECT * FROM exports WHERE id = ?`).get(id);
  if (!row) throw new KadarError('NOT_FOUND', `exportId: there is no export ${id}.`);
  return toStored(row);
}

/** Exports still marked running: this process's, or another's that may have died. */
export function runningExports(db: Catalog): StoredExport[] {
  return sql<[], Row>(db, `SELECT * FROM exports WHERE status = 'running'`).all().map(toStored);
}

export interface ExportFilter {
  eventId?: number;
  projectId?: number;
  galleryId?: number;
  photoId?: number;
  limit: number;
}

/**
 * Exports newest first. An event's history holds the exports of the event itself and of
 * projects and selections that included its photos; a photo's, every export that held it.
 */
export function listExports(db: Catalog, f: ExportFilter): StoredExport[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.eventId != null) {
    where.push(`(x.source_kind = 'event' AND x.source_id = ?) OR x.id IN (
      SELECT ef.export_id FROM export_files ef JOIN photos p ON p.id = ef.photo_id WHERE p.event_id = ?)`);
    params.push(f.eventId, f.eventId);
  }
  if (f.projectId != null) {
    where.push(`x.source_kind = 'project' AND x.source_id = ?`);
    params.push(f.projectId);
  }
  if (f.galleryId != null) {
    where.push(`x.source_kind = 'gallery' AND x.source_id = ?`);
    params.push(f.galleryId);
  }
  if (f.photoId != null) {
    where.push(`x.id IN (SELECT export_id FROM export_files WHERE photo_id = ?)`);
    params.push(f.photoId);
  }
  const rows = db
    .prepare(
      `SELECT x.* FROM exports x ${where.length ? `WHERE ${where.map((w) => `(${w})`).join(' AND ')}` : ''}
       ORDER BY x.started_at DESC, x.id DESC LIMIT ?`,
    )
    .all(...params, f.limit) as Row[];
  return rows.map(toStored);
}

/** The later finished export written into the same folder, which replaced this one's files. */
export function replacedBy(db: Catalog, e: StoredExport): number | null {
  return (
    sql<[string, number], { id: number }>(
      db,
      `SELECT id FROM exports WHERE out_dir = ? AND id > ? AND status = 'done' ORDER BY id LIMIT 1`,
    ).get(e.outDir, e.id)?.id ?? null
  );
}

export function exportFiles(
  db: Catalog,
  id: number,
): (Omit<ExportFileRow, 'photoId'> & { photoId: number | null })[] {
  return sql<
    [number],
    {
      photo_id: number | null;
      file_name: string;
      width: number;
      height: number;
      bytes: number;
      source_hash: string;
    }
  >(
    db,
    `SELECT photo_id, file_name, width, height, bytes, source_hash FROM export_files WHERE export_id = ? ORDER BY position`,
  )
    .all(id)
    .map((r) => ({
      photoId: r.photo_id,
      fileName: r.file_name,
      width: r.width,
      height: r.height,
      bytes: r.bytes,
      sourceHash: r.source_hash,
    }));
}
