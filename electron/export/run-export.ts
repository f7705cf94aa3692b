import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { setMaxListeners } from 'node:events';
import { isAbsolute, join } from 'node:path';
import type { Piscina } from 'piscina';
import type { Catalog } from '../catalog/open-catalog';
import {
  beginExport,
  finishExport,
  forgetExport,
  requireExport,
  zipName,
  type StoredExport,
} from '../catalog/exports-repo';
import { nowIso } from '../catalog/statements';
import { ProgressMeter } from '../indexer/progress-meter';
import type { ExportProgress, ExportSource, SkippedPhoto } from '../../shared/api/domains/export';
import type { PresetSettings } from '../../shared/api/domains/export-presets';
import { KadarError, toApiError } from '../../shared/errors';
import { planExport, type ExportPlan, type PlannedImage } from './export-plan';
import { galleryAssets } from './gallery/gallery-assets';
import { galleryHtml } from './gallery/gallery-page';
import {
  captionsCsv,
  galleryJson,
  galleryModel,
  newsText,
  type WrittenImage,
} from './gallery-files';
import { checkOutputFolder, makeStaging, placeOutput, type OutputFolder } from './output-folder';
import type { RenderExportResult, RenderExportTask } from './render-export';
import { zipFolder } from './zip-folder';
import { activeExports } from './export-debris';

export interface ExportRequest {
  source: ExportSource;
  preset: { id: number | null; name: string; settings: PresetSettings };
  outDir: string;
  zip: boolean;
  force: boolean;
}

