import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { client } from '../api/client';
import { useApi, useApiAction } from '../api/server-data';
import { ExportHistory } from '../export/export-history';
import { photoCount } from '../format/format-number';
import { useKadar } from '../store/store';
import './galleries.css';

/** Moves `id` to where `target` is, the others closing up. */
function moved(order: readonly number[], id: number, target: number): number[] {
  const rest = order.filter((p) => p !== id);
  const at = rest.indexOf(target);
  const index = order.indexOf(target) > order.indexOf(id) ? at + 1 : at;
  return [...rest.slice(0, index), id, ...rest.slice(index)];
}

/** A saved gallery: its photos in their order (drag to reorder), its cover, its exports. */
export function GalleryPage({ id }: { id: number }) {
  const gallery = useApi('galleries.get', { id });
  const reorder = useApiAction('galleries.reorder');
  const setCover = useApiAction('galleries.setCover');
  const remove = useApiAction('galleries.remove');
  const destroy = useApiAction('galleries.delete');
  const [chosen, setChosen] = useState<number | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const { openExport, openPage } = useKadar(
    useShallow((s) => ({ openExport: s.openExport, openPage: s.openPage })),
  );
  if (!gallery.data) return null;
  const g = gallery.data;
  const order = g.photoIds;
  const move = (photo: number, by: number) => {
    const target = order[order.indexOf(photo) + by];
    if (target != null) reorder.mutate({ id, photoIds: moved(order, photo, target) });
  };

  return (
    <article className="gallery-page" data-testid="gallery-page" data-gallery-id={g.id}>
      <header className="project-head">
        <h1 data-testid="gallery-title">{g.name}</h1>
        <p className="muted">{photoCount(g.photoCount)} · drag to change the order</p>
        <div className="event-buttons">
          <button
            type="button"
            className="button button-primary"
            onClick={() => openExport({ kind: 'gallery', id })}
            data-testid="export-gallery"
          >
            Export gallery…
          </button>
          {chosen != null && (
            <>
              <button
                type="button"
                className="button"
                onClick={() => move(chosen, -1)}
                data-testid="move-earlier"
              >
                Move earlier
              </button>
              <button
                type="button"
                className="button"
                onClick={() => move(chosen, 1)}
                data-testid="move-later"
              >
                Move later
              </button>
              <button
                type="button"
                className="button"
                onClick={() => setCover.mutate({ id, photoId: chosen })}
                data-testid="gallery-cover"
              >
                Use as cover
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  remove.mutate({ id, photoIds: [chosen] });
                  setChosen(null);
                }}
              >
                Take out
              </button>
            </>
          )}
          <button
            type="button"
            className="button"
            onClick={() =>
              void destroy.mutateAsync({ id }).then(() => openPage({ kind: 'library' }))
            }
          >
            Delete gallery
          </button>
        </div>
        <ExportHistory filter={{ galleryId: id }} />
      </header>
      <ol className="gallery-strip" aria-label="Photos in order">
        {order.map((photo, i) => (
          <li
            key={photo}
            draggable
            className={[
              'gallery-item',
              photo === chosen ? 'gallery-item-chosen' : '',
              photo === g.coverPhotoId ? 'gallery-item-cover' : '',
            ].join(' ')}
            onDragStart={() => setDragging(photo)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={() => {
              if (dragging != null && dragging !== photo)
                reorder.mutate({ id, photoIds: moved(order, dragging, photo) });
              setDragging(null);
            }}
            data-testid="gallery-item"
            data-photo-id={photo}
          >
            {/* A button, so a photo can be chosen (then moved) from the keyboard too. */}
            <button
              type="button"
              className="gallery-pick"
              aria-pressed={photo === chosen}
              aria-label={`Photo ${i + 1}${photo === g.coverPhotoId ? ', the cover' : ''}`}
              onClick={() => setChosen(photo === chosen ? null : photo)}
            >
              <img src={client.imageUrl('thumb', photo)} alt="" draggable={false} />
            </button>
            <span className="gallery-seq">{i + 1}</span>
            {photo === g.coverPhotoId && <span className="gallery-cover-badge">cover</span>}
          </li>
        ))}
      </ol>
    </article>
  );
}
