import { SingleBar, Presets } from 'cli-progress';
import type { IndexProgress } from '../../shared/api/progress-schema';

export type ProgressMode = 'bar' | 'ndjson' | 'none';

/** Time left as a bar shows it: 4:05, or 1h02m. */
export function eta(seconds: number | null): string {
  if (seconds == null) return '--:--';
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m >= 60
    ? `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`
    : `${m}:${String(s).padStart(2, '0')}`;
}

/** Shows indexing progress on stderr: a bar on a terminal, JSON lines for programs, or nothing. */
export function createProgressReporter(mode: ProgressMode): {
  update(p: IndexProgress): void;
  stop(): void;
} {
  if (mode === 'ndjson') {
    return { update: (p) => process.stderr.write(`${JSON.stringify(p)}\n`), stop: () => {} };
  }
  if (mode === 'none') return { update: () => {}, stop: () => {} };
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format:
        '{bar} {percentage}% | {value}/{total} read, {failed} failed, {unchanged} unchanged | {rate}/s | ETA {left} | found {found}',
      hideCursor: true,
      clearOnComplete: false,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const payload = {
        failed: p.failed,
        unchanged: p.unchanged,
        rate: p.rate.toFixed(1),
        left: eta(p.etaSeconds),
        found: p.found,
      };
      const value = p.done + p.failed;
      if (!started) {
        bar.start(Math.max(p.queued, 1), value, payload);
        started = true;
      }
      bar.setTotal(Math.max(p.queued, 1));
      bar.update(value, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/**
 * A bar for a job that counts done of total (export, sidecars) on a terminal; nothing when
 * stderr is a pipe or a file. `format` names the payload's fields as cli-progress does.
 */
export function createJobBar(format: string): {
  update(done: number, total: number, payload: Record<string, string | number>): void;
  stop(): void;
} {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar(
    { stream: process.stderr, format: `{bar} {percentage}% | ${format}`, hideCursor: true },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, payload) {
      if (!started) bar.start(total, 0, payload);
      started = true;
      bar.setTotal(total);
      bar.update(done, payload);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
