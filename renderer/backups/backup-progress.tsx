import type { BackupProgress } from '../../shared/api/domains/backups';
import { formatDuration } from '../format/format-number';

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
    <div className="export-progress" data-testid="backup-progress" data-phase={progress?.phase}>
      {/* A check has no parts: the bar runs without a value until it is done. */}
      {counted ? <progress max={progress.total} value={progress.done} /> : <progress />}
      <p>
        {progress ? phases[progress.phase] : 'Starting the backup'}
        {counted ? ` · ${amount(progress.done)} of ${amount(progress.total)}` : '…'}
        {counted && progress.rate > 0
          ? ` · ${inBytes ? megabytes(progress.rate) : progress.rate.toFixed(1)}/s`
          : ''}
        {counted && progress.etaSeconds != null
          ? ` · ${formatDuration(progress.etaSeconds)} left`
          : ''}
      </p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel} data-testid="backup-cancel">
          Cancel
        </button>
      </div>
    </div>
  );
}
