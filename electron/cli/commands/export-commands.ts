import { createInterface } from 'node:readline/promises';
import type { ExportProgress, ExportSource } from '../../../shared/api/domains/export';
import { KadarError, toApiError } from '../../../shared/errors';
import { createJobBar, eta } from '../progress-bar';
import { presetSummary } from '../../../shared/export/preset-summary';
import { printJson, typedPath, withApi, writeOut, type GlobalOptions } from '../cli-context';

interface Json extends GlobalOptions {
  json?: boolean;
}

export interface ExportOptions extends Json {
  event?: number;
  project?: number;
  gallery?: number;
  photos?: number[];
  preset: string;
  out: string;
  zip?: boolean;
  force?: boolean;
}

function sourceOf(options: ExportOptions): ExportSource {
  const given = [options.event, options.project, options.gallery, options.photos].filter(
    (v) => v != null,
  );
  if (given.length !== 1)
    throw new KadarError(
      'INVALID_INPUT',
      'Give exactly one of --event ID, --project ID, --gallery ID or --photos ID,ID… to say what to export.',
    );
  if (options.event != null) return { kind: 'event', id: options.event };
  if (options.project != null) return { kind: 'project', id: options.project };
  if (options.gallery != null) return { kind: 'gallery', id: options.gallery };
  return { kind: 'photos', ids: options.photos! };
}

/** A bar on a terminal; nothing when stderr is a pipe or a file. */
function progressBar(): { update(p: ExportProgress): void; stop(): void } {
  const bar = createJobBar(
    '{value}/{total} photos, {skipped} skipped | {rate}/s | ETA {left} | {phase}',
  );
  return {
    update: (p) =>
      bar.update(p.done + p.skipped, p.total, {
        skipped: p.skipped,
        rate: p.rate.toFixed(1),
        left: eta(p.etaSeconds),
        phase: p.phase,
      }),
    stop: () => bar.stop(),
  };
}

async function confirmReplace(message: string): Promise<boolean> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    // Ctrl-C at the question is a "no" that ends the command, as Ctrl-C does elsewhere.
    const interrupted = new Promise<never>((_, reject) =>
      rl.once('SIGINT', () =>
        reject(new KadarError('CANCELLED', 'Nothing was exported; the folder is as it was.')),
      ),
    );
    const question = `${message.replace(/^outDir: /, '')}\nReplace it? [y/N] `;
    const answer = await Promise.race([rl.question(question), interrupted]);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** `kadar export`: a gallery of an event, a project or photos, made with a preset. */
export async function exportCommand(options: ExportOptions): Promise<number> {
  const source = sourceOf(options);
  return withApi(options, async (call, api) => {
    const bar = options.json ? { update: () => {}, stop: () => {} } : progressBar();
    const off = api.onEvent((event, payload) => {
      if (event === 'export.progress') bar.update(payload as ExportProgress);
    });
    const input = {
      source,
      presetName: options.preset,
      outDir: typedPath(options.out),
      zip: options.zip ?? false,
      force: options.force ?? false,
    };
    let started: { exportId: number; outDir: string };
    try {
      started = await call('export.start', input);
    } catch (error) {
      const { code, message } = toApiError(error);
      if (code !== 'OUTPUT_NOT_EMPTY' || options.json || !(await confirmReplace(message)))
        throw error;
      started = await call('export.start', { ...input, force: true });
    }
    const cancel = () => void call('export.cancel', { exportId: started.exportId });
    process.once('SIGINT', cancel);
    try {
      await api.exporting.finished(started.exportId);
    } finally {
      process.off('SIGINT', cancel);
      off();
      bar.stop();
    }
    const result = await call('export.get', { exportId: started.exportId });
    if (result.status === 'cancelled')
      throw new KadarError('CANCELLED', 'The export was cancelled; nothing was written.');
    if (result.status !== 'done')
      throw new KadarError(
        'EXPORT_FAILED',
        `${result.error ?? 'The export failed'}; nothing was written.`,
      );
    if (options.json)
      await printJson({
        exportId: result.id,
        outDir: result.outDir,
        files: result.files.map((f) => ({
          path: f.path,
          width: f.width,
          height: f.height,
          bytes: f.bytes,
          photoId: f.photoId,
        })),
        gallery: result.gallery,
        zip: result.zip,
        skipped: result.skipped,
      });
    else {
      await writeOut(`Exported ${result.fileCount} photos to ${result.outDir}\n`);
      for (const s of result.skipped) await writeOut(`  skipped ${s.fileName}: ${s.message}\n`);
      if (result.zip) await writeOut(`ZIP: ${result.zip}\n`);
    }
    return 0;
  });
}

/** `kadar presets`: the export presets. */
export async function presetsCommand(options: Json): Promise<number> {
  return withApi(options, async (call) => {
    const presets = await call('presets.list', {});
    if (options.json) await printJson(presets);
    else await writeOut(presets.map((p) => `${p.id}\t${p.name}\t${presetSummary(p)}\n`).join(''));
    return 0;
  });
}

/** `kadar exports`: what was exported, when and where, newest first. */
export async function exportsCommand(
  options: Json & { event?: number; project?: number; photo?: number },
): Promise<number> {
  return withApi(options, async (call) => {
    const history = await call('export.history', {
      eventId: options.event,
      projectId: options.project,
      photoId: options.photo,
      limit: 1000,
    });
    if (options.json) await printJson(history);
    else
      await writeOut(
        history
          .map(
            (e) =>
              `${e.id}\t${e.startedAt}\t${e.status}\t${e.title}\t${e.presetName}\t${e.fileCount} photos\t${e.outDir}${e.changedCount ? `\t${e.changedCount} changed since` : ''}\n`,
          )
          .join(''),
      );
    return 0;
  });
}
