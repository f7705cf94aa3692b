import { useShallow } from 'zustand/react/shallow';
import { useApi } from '../api/server-data';
import { useKadar } from '../store/store';

/** Saved galleries: photos chosen and ordered for publishing. */
export function GalleriesSection() {
  const galleries = useApi('galleries.list', {});
  const { page, openPage } = useKadar(useShallow((s) => ({ page: s.page, openPage: s.openPage })));
  if (!galleries.data?.length)
    return <p className="hint sidebar-hint">Select photos, then “Add to gallery…”.</p>;
  return (
    <ul className="archive-rows" aria-label="Galleries" data-testid="galleries-section">
      {galleries.data.map((g) => {
        const active = page.kind === 'gallery' && page.id === g.id;
        return (
          <li key={g.id}>
            <button
              type="button"
              className={active ? 'archive-row archive-row-active' : 'archive-row'}
              aria-pressed={active}
              onClick={() => openPage({ kind: 'gallery', id: g.id })}
              data-testid="gallery-row"
            >
              <span className="archive-name">{g.name}</span>
              <span className="muted">{g.photoCount}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
