import { memo, useState } from 'react';
import type { PhotoCell as Cell } from '../../shared/api/photo-schema';
import { client } from '../api/client';
import { startPhotoDrag } from '../events/photo-drag';
import { CullingMarks } from '../describe/culling-marks';
import { useKadar } from '../store/store';

interface PhotoCellProps {
  id: number;
  /** Position in the id list. */
  index: number;
  size: number;
}

function tooltip(photo: Cell): string {
  return photo.error ? `${photo.fileName}\n${photo.error}` : photo.fileName;
}

/**
 * One square of the grid. It selects its own selected/focused state, so changing the
 * selection re-renders only the cells whose state changed.
 */
export const PhotoCell = memo(function PhotoCell({ id, index, size }: PhotoCellProps) {
  const photo = useKadar((s) => s.photoCache.get(id));
  const selected = useKadar((s) => s.selected.has(id));
  const focused = useKadar((s) => s.focusId === id);
  const clickPhoto = useKadar((s) => s.clickPhoto);
  const openViewer = useKadar((s) => s.openViewer);
  const thumbSettled = useKadar((s) => s.thumbSettled);
  // The catalog may list a thumbnail the cache no longer has and cannot remake (file gone).
  const [imageFailed, setImageFailed] = useState(false);

  const classes = ['cell'];
  if (selected) classes.push('cell-selected');
  if (focused) classes.push('cell-focused');
  const broken = photo != null && (!photo.hasThumbnail || imageFailed);

  return (
    <div
      id={`photo-${id}`}
      role="option"
      aria-selected={selected}
      aria-label={photo?.fileName}
      title={photo ? tooltip(photo) : undefined}
      className={classes.join(' ')}
      style={{ width: size, height: size }}
      data-testid="photo-cell"
      data-photo-id={id}
      data-index={index}
      data-thumb={photo == null ? 'pending' : broken ? 'missing' : 'present'}
      onClick={(e) => clickPhoto(id, { range: e.shiftKey, toggle: e.ctrlKey || e.metaKey })}
      onDoubleClick={() => openViewer(id)}
      draggable
      onDragStart={(e) => startPhotoDrag(e, id)}
    >
      {photo == null ? (
        <div className="cell-pending" />
      ) : broken ? (
        <div className="cell-broken" data-testid="thumb-placeholder">
          <span className="cell-broken-icon" aria-hidden="true" />
          <span className="cell-broken-name">{photo.fileName}</span>
        </div>
      ) : (
        <img
          src={client.imageUrl('thumb', id, photo.fingerprint)}
          alt={photo.fileName}
          decoding="async"
          draggable={false}
          onLoad={() => thumbSettled(id)}
          onError={() => {
            thumbSettled(id);
            setImageFailed(true);
          }}
          data-testid="thumb"
        />
      )}
      {photo && <CullingMarks photo={photo} />}
      {photo?.errorCode != null && (
        <span className="badge badge-error cell-badge" data-testid="error-badge">
          {photo.hasThumbnail ? 'Damaged' : 'Unreadable'}
        </span>
      )}
      {photo?.missing && (
        <span className="badge badge-warn cell-badge cell-badge-top">Missing</span>
      )}
    </div>
  );
});
