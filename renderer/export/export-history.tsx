import { useState } from 'react';
import { client } from '../api/client';
import { useApi } from '../api/server-data';
import type { ExportRecord } from '../../shared/api/domains/export';
import { isApiError } from '../../shared/errors';
import { formatInstant } from '../format/format-date';
import { useKadar } from '../store/store';

type Filter =
  { eventId: number } | { projectId: number } | { galleryId: number } | { photoId: number };

/** Where this was published, when and how; photos changed since are counted. */
export function ExportHistory({ filter }: { filter: Filter }) {
  const history = useApi('export.history', { ...filter, limit: 20 });
  if (!history.data?.length) return null;
  return (
    <section className="export-history" data-testid="export-history">
      <h3>Exported</h3>
      <ul>
        {history.data.map((e) => (
          <ExportRow key={e.id} record={e} />
        ))}
      </ul>
    </section>
  );
}

const statusLabels: Record<ExportRecord['status'], string> = {
  running: 'exporting…',
  done: '',
  failed: 'failed',
  cancelled: 'cancelled',
  interrupted: 'interrupted',
};

function ExportRow({ record: e }: { record: ExportRecord }) {
  const notify = useKadar((s) => s.notify);
  const followExport = useKadar((s) => s.followExport);
  const [confirm, setConfirm] = useState(false);
  const again = async (force: boolean) => {
    try {
      const { exportId } = await client.call('export.again', { exportId: e.id, force });
      setConfirm(false);
      followExport(exportId);
    } catch (error) {
      if (isApiError(error) && error.code === 'OUTPUT_NOT_EMPTY') setConfirm(true);
      else notify(error);
    }
  };
  return (
    <li
      className="export-row"
      data-testid="export-row"
      data-export-id={e.id}
      data-status={e.status}
    >
      <div>
        <strong>{formatInstant(e.startedAt)}</strong> · {e.presetName} · {e.fileCount}{' '}
        {e.fileCount === 1 ? 'photo' : 'photos'}
        {statusLabels[e.status] && <span className="muted"> · {statusLabels[e.status]}</span>}
        {e.replacedBy != null && (
          <span className="muted" data-testid="export-replaced">
            {' '}
            · replaced by a later export
          </span>
        )}
        {e.changedCount > 0 && (
          <span className="export-changed" data-testid="export-changed">
            {e.changedCount} changed since
          </span>
        )}
      </div>
      <div className="muted export-path" title={e.outDir}>
        {e.outDir}
      </div>
      {e.status === 'running' && (
        <button
          type="button"
          className="button"
          onClick={() => void client.call('export.cancel', { exportId: e.id }).catch(notify)}
          data-testid="export-row-cancel"
        >
          Cancel
        </button>
      )}
      {e.status !== 'running' &&
        (confirm ? (
          <span className="export-again-confirm">
            Replace the gallery in this folder?{' '}
            <button
              type="button"
              className="button"
              onClick={() => void again(true)}
              data-testid="export-again-confirm"
            >
              Replace
            </button>{' '}
            <button type="button" className="button" onClick={() => setConfirm(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => void again(false)}
            data-testid="export-again"
          >
            Export again
          </button>
        ))}
    </li>
  );
}
