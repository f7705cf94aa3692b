import { useEffect, useState } from 'react';
import type {
  SidecarNaming,
  SidecarProgress,
  SidecarSummary,
} from '../../shared/api/domains/sidecars';
import { client } from '../api/client';
import { useApi } from '../api/server-data';
import { formatDuration } from '../format/format-number';
import { errorMessage } from '../store/error-message';
import { useKadar } from '../store/store';
import { JobProgress } from '../ui/job-progress';
import { Modal } from '../ui/modal';

const namings: { value: SidecarNaming | ''; label: string }[] = [
  { value: '', label: 'Off' },
  { value: 'digikam', label: 'On: DSC_2208.JPG.xmp (digiKam, darktable)' },
  { value: 'lightroom', label: 'On: DSC_2208.xmp (Lightroom, Capture One)' },
];

/**
 * XMP sidecars per library folder: switched on, Kadar writes beside each photo a person
 * described what they gave it, and the folder's kadar-archive.json, and keeps both current.
 */
export function SidecarsDialog() {
  const closePanel = useKadar((s) => s.closePanel);
  const status = useApi('sidecars.status', {});
  const [progress, setProgress] = useState<SidecarProgress | null>(null);
  const [last, setLast] = useState<SidecarSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { refetch } = status;

  useEffect(() => {
    const offs = [
      client.on('sidecars.progress', setProgress),
      client.on('sidecars.finished', (summary) => {
        setProgress(null);
        setLast(summary);
        void refetch();
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [refetch]);

  const choose = async (rootId: number, value: string) => {
    setError(null);
    try {
      await client.call('sidecars.set', {
        rootId,
        naming: value === '' ? null : (value as SidecarNaming),
      });
      await refetch();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const running = progress ?? status.data?.running ?? null;
  const shown = last ?? status.data?.lastRun ?? null;
  return (
    <Modal title="Sidecars" onClose={closePanel} testId="sidecars-dialog" wide>
      <div className="form">
        <p className="hint">
          With sidecars on, Kadar writes what people give a photo (title, caption, tags, people,
          rating, label, event) into an XMP file beside it, which digiKam, Lightroom and exiftool
          read, and keeps the folder&apos;s events, projects and galleries in{' '}
          <code>kadar-archive.json</code>. A catalog rebuilt from the folder gets all of it back.
          The photos themselves are never changed.
        </p>
        <ul className="archive-rows" data-testid="sidecar-roots">
          {status.data?.roots.map((root) => (
            <li key={root.rootId} className="export-row" data-testid="sidecar-root">
              <div>
                <code>{root.path}</code>
                {root.naming && root.pending > 0 && (
                  <span className="hint"> · {root.pending} to write</span>
                )}
              </div>
              <select
                aria-label={`Sidecars for ${root.path}`}
                value={root.naming ?? ''}
                onChange={(e) => void choose(root.rootId, e.target.value)}
                data-testid="sidecar-naming"
              >
                {namings.map((n) => (
                  <option key={n.value} value={n.value}>
                    {n.label}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
        {running && (
          <JobProgress
            testId="sidecars-progress"
            value={running.done}
            max={Math.max(running.total, 1)}
            onCancel={() =>
              void client
                .call('sidecars.cancel', {})
                .catch((e: unknown) => setError(errorMessage(e)))
            }
            cancelLabel="Stop"
            cancelTestId="sidecars-cancel"
          >
            Writing sidecars · {running.done} of {running.total}
            {running.rate > 0 ? ` · ${running.rate.toFixed(0)} photos/s` : ''}
            {running.etaSeconds != null ? ` · ${formatDuration(running.etaSeconds)} left` : ''}
          </JobProgress>
        )}
        {!running && shown && (
          <p role="status" data-testid="sidecars-last-run">
            Last run: {shown.written} written, {shown.unchanged} already current
            {shown.failed > 0 ? `, ${shown.failed} failed` : ''}.
            {shown.cancelled &&
              ' Stopped: the rest are written with the next change, or when Kadar next opens the catalog.'}
          </p>
        )}
        {shown?.failures.map((f) => (
          <p key={f.path} className="form-error" data-testid="sidecar-failure">
            {f.path}: {f.message}
          </p>
        ))}
        {error && (
          <p className="form-error" role="alert" data-testid="sidecars-error">
            {error}
          </p>
        )}
      </div>
    </Modal>
  );
}
