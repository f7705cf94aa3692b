import { ProgressMeter } from '../indexer/progress-meter';
import type { BackupProgress } from '../../shared/api/domains/backups';

export type OnBackupProgress = (progress: BackupProgress) => void;

export interface BackupReporter {
  /** A phase begins: `total` of its unit to do (0 for a check, which has no parts). */
  phase(phase: BackupProgress['phase'], total: number): void;
  /** How much of the phase is done so far (and its total, when it has grown meanwhile). */
  advance(done: number, total?: number): void;
}

// A copy steps every few milliseconds; a window needs a figure a few times a second, not each.
const everyMs = 100;

/** Reports a backup's phases as they go, each with its own rate and time left. */
export function backupReporter(onProgress?: OnBackupProgress): BackupReporter {
  let progress: BackupProgress | null = null;
  let meter = new ProgressMeter();
  let last = 0;
  const emit = (force: boolean) => {
    const now = performance.now();
    if (!onProgress || !progress || (!force && now - last < everyMs)) return;
    last = now;
    onProgress({
      ...progress,
      rate: meter.rate(),
      etaSeconds: progress.total > 0 ? meter.eta(progress.total - progress.done) : null,
    });
  };
  return {
    phase(phase, total) {
      meter = new ProgressMeter();
      progress = { phase, done: 0, total, rate: 0, etaSeconds: null };
      emit(true);
    },
    advance(done, total = progress?.total ?? 0) {
      if (!progress) return;
      meter.tick(done - progress.done);
      progress = { ...progress, done, total };
      emit(done >= total);
    },
  };
}
