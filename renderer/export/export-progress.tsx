import type { ExportProgress, ExportRecord } from '../../shared/api/domains/export';
import { client } from '../api/client';
import { formatDuration } from '../format/format-number';
import { useKadar } from '../store/store';
import { JobProgress } from '../ui/job-progress';

const phases: Record<ExportProgress['phase'], string> = {
  images: 'Making the images',
  gallery: 'Writing the gallery',
  zip: 'Packing the ZIP',
  done: 'Putting it in place',
};

/** Done / total, rate and time left, with Cancel. */
export function ExportProgressBar({
  progress,
  onCancel,
}: {
  progress: ExportProgress | null;
  onCancel: () => void;
}) {
  const done = progress ? progress.done + progress.skipped : 0;
  const total = progress?.total ?? 0;
  return (
    <JobProgress
      testId="export-progress"
      value={done}
      max={Math.max(total, 1)}
      onCancel={onCancel}
      cancelTestId="export-cancel"
    >
      {progress ? phases[progress.phase] : 'Starting…'} · {done} of {total}
      {progress && progress.rate > 0 ? ` · ${progress.rate.toFixed(1)} photos/s` : ''}
      {progress?.etaSeconds != null && progress.phase === 'images'
        ? ` · ${formatDuration(progress.etaSeconds)} left`
        : ''}
    </JobProgress>
  );
}

/** What came out: where, how many, what was skipped and why. */
export function ExportResult({ record, onClose }: { record: ExportRecord; onClose: () => void }) {
  const desktop = useKadar((s) => s.info?.shell === 'electron');
  const notify = useKadar((s) => s.notify);
  return (
    <div className="export-result" data-testid="export-result" data-status={record.status}>
      {record.status === 'done' ? (
        <p>
          {record.fileCount} {record.fileCount === 1 ? 'photo' : 'photos'} exported to{' '}
          <code data-testid="export-out-dir">{record.outDir}</code>
          {record.zip ? ', with a ZIP of it all' : ''}.
        </p>
      ) : record.status === 'cancelled' ? (
        <p>The export was cancelled; nothing was written.</p>
      ) : (
        <p className="form-error" role="alert">
          {record.error ?? 'The export failed'}. Nothing was written.
        </p>
      )}
      {record.status === 'done' && desktop && (
        <button
          type="button"
          className="button"
          onClick={() =>
            void client.call('shell.showExport', { exportId: record.id }).catch(notify)
          }
        >
          Show in folder
        </button>
      )}
      {record.skipped.length > 0 && (
        <>
          <p>Skipped:</p>
          <ul className="export-skipped" data-testid="export-skipped">
            {record.skipped.map((s) => (
              <li key={s.photoId}>
                <strong>{s.fileName}</strong> — {s.message}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
