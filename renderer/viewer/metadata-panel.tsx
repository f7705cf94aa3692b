import type { Photo } from '../../shared/api/photo-schema';
import { ExportHistory } from '../export/export-history';
import { photoSections } from './photo-fields';

export function MetadataPanel({
  photo,
  error = null,
}: {
  photo: Photo | undefined;
  /** Why the details could not be read. */
  error?: string | null;
}) {
  return (
    <aside className="metadata" aria-label="Photo details" data-testid="metadata-panel">
      {photo == null ? (
        error ? (
          <p className="form-error" role="alert">
            The details could not be read: {error}
          </p>
        ) : (
          <p className="hint">Loading details…</p>
        )
      ) : (
        photoSections(photo).map((section) => (
          <section key={section.title} className="metadata-section">
            <h3>{section.title}</h3>
            <dl>
              {section.fields.map((f) => (
                <div key={f.key} className={`metadata-row metadata-${f.key}`}>
                  <dt>{f.label}</dt>
                  <dd data-field={f.key}>{f.value}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))
      )}
      {photo && <ExportHistory filter={{ photoId: photo.id }} />}
    </aside>
  );
}
