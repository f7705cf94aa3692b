import { useState } from 'react';
import type { PhotoCell } from '../../shared/api/photo-schema';
import { client } from '../api/client';

/**
 * The large preview, with the thumbnail scaled up underneath while it loads. Keyed by photo
 * id by its parent, so the loaded state starts over for each photo.
 */
export function ViewerImage({ id, photo }: { id: number; photo: PhotoCell | undefined }) {
  const [state, setState] = useState<'loading' | 'loaded' | 'failed'>('loading');

  if (photo != null && !photo.hasThumbnail) {
    return (
      <div className="viewer-image viewer-unreadable" data-testid="viewer-unreadable">
        <span className="cell-broken-icon" aria-hidden="true" />
        <p>Kadar cannot show this file.</p>
        {photo.error && <p className="hint">{photo.error}</p>}
      </div>
    );
  }

  // Until the photo is read, its images' URLs cannot name its content (see imageUrl).
  if (photo == null)
    return (
      <div className="viewer-image" data-state="loading">
        <span className="viewer-loading" role="status">
          Loading preview…
        </span>
      </div>
    );

  return (
    <div className="viewer-image" data-state={state}>
      {state !== 'loaded' && (
        <img
          className="viewer-thumb"
          src={client.imageUrl('thumb', id, photo.fingerprint)}
          alt=""
        />
      )}
      <img
        className={state === 'loaded' ? 'viewer-preview viewer-preview-loaded' : 'viewer-preview'}
        src={client.imageUrl('preview', id, photo.fingerprint)}
        alt={photo.fileName}
        decoding="async"
        onLoad={() => setState('loaded')}
        onError={() => setState('failed')}
        data-testid="viewer-preview"
      />
      {state === 'loading' && (
        <span className="viewer-loading" role="status">
          Loading preview…
        </span>
      )}
      {state === 'failed' && (
        <span className="viewer-loading" role="alert">
          The preview could not be made; showing the thumbnail.
        </span>
      )}
    </div>
  );
}
