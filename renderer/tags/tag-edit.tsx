import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { errorMessage } from '../store/error-message';
import { useApi, useApiAction } from '../api/server-data';
import { useKadar } from '../store/store';
import { Modal } from '../ui/modal';

/** Rename a tag, put it under another, merge it into another, or delete it: each one step. */
export function TagEdit() {
  const { id, closePanel, setFilter } = useKadar(
    useShallow((s) => ({ id: s.editing.id, closePanel: s.closePanel, setFilter: s.setFilter })),
  );
  const tags = useApi('tags.list', {});
  const tag = tags.data?.find((t) => t.id === id);
  const rename = useApiAction('tags.rename');
  const move = useApiAction('tags.move');
  const merge = useApiAction('tags.merge');
  const remove = useApiAction('tags.delete');
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!tag) return null;
  const others = (tags.data ?? []).filter(
    (t) => t.id !== tag.id && !t.path.startsWith(`${tag.path}/`),
  );

  const run = (action: () => Promise<unknown>) => {
    setError(null);
    action().then(closePanel, (e: unknown) => setError(errorMessage(e)));
  };
  const onRename = (e: FormEvent) => {
    e.preventDefault();
    run(() => rename.mutateAsync({ id: tag.id, name: name ?? tag.name }));
  };

  return (
    <Modal title={`Tag “${tag.path}”`} onClose={closePanel} testId="tag-edit">
      <form onSubmit={onRename} className="form-row">
        <label htmlFor="tag-name">Name</label>
        <input
          id="tag-name"
          value={name ?? tag.name}
          onChange={(e) => setName(e.target.value)}
          data-testid="tag-name-input"
        />
        <button type="submit" className="button button-primary" data-testid="rename-tag">
          Rename
        </button>
      </form>
      <label htmlFor="tag-parent">Put under</label>
      <select
        id="tag-parent"
        value={tag.parentId ?? ''}
        onChange={(e) =>
          run(() =>
            move.mutateAsync({
              id: tag.id,
              parentId: e.target.value ? Number(e.target.value) : null,
            }),
          )
        }
        data-testid="tag-parent"
      >
        <option value="">(the top)</option>
        {others.map((t) => (
          <option key={t.id} value={t.id}>
            {t.path}
          </option>
        ))}
      </select>
      <label htmlFor="tag-merge">Merge into</label>
      <select
        id="tag-merge"
        value=""
        onChange={(e) => {
          const intoId = Number(e.target.value);
          if (intoId)
            run(async () => {
              await merge.mutateAsync({ id: tag.id, intoId });
              setFilter({ tagId: intoId });
            });
        }}
        data-testid="tag-merge"
      >
        <option value="">Choose a tag…</option>
        {others.map((t) => (
          <option key={t.id} value={t.id}>
            {t.path}
          </option>
        ))}
      </select>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            run(async () => {
              await remove.mutateAsync({ id: tag.id });
              setFilter({ tagId: undefined });
            })
          }
          data-testid="delete-tag"
        >
          Delete tag
        </button>
        <button type="button" className="button" onClick={closePanel}>
          Done
        </button>
      </div>
    </Modal>
  );
}
