import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { client } from '../api/client';
import { prefetchApi, useApi } from '../api/server-data';
import { errorMessage } from '../store/error-message';
import { CullingMarks } from '../describe/culling-marks';
import { formatWallClock } from '../format/format-date';
import { formatCount } from '../format/format-number';
import { useKadar } from '../store/store';
import { MetadataPanel } from './metadata-panel';
import { ViewerImage } from './viewer-image';
import './viewer.css';

/** One photo large, over the grid (which stays mounted, keeping its scroll and selection). */
export function Viewer() {
  const viewerId = useKadar((s) => s.viewerId);
  return viewerId == null ? null : <ViewerOverlay id={viewerId} />;
}

function ViewerOverlay({ id }: { id: number }) {
  const { photo, photoEpoch, position, total, electron, autoAdvance } = useKadar(
    useShallow((s) => ({
      photo: s.photoCache.get(id),
      photoEpoch: s.photoEpoch,
      position: s.ids.indexOf(id),
      total: s.ids.length,
      electron: s.info?.shell === 'electron',
      autoAdvance: s.autoAdvance,
    })),
  );
  const { ensurePhotos, stepViewer, closeViewer, notify, setAutoAdvance } = useKadar(
    useShallow((s) => ({
      setAutoAdvance: s.setAutoAdvance,
      ensurePhotos: s.ensurePhotos,
      stepViewer: s.stepViewer,
      closeViewer: s.closeViewer,
      notify: s.notify,
    })),
  );
  // The whole record, for the details beside the picture; the grid's cell draws the rest.
  const record = useApi('photos.get', { ids: [id] });
  const details = record.data?.[0];
  const ref = useRef<HTMLDivElement>(null);

  // Runs again on a new photoEpoch too: the cell may have changed with the catalog.
  useEffect(() => {
    ensurePhotos([id]);
  }, [id, photoEpoch, ensurePhotos]);

  // The photos either side, asked for now: stepping (culling with auto-advance) shows their
  // details at once.
  useEffect(() => {
    const { ids } = useKadar.getState();
    for (const next of [ids[position + 1], ids[position - 1]])
      if (next != null) prefetchApi('photos.get', { ids: [next] });
  }, [position]);

  useEffect(() => {
    // Keys go to the viewer while it is open; back in the grid, they go where they were.
    const previous = document.activeElement;
    ref.current?.focus();
    return () => {
      if (previous instanceof HTMLElement) previous.focus();
    };
  }, []);

  const showInFolder = () =>
    client.call('shell.showInFolder', { photoId: id }).catch((error: unknown) => notify(error));

  return (
    <div
      ref={ref}
      className="viewer"
      role="dialog"
      aria-modal="true"
      aria-label={photo?.fileName ?? 'Photo'}
      tabIndex={-1}
      data-testid="viewer"
      data-photo-id={id}
    >
      <header className="viewer-bar">
        <button type="button" className="button" onClick={closeViewer} data-testid="viewer-close">
          ← Back to the grid
        </button>
        <div className="viewer-title">
          <span className="viewer-name" data-testid="viewer-name">
            {photo?.fileName}
          </span>
          {details?.takenAt && <span className="hint">{formatWallClock(details.takenAt)}</span>}
        </div>
        {photo && (
          <span className="viewer-culling" data-testid="viewer-culling">
            <CullingMarks photo={photo} />
          </span>
        )}
        <label className="check hint" title="After 0–5, P, X, U or 6–9, show the next photo">
          <input
            type="checkbox"
            checked={autoAdvance}
            onChange={(e) => setAutoAdvance(e.target.checked)}
            data-testid="auto-advance"
          />
          Auto-advance
        </label>
        <span className="hint" data-testid="viewer-position">
          {formatCount(position + 1)} of {formatCount(total)}
        </span>
        {electron && (
          <button type="button" className="button" onClick={() => void showInFolder()}>
            Show in folder
          </button>
        )}
      </header>
      <div className="viewer-body">
        <div className="viewer-stage">
          <ViewerImage key={id} id={id} photo={photo} />
          <button
            type="button"
            className="viewer-step viewer-prev"
            aria-label="Previous photo"
            disabled={position <= 0}
            onClick={() => stepViewer(-1)}
            data-testid="viewer-prev"
          />
          <button
            type="button"
            className="viewer-step viewer-next"
            aria-label="Next photo"
            disabled={position < 0 || position >= total - 1}
            onClick={() => stepViewer(1)}
            data-testid="viewer-next"
          />
        </div>
        <MetadataPanel photo={details} error={record.error ? errorMessage(record.error) : null} />
      </div>
    </div>
  );
}
