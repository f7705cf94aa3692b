import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { client } from '../api/client';
import { useApi } from '../api/server-data';
import { errorMessage } from '../store/error-message';
import { useKadar } from '../store/store';
import { Modal } from '../ui/modal';

/** Puts the selected photos at the end of a gallery, or starts a new one with them. */
export function AddToGallery() {
  const { photoIds, closePanel, openPage } = useKadar(
    useShallow((s) => ({
      photoIds: s.editing.photoIds ?? [],
      closePanel: s.closePanel,
      openPage: s.openPage,
    })),
  );
  const galleries = useApi('galleries.list', {});
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const done = (id: number) => {
    closePanel();
    openPage({ kind: 'gallery', id });
  };
  const create = async (e: FormEvent) => {
    e.preventDefault();
    try {
      done((await client.call('galleries.create', { name, photoIds })).id);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  const add = async (id: number) => {
    try {
      await client.call('galleries.add', { id, photoIds });
      done(id);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <Modal
      title={`Add ${photoIds.length} photos to a gallery`}
      onClose={closePanel}
      testId="add-to-gallery"
    >
      <form className="form" onSubmit={(e) => void create(e)}>
        <label htmlFor="gallery-name">A new gallery</label>
        <div className="form-row">
          <input
            id="gallery-name"
            value={name}
            placeholder="e.g. Website: Modna revija 2015"
            onChange={(e) => setName(e.target.value)}
            data-testid="gallery-name"
          />
          <button
            type="submit"
            className="button button-primary"
            disabled={name.trim() === ''}
            data-testid="gallery-create"
          >
            Make gallery
          </button>
        </div>
        {(galleries.data?.length ?? 0) > 0 && <label>Or add to</label>}
        <ul className="archive-rows">
          {galleries.data?.map((g) => (
            <li key={g.id}>
              <button
                type="button"
                className="archive-row"
                onClick={() => void add(g.id)}
                data-testid="gallery-choice"
              >
                <span className="archive-name">{g.name}</span>
                <span className="muted">{g.photoCount}</span>
              </button>
            </li>
          ))}
        </ul>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Modal>
  );
}
