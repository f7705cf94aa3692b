import type { BackupProgress } from '../../shared/api/domains/backups';
import { formatDuration } from '../format/format-number';
import { JobProgress } from '../ui/job-progress';

const phases: Record<BackupProgress['phase'], string> = {
  copying: 'Copying the catalog',
  checking: 'Checking the copy',
  'second-folder': 'Copying it to the second folder',
  documents: 'Copying the attached documents there',
};

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The backup under way: its step, how far, how fast, time left, and Cancel. */
export function BackupProgressBar({
  progress,
  onCancel,
}: {
  progress: BackupProgress | null;
  onCancel: () => void;
}) {
  const counted = progress != null && progress.total > 0;
  const inBytes = progress?.phase !== 'documents';
  const amount = (n: number) => (inBytes ? megabytes(n) : String(n));
  return (
    <JobProgress
      testId="backup-progress"
      phase={progress?.phase}
      value={progress?.done ?? 0}
      // A check has no parts: the bar runs without a value until it is done.
      max={counted ? progress.total : null}
      onCancel={onCancel}
      cancelTestId="backup-cancel"
    >
      {progress ? phases[progress.phase] : 'Starting the backup'}
      {counted ? ` · ${amount(progress.done)} of ${amount(progress.total)}` : '…'}
      {counted && progress.rate > 0
        ? ` · ${inBytes ? megabytes(progress.rate) : progress.rate.toFixed(1)}/s`
        : ''}
      {counted && progress.etaSeconds != null
        ? ` · ${formatDuration(progress.etaSeconds)} left`
        : ''}
    </JobProgress>
  );
}
