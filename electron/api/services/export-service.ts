import type { Piscina } from 'piscina';
import {
  exportFiles,
  listExports,
  replacedBy,
  requireExport,
  type StoredExport,
} from '../../catalog/exports-repo';
import {
  deletePreset,
  listPresets,
  requirePreset,
  requirePresetNamed,
  savePreset,
} from '../../catalog/presets-repo';
import { changedSince } from '../../export/changed-since';
import { documentsDirFor } from '../../catalog/default-paths';
import { listRoots } from '../../catalog/roots-repo';
import { removeExportDebris } from '../../export/export-debris';
import { createExportPool } from '../../export/export-pool';
import { planExport } from '../../export/export-plan';
import { startExport, type ExportJob, type ExportRequest } from '../../export/run-export';
import type { ExportRecord } from '../../../shared/api/domains/export';
import type { exportMethods } from '../../../shared/api/domains/export';
import type { ApiContext, DomainHandlers } from '../api-context';
import { quoted } from './labels';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { slugify } from '../../../shared/text/slug';

function suggestOutDir(name: string): string {
  const pictures = join(homedir(), 'Pictures');
  const base = join(existsSync(pictures) ? pictures : homedir(), slugify(name) || 'gallery');
  let dir = base;
  for (let n = 2; existsSync(dir); n++) dir = `${base}-${n}`;
  return dir;
}

type PresetRef = { presetId: number } | { presetName: string };

/** Presets, exports and their history. One pool of export threads, made on first use. */
export function createExportService(ctx: ApiContext, threads?: number) {
  const { db } = ctx;
  let pool: Piscina | null = null;
  const jobs = new Map<number, ExportJob>();
  // Debris of exports killed before this start; later ones are this process's to clean.
  removeExportDebris(db);

  const presetOf = (ref: PresetRef) =>
    'presetId' in ref ? requirePreset(db, ref.presetId) : requirePresetNamed(db, ref.presetName);

  const toRecord = (stored: StoredExport): ExportRecord => {
    const replaced = stored.status === 'done' ? replacedBy(db, stored) : null;
    return {
      id: stored.id,
      source: stored.source,
      title: stored.title,
      presetId: stored.presetId,
      presetName: stored.presetName,
      settings: stored.settings,
      outDir: stored.outDir,
      gallery: stored.gallery,
      zip: stored.zip,
      status: stored.status,
      startedAt: stored.startedAt,
      finishedAt: stored.finishedAt,
      fileCount: stored.fileCount,
      bytes: stored.bytes,
      skipped: stored.skipped,
      error: stored.error,
      changedCount:
        stored.status === 'done' && replaced == null ? changedSince(db, stored).count : 0,
      replacedBy: replaced,
    };
  };

  // Where an export may never go: into the originals' folders, or over the catalog's own.
  const guarded = () => [
    ...listRoots(db).map((r) => ({ path: r.path, what: 'a library folder' })),
    { path: ctx.catalogPath, what: 'the catalog' },
    { path: ctx.cacheDir, what: "the catalog's thumbnails" },
    { path: documentsDirFor(ctx.catalogPath), what: "the archive's documents" },
  ];

  const start = (request: ExportRequest) => {
    pool ??= createExportPool(threads);
    const job = startExport(
      db,
      pool,
      request,
      (progress) => ctx.emit('export.progress', progress),
      guarded(),
    );
    jobs.set(job.exportId, job);
    void job.done
      .then((stored) => {
        ctx.emit('export.finished', toRecord(stored));
        ctx.emit('catalog.changed', { reason: 'edit', kinds: ['exports'] });
      })
      // The catalog closed under it (the app quitting): the next start cleans up.
      .catch(() => undefined)
      .finally(() => jobs.delete(job.exportId));
    ctx.emit('catalog.changed', { reason: 'edit', kinds: ['exports'] });
    return { exportId: job.exportId, outDir: job.outDir };
  };

  const handlers: DomainHandlers<typeof exportMethods> = {
    'presets.list': () => listPresets(db),
    'presets.save': ({ id, name, settings }) => {
      const saved = ctx.edit(
        id == null
          ? `Add the export preset ${quoted(name)}`
          : `Change the export preset ${quoted(name)}`,
        (edit) => savePreset(edit, { id, name, settings }),
      );
      return requirePreset(db, saved);
    },
    'presets.delete': ({ id }) => {
      const preset = requirePreset(db, id);
      ctx.edit(`Delete the export preset ${quoted(preset.name)}`, (edit) => deletePreset(edit, id));
      return { deleted: true };
    },
    'export.plan': (input) => {
      const preset = presetOf(input);
      const plan = planExport(db, input.source, preset.settings);
      return {
        title: plan.source.title,
        sections: plan.source.sections.map((s, i) => ({
          title: s.title,
          count: plan.images.filter((image) => image.section === i).length,
        })),
        count: plan.images.length,
        offline: plan.images.filter((image) => image.missing).length,
        fileNames: plan.images.slice(0, 5).map((image) => image.fileName),
        suggestedOutDir: suggestOutDir(`${plan.source.title} ${preset.name}`),
      };
    },
    'export.start': (input) => {
      const preset = presetOf(input);
      return start({
        source: input.source,
        preset: { id: preset.id, name: preset.name, settings: preset.settings },
        outDir: input.outDir,
        zip: input.zip,
        force: input.force,
      });
    },
    'export.cancel': ({ exportId }) => {
      const job = jobs.get(exportId);
      job?.cancel();
      return { cancelled: job != null };
    },
    'export.again': ({ exportId, force }) => {
      const earlier = requireExport(db, exportId);
      return start({
        source: earlier.request,
        preset: { id: earlier.presetId, name: earlier.presetName, settings: earlier.settings },
        outDir: earlier.outDir,
        zip: earlier.withZip,
        force,
      });
    },
    'export.history': (filter) => listExports(db, filter).map(toRecord),
    'export.get': ({ exportId }) => {
      const stored = requireExport(db, exportId);
      const changed =
        stored.status === 'done' ? changedSince(db, stored) : { photoIds: new Set(), count: 0 };
      return {
        ...toRecord(stored),
        changedCount: changed.count,
        files:
          stored.status === 'done'
            ? exportFiles(db, exportId).map((f) => ({
                photoId: f.photoId,
                path: join(stored.outDir, f.fileName),
                fileName: f.fileName,
                width: f.width,
                height: f.height,
                bytes: f.bytes,
                changed: f.photoId == null || changed.photoIds.has(f.photoId),
              }))
            : [],
      };
    },
  };

  return {
    handlers,
    /** Resolves when the export ends (for the command line, which waits for it). */
    finished: (exportId: number) => jobs.get(exportId)?.done,
    async close(): Promise<void> {
      for (const job of jobs.values()) job.cancel();
      await Promise.all([...jobs.values()].map((job) => job.done));
      if (pool) await pool.destroy();
    },
  };
}