export interface ExportJob {
  exportId: number;
  outDir: string;
  /** The export as recorded when it ended: done, cancelled or failed. Never rejects. */
  done: Promise<StoredExport>;
  cancel(): void;
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A preset that cannot work is refused before anything is written. */
function checkWatermark(settings: PresetSettings): void {
  const mark = settings.watermark;
  if (mark.kind !== 'image') return;
  const fail = (why: string) => new KadarError('INVALID_INPUT', `settings.watermark.path: ${why}`);
  // The app and the command line run in different folders: a relative path means neither.
  if (!isAbsolute(mark.path)) throw fail(`give the logo's full path, not ${mark.path}.`);
  if (!existsSync(mark.path) || !statSync(mark.path).isFile())
    throw fail(`there is no file at ${mark.path}.`);
  const head = Buffer.alloc(8);
  const fd = openSync(mark.path, 'r');
  try {
    readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  if (!head.equals(pngSignature)) throw fail(`${mark.path} is not a PNG image.`);
}

/**
 * Starts an export: everything that can be checked is checked now (the folder, the preset, the
 * photos), and the export is recorded with the hidden folder it writes into before it writes.
 */
export function startExport(
  db: Catalog,
  pool: Piscina,
  request: ExportRequest,
  onProgress: (progress: ExportProgress) => void,
  guarded: readonly { path: string; what: string }[] = [],
): ExportJob {
  const { settings } = request.preset;
  const folder = checkOutputFolder(request.outDir, request.force, guarded);
  checkWatermark(settings);
  const plan = planExport(db, request.source, settings);
  if (plan.images.length === 0)
    throw new KadarError(
      'NOTHING_TO_EXPORT',
      `source: ${plan.source.title} has no photos to export.`,
    );
  // Recorded before the hidden folder is made, so a crash between the two leaves nothing the
  // next start cannot find.
  const exportId = beginExport(db, {
    source: request.source,
    title: plan.source.title,
    presetId: request.preset.id,
    presetName: request.preset.name,
    settings,
    outDir: folder.outDir,
    withZip: request.zip,
    stagingDir: folder.stagingDir,
  });
  try {
    makeStaging(folder);
  } catch (error) {
    forgetExport(db, exportId);
    throw error;
  }
  const controller = new AbortController();
  activeExports.add(exportId);
  const done = run({
    db,
    pool,
    request,
    plan,
    folder,
    exportId,
    signal: controller.signal,
    onProgress,
  }).finally(() => activeExports.delete(exportId));
  return { exportId, outDir: folder.outDir, done, cancel: () => controller.abort() };
}

interface RunContext {
  db: Catalog;
  pool: Piscina;
  request: ExportRequest;
  plan: ExportPlan;
  folder: OutputFolder;
  exportId: number;
  signal: AbortSignal;
  onProgress: (progress: ExportProgress) => void;
  /** Photos per second over the images, for the reports after them. */
  imageRate?: number;
}

async function run(ctx: RunContext): Promise<StoredExport> {
  const { db, exportId, folder } = ctx;
  const skipped: SkippedPhoto[] = [];
  let placed = false;
  try {
    const written = await renderImages(ctx, skipped);
    if (written.length === 0)
      throw new KadarError(
        'NOTHING_TO_EXPORT',
        `None of the ${ctx.plan.images.length} photos could be exported: ${skipped[0]?.message ?? ''}`,
      );
    await writeGalleryFiles(ctx, written);
    if (ctx.request.zip) {
      report(ctx, 'zip', written.length, skipped.length, null);
      await zipFolder(folder.stagingDir, zipName(folder.outDir), ctx.signal);
    }
    ctx.signal.throwIfAborted();
    placeOutput(folder);
    placed = true;
    finishExport(db, exportId, {
      status: 'done',
      skipped,
      files: written.map((w) => ({
        photoId: w.image.photoId,
        fileName: w.image.fileName,
        width: w.width,
        height: w.height,
        bytes: w.bytes,
        sourceHash: w.image.sourceHash,
      })),
    });
    report(ctx, 'done', written.length, skipped.length, null);
  } catch (error) {
    const cancelled = ctx.signal.aborted && !placed;
    const { message } = toApiError(error);
    try {
      if (!placed) rmSync(folder.stagingDir, { recursive: true, force: true });
      finishExport(db, exportId, {
        status: cancelled ? 'cancelled' : 'failed',
        files: [],
        skipped,
        ...(cancelled
          ? {}
          : {
              error: placed
                ? `The gallery is in ${folder.outDir}, but Kadar could not record it (${message})`
                : message,
            }),
      });
    } catch {
      // The catalog itself failed (closed, locked): the row stays 'running', and the next
      // start clears what is left.
    }
  }
  return requireExport(db, exportId);
}

function report(
  ctx: RunContext,
  phase: ExportProgress['phase'],
  done: number,
  skipped: number,
  meter: ProgressMeter | null,
): void {
  const total = ctx.plan.images.length;
  ctx.onProgress({
    exportId: ctx.exportId,
    phase,
    done,
    total,
    skipped,
    rate: meter?.rate() ?? ctx.imageRate ?? 0,
    etaSeconds: phase === 'images' ? (meter?.eta(total - done - skipped) ?? null) : 0,
  });
}

/** Every image, made in the worker threads; offline and damaged originals are skipped and listed. */
async function renderImages(ctx: RunContext, skipped: SkippedPhoto[]): Promise<WrittenImage[]> {
  const { plan, folder, request } = ctx;
  // The first failed write (a full disk) stops the tasks still queued, as a cancel does.
  const stop = new AbortController();
  // Every queued task listens to it: thousands of listeners are expected, not a leak.
  setMaxListeners(Infinity, stop.signal);
  const onCancel = () => stop.abort();
  ctx.signal.addEventListener('abort', onCancel);
  const meter = new ProgressMeter();
  let finished = 0;
  let lastReport = 0;
  report(ctx, 'images', 0, 0, meter);
  const outcomes = await Promise.allSettled(
    plan.images.map(async (image): Promise<WrittenImage | null> => {
      const task: RenderExportTask = {
        absPath: image.absPath,
        format: image.format,
        orientation: image.orientation,
        outPath: join(folder.stagingDir, image.fileName),
        settings: request.preset.settings,
        metadata: image.metadata,
      };
      let result: RenderExportResult;
      try {
        result = (await ctx.pool.run(task, { signal: stop.signal })) as RenderExportResult;
      } catch (error) {
        stop.abort();
        throw error;
      } finally {
        finished++;
        meter.tick();
      }
      if (!result.ok) {
        skipped.push({
          photoId: image.photoId,
          fileName: image.originalName,
          code: result.code,
          message: result.message,
        });
      }
      if (performance.now() - lastReport > 200) {
        lastReport = performance.now();
        report(ctx, 'images', finished - skipped.length, skipped.length, meter);
      }
      return result.ok
        ? { image, width: result.width, height: result.height, bytes: result.bytes }
        : null;
    }),
  );
  ctx.signal.removeEventListener('abort', onCancel);
  ctx.imageRate = meter.rate();
  ctx.signal.throwIfAborted();
  // Tasks stopped by the first failure reject too; the first failure is the one to report.
  const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as Error] : []));
  const failure = failures.find((e) => e.name !== 'AbortError') ?? failures[0];
  if (failure) throw failure;
  return outcomes.flatMap((o) => (o.status === 'fulfilled' && o.value ? [o.value] : []));
}

async function writeGalleryFiles(ctx: RunContext, written: WrittenImage[]): Promise<void> {
  const dir = ctx.folder.stagingDir;
  report(ctx, 'gallery', written.length, ctx.plan.images.length - written.length, null);
  writeFileSync(join(dir, 'index.html'), galleryHtml(galleryModel(ctx.plan, written)));
  for (const asset of await galleryAssets()) {
    const path = join(dir, asset.name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, asset.content);
  }
  const about = { exportedAt: nowIso(), preset: ctx.request.preset.name };
  writeFileSync(join(dir, 'gallery.json'), galleryJson(ctx.plan, written, about));
  writeFileSync(join(dir, 'captions.csv'), captionsCsv(written));
  writeFileSync(join(dir, 'news.txt'), newsText(ctx.plan, written));
}

export type { PlannedImage };
