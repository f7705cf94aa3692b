import type { SidecarProgress, SidecarSummary } from '../../../shared/api/domains/sidecars';
import { createJobBar, eta } from '../progress-bar';
import { printJson, withApi, writeOut, type GlobalOptions } from '../cli-context';

interface Options extends GlobalOptions {
  json?: boolean;
}

function describeRun(summary: SidecarSummary): string {
  const lines = [
    `${summary.written} sidecars written, ${summary.unchanged} already current, ${summary.failed} failed.`,
  ];
  if (summary.cancelled)
    lines.push(
      'Stopped: the rest are written with the next change, or when Kadar next opens the catalog.',
    );
  for (const f of summary.failures) lines.push(`  ${f.path}: ${f.message}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `kadar sidecars on --root ID`: switches sidecars on for a library folder and writes them now,
 * with a bar; `off` stops writing them (those written stay).
 */
export async function sidecarsSetCommand(
  on: boolean,
  options: Options & { root: number; naming?: 'digikam' | 'lightroom' },
): Promise<number> {
  return withApi(options, async (call, api) => {
    const set = await call('sidecars.set', {
      rootId: options.root,
      naming: on ? (options.naming ?? 'digikam') : null,
    });
    if (!on) {
      if (options.json) await printJson(set);
      else
        await writeOut(
          `Sidecars are off for library folder ${options.root}; those written stay.\n`,
        );
      return 0;
    }
    const bar = options.json
      ? null
      : createJobBar('{value}/{total} photos | {rate}/s | ETA {left}');
    const off = api.onEvent((event, payload) => {
      if (event !== 'sidecars.progress' || !bar) return;
      const p = payload as SidecarProgress;
      bar.update(p.done, p.total, { rate: p.rate.toFixed(1), left: eta(p.etaSeconds) });
    });
    // Ctrl-C stops between two batches; what is left stays owed, as the summary says.
    const cancel = () => void call('sidecars.cancel', {});
    process.once('SIGINT', cancel);
    let summary: SidecarSummary;
    try {
      summary = await call('sidecars.write', {});
    } finally {
      process.off('SIGINT', cancel);
      off();
      bar?.stop();
    }
    if (options.json) await printJson({ ...set, ...summary });
    else await writeOut(describeRun(summary));
    return summary.cancelled ? 130 : summary.failed > 0 ? 1 : 0;
  });
}

/** `kadar sidecars`: which folders have sidecars on, and how many are still to be written. */
export async function sidecarsStatusCommand(options: Options): Promise<number> {
  return withApi(options, async (call) => {
    const status = await call('sidecars.status', {});
    if (options.json) await printJson(status);
    else
      await writeOut(
        status.roots
          .map(
            (r) =>
              `${r.rootId}\t${r.naming ? `on (${r.naming} names)` : 'off'}\t${r.pending} pending\t${r.path}\n`,
          )
          .join(''),
      );
    return 0;
  });
}
