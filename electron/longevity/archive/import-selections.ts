import { sql, sqlPluck } from '../../catalog/statements';
import type { ArchiveExport, PhotoRef } from './archive-schema';
import { restoredAsOf } from '../../catalog/restored-rows';
import type { ImportContext } from './import-context';
import { putRowIn } from './import-context';
import { filterFromArchive } from './search-filter-refs';

/**
 * What people chose and published: galleries, saved searches, export presets and the export
 * history. A photo the catalog cannot find is left out of a gallery or an export's files (and
 * counted); a cover it cannot find keeps the catalog's.
 */

export function importGalleries(ctx: ImportContext): void {
  const { db } = ctx;
  for (const g of ctx.doc.galleries) {
    const existing = sql<[string], { id: number; cover_photo_id: number | null }>(
      db,
      `SELECT id, cover_photo_id FROM galleries WHERE uid = ?`,
    ).get(g.uid);
    const cover = g.cover ? ctx.photos.photo(g.cover) : null;
    const { id, outcome } = putRowIn(ctx, 'galleries', existing?.id, {
      uid: g.uid,
      name: g.name,
      cover_photo_id: g.cover && cover == null ? (existing?.cover_photo_id ?? null) : cover,
      created_at: g.createdAt,
    });
    ctx.tally.note('galleries', g.uid, outcome);
    if (ctx.keep && cover != null)
      sql(
        db,
        `UPDATE galleries SET cover_photo_id = ? WHERE id = ? AND cover_photo_id IS NULL`,
      ).run(cover, id);
    const wanted = [...new Set(g.photos.flatMap((ref) => ctx.photos.photo(ref) ?? []))];
    const current = sqlPluck<[number], number>(
      db,
      `SELECT photo_id FROM gallery_photos WHERE gallery_id = ? ORDER BY position, photo_id`,
    ).all(id);
    if (JSON.stringify(current) === JSON.stringify(wanted)) continue;
    // A gallery a rebuild made that nobody has changed since: the newest file's order, once it
    // finds every photo the gallery has (folders indexed one after another found them in
    // their order). This file's time was just noted on the row: `asOf` is the newest's.
    const asOf = restoredAsOf(db, g.uid);
    const inFileOrder =
      asOf != null && ctx.doc.exportedAt >= asOf && current.every((p) => wanted.includes(p));
    if (ctx.keep && !inFileOrder) {
      // A folder's file adds the photos the gallery lacks (found since), after its own.
      const have = new Set(current);
      const missing = wanted.filter((p) => !have.has(p));
      if (missing.length === 0) continue;
      let position =
        sqlPluck<[number], number>(
          db,
          `SELECT coalesce(max(position), 0) FROM gallery_photos WHERE gallery_id = ?`,
        ).get(id) ?? 0;
      for (const photoId of missing)
        sql(db, `INSERT INTO gallery_photos (gallery_id, photo_id, position) VALUES (?, ?, ?)`).run(
          id,
          photoId,
          ++position,
        );
      ctx.tally.note('galleries', g.uid, 'updated');
      continue;
    }
    sql(db, `DELETE FROM gallery_photos WHERE gallery_id = ?`).run(id);
    wanted.forEach((photoId, i) =>
      sql(db, `INSERT INTO gallery_photos (gallery_id, photo_id, position) VALUES (?, ?, ?)`).run(
        id,
        photoId,
        i + 1,
      ),
    );
    ctx.tally.note('galleries', g.uid, 'updated');
  }
}

/** By name; of several with one name, the first in the file is the catalog's first, and so on. */
export function importSavedSearches(ctx: ImportContext): void {
  const seen = new Map<string, number>();
  ctx.doc.savedSearches.forEach((s, i) => {
    const nth = seen.get(s.name) ?? 0;
    seen.set(s.name, nth + 1);
    const id = sqlPluck<[string, number], number>(
      ctx.db,
      `SELECT id FROM saved_searches WHERE name = ? ORDER BY id LIMIT 1 OFFSET ?`,
    ).get(s.name, nth);
    const filter = filterFromArchive(ctx.db, s.filter, ctx, `savedSearches.${i}.filter`);
    const { outcome } = putRowIn(ctx, 'saved_searches', id, {
      name: s.name,
      filter: JSON.stringify(filter),
      created_at: s.createdAt,
    });
    ctx.tally.note('savedSearches', `${s.name}\0${nth}`, outcome);
  });
}

/** By name, in any case (as the catalog keeps them unique). */
export function importExportPresets(ctx: ImportContext): void {
  for (const p of ctx.doc.exportPresets) {
    const id = sqlPluck<[string], number>(
      ctx.db,
      `SELECT id FROM export_presets WHERE name = ?`,
    ).get(p.name);
    const { outcome } = putRowIn(ctx, 'export_presets', id, {
      name: p.name,
      settings: JSON.stringify(p.settings),
      builtin: p.builtin ? 1 : 0,
      created_at: p.createdAt,
    });
    ctx.tally.note('exportPresets', p.name, outcome);
  }
}

const sourceTables = { event: 'events', project: 'projects', gallery: 'galleries' } as const;

type Skip = { photoId: number; fileName: string; code: string; message: string };

