import { useDeferredValue, useState, type FormEvent } from 'react';
import { templateVariables } from '../../shared/caption/template';
import { useApi, useApiAction } from '../api/server-data';
import { photoCount } from '../format/format-number';
import { errorMessage } from '../store/error-message';
import { useKadar } from '../store/store';
import { useTargetPhotos } from '../tags/use-target-photos';
import { Modal } from '../ui/modal';
import './culling.css';

const previewSize = 5;

/**
 * Title and caption for the selection from templates with variables, filled per photo; the
 * first photos show what they will read before anything is written.
 */
export function CaptionDialog() {
  const closePanel = useKadar((s) => s.closePanel);
  const photoIds = useTargetPhotos();
  const [title, setTitle] = useState('');
  const [caption, setCaption] = useState('{event}, {city}, {date:d.M.yyyy}');
  const templates = {
    ...(title.trim() ? { title } : {}),
    ...(caption.trim() ? { caption } : {}),
  };
  const wanted = useDeferredValue(templates);
  const anything = Object.keys(wanted).length > 0;
  const preview = useApi(
    'photos.caption',
    { ids: photoIds.slice(0, previewSize), ...wanted, dryRun: true },
    { enabled: anything && photoIds.length > 0 },
  );
  const apply = useApiAction('photos.caption');
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    apply
      .mutateAsync({ ids: photoIds, ...templates })
      .then(closePanel, (failure: unknown) => setError(errorMessage(failure)));
  };

  return (
    <Modal
      title={`Caption ${photoCount(photoIds.length)}`}
      onClose={closePanel}
      testId="caption-dialog"
      wide
    >
      <form className="form" onSubmit={onSubmit}>
        <label htmlFor="title-template">Title</label>
        <input
          id="title-template"
          value={title}
          placeholder="(leave as it is)"
          onChange={(e) => setTitle(e.target.value)}
          data-testid="title-template"
        />
        <label htmlFor="caption-template">Caption</label>
        <textarea
          id="caption-template"
          rows={2}
          value={caption}
          onChange={(e) => setCaption(e.target.value)}
          data-testid="caption-template"
        />
        <p className="hint">
          Variables: {templateVariables.map((v) => `{${v}}`).join(' ')}; a date takes a format, e.g.{' '}
          {'{date:d.M.yyyy}'}, and {'{seq:03}'} counts 001, 002…
        </p>
        {preview.error ? (
          <p className="form-error" role="alert" data-testid="caption-error">
            {errorMessage(preview.error)}
          </p>
        ) : (
          <table className="caption-preview" data-testid="caption-preview">
            <tbody>
              {(preview.data ?? []).map((p) => (
                <tr key={p.id} data-testid="caption-preview-row">
                  <td>{p.title}</td>
                  <td>{p.caption}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={closePanel}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={!anything || preview.isError}
            data-testid="apply-caption"
          >
            Caption {photoCount(photoIds.length)}
          </button>
        </div>
      </form>
    </Modal>
  );
}