/** The photos an export skipped that the catalog has, as the export's row keeps them. */
function skippedFound(ctx: ImportContext, skipped: ArchiveExport['skipped']): Skip[] {
  return skipped.flatMap((s): Skip[] => {
    const photoId = ctx.photos.photo(s.photo);
    return photoId == null
      ? []
      : [{ photoId, fileName: s.fileName, code: s.code, message: s.message }];
  });
}

/**
 * An export a folder's file made before its photos were indexed names them as they are found:
 * the photos it was asked for and those it skipped, where the file now finds more of them than
 * the catalog has (and all of those).
 */
function fillFoundPhotos(
  ctx: ImportContext,
  exportId: number,
  source: ArchiveExport['source'],
  photoIds: (refs: readonly PhotoRef[]) => number[],
  skipped: ArchiveExport['skipped'],
): void {
  const row = sql<[number], { source_photos: string | null; skipped: string }>(
    ctx.db,
    `SELECT source_photos, skipped FROM exports WHERE id = ?`,
  ).get(exportId)!;
  const more = <T>(now: T[], found: T[], same: (a: T, b: T) => boolean) =>
    found.length > now.length && now.every((n) => found.some((f) => same(n, f)));
  if (source.kind === 'photos') {
    const now = JSON.parse(row.source_photos ?? '[]') as number[];
    const found = photoIds(source.photos);
    if (more(now, found, (a, b) => a === b))
      sql(ctx.db, `UPDATE exports SET source_photos = ? WHERE id = ?`).run(
        JSON.stringify(found),
        exportId,
      );
  }
  const now = JSON.parse(row.skipped) as Skip[];
  const found = skippedFound(ctx, skipped);
  if (more(now, found, (a, b) => a.photoId === b.photoId))
    sql(ctx.db, `UPDATE exports SET skipped = ? WHERE id = ?`).run(JSON.stringify(found), exportId);
}

/** An export is the one written into the same folder at the same moment. */
export function importExports(ctx: ImportContext): void {
  const { db } = ctx;
  const photoIds = (refs: readonly PhotoRef[]) =>
    refs.flatMap((ref) => ctx.photos.photo(ref) ?? []);
  ctx.doc.exports.forEach((x, i) => {
    const id = sqlPluck<[string, string], number>(
      db,
      `SELECT id FROM exports WHERE out_dir = ? AND started_at = ?`,
    ).get(x.outDir, x.startedAt);
    const source = x.source;
    const { id: exportId, outcome } = putRowIn(ctx, 'exports', id, {
      source_kind: source.kind,
      source_id:
        source.kind === 'photos' || source.uid == null
          ? null
          : ctx.uid(sourceTables[source.kind], source.uid, `exports.${i}.source.uid`),
      source_photos: source.kind === 'photos' ? JSON.stringify(photoIds(source.photos)) : null,
      title: x.title,
      preset_id:
        x.preset == null
          ? null
          : (sqlPluck<[string], number>(db, `SELECT id FROM export_presets WHERE name = ?`).get(
              x.preset,
            ) ?? null),
      preset_name: x.presetName,
      settings: JSON.stringify(x.settings),
      out_dir: x.outDir,
      with_zip: x.zip ? 1 : 0,
      staging_dir: null,
      pid: null,
      status: x.status,
      started_at: x.startedAt,
      finished_at: x.finishedAt,
      file_count: x.fileCount,
      bytes: x.bytes,
      skipped: JSON.stringify(skippedFound(ctx, x.skipped)),
      error: x.error,
    });
    const key = `${x.outDir}\0${x.startedAt}`;
    ctx.tally.note('exports', key, outcome);
    if (ctx.keep && id != null) fillFoundPhotos(ctx, exportId, x.source, photoIds, x.skipped);
    const files = x.files.map((f, position) => ({
      position: position + 1,
      photo_id: f.photo ? ctx.photos.photo(f.photo) : null,
      file_name: f.fileName,
      width: f.width,
      height: f.height,
      bytes: f.bytes,
      source_hash: f.sourceHash,
    }));
    const current = sql<[number], (typeof files)[number]>(
      db,
      `SELECT position, photo_id, file_name, width, height, bytes, source_hash FROM export_files
       WHERE export_id = ? ORDER BY position`,
    ).all(exportId);
    if (JSON.stringify(current) === JSON.stringify(files)) return;
    if (ctx.keep && current.length > 0) {
      // Only the photos found since (a folder's file read before and after indexing).
      for (const f of files)
        if (f.photo_id != null)
          sql(
            db,
            `UPDATE export_files SET photo_id = ? WHERE export_id = ? AND position = ? AND photo_id IS NULL`,
          ).run(f.photo_id, exportId, f.position);
      return;
    }
    sql(db, `DELETE FROM export_files WHERE export_id = ?`).run(exportId);
    for (const f of files)
      sql(
        db,
        `INSERT INTO export_files (export_id, position, photo_id, file_name, width, height, bytes, source_hash)
         VALUES (@export_id, @position, @photo_id, @file_name, @width, @height, @bytes, @source_hash)`,
      ).run({ export_id: exportId, ...f });
    ctx.tally.note('exports', key, 'updated');
  });
}
