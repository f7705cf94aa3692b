import { useState } from 'react';
import { useApi, useApiAction } from '../api/server-data';
import { photoCount } from '../format/format-number';
import { useKadar } from '../store/store';
import { Completer } from '../ui/completer';
import { Modal } from '../ui/modal';
import { matchesTyped } from './tag-match';
import { useTargetPhotos } from './use-target-photos';
import './tags.css';

/**
 * Ctrl/Cmd-K: the tags of the selected photos (or the photo in the viewer), to add by typing
 * with completion (any spelling: "nis" offers "Place/Niš" and "Место/Ниш") and to remove.
 */
export function TagBox() {
  const closePanel = useKadar((s) => s.closePanel);
  const photoIds = useTargetPhotos();
  const tags = useApi('tags.list', {});
  const current = useApi('tags.ofPhotos', { ids: photoIds }, { enabled: photoIds.length > 0 });
  const add = useApiAction('tags.add');
  const remove = useApiAction('tags.remove');
  const [typed, setTyped] = useState('');

  const trimmed = typed.trim();
  const suggestions = trimmed
    ? (tags.data ?? []).filter((t) => matchesTyped(t.path, trimmed)).slice(0, 8)
    : [];
  const exact = suggestions.some((t) => t.path.toLowerCase() === trimmed.toLowerCase());
  const options = [
    ...suggestions.map((t) => ({ key: `t${t.id}`, label: t.path, tagId: t.id, path: null })),
    ...(trimmed && !exact
      ? [{ key: 'new', label: `New tag “${trimmed}”`, tagId: null, path: trimmed }]
      : []),
  ];

  const choose = (index: number) => {
    const option = options[index];
    if (!option) return;
    const submitted = typed;
    void add
      .mutateAsync(
        option.tagId != null
          ? { photoIds, tagIds: [option.tagId] }
          : { photoIds, paths: [option.path] },
      )
      .then(
        // What was typed while the tag was being added stays.
        () => setTyped((now) => (now === submitted ? '' : now)),
        () => undefined,
      );
  };

  return (
    <Modal title={`Tags of ${photoCount(photoIds.length)}`} onClose={closePanel} testId="tag-box">
      <ul className="tag-chips" aria-label="Their tags">
        {(current.data ?? []).map((t) => (
          <li key={t.id} className="tag-chip" data-testid="tag-chip" data-path={t.path}>
            <span>{t.path}</span>
            {photoIds.length > 1 && (
              <span className="muted">
                {t.photoCount}/{photoIds.length}
              </span>
            )}
            {t.fromFile > 0 && (
              <span
                className="tag-from-file"
                title="From the file's keywords: removing it changes only the catalog"
              >
                file
              </span>
            )}
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${t.path}`}
              onClick={() => remove.mutate({ photoIds, tagIds: [t.id] })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <Completer
        options={options}
        typed={typed}
        onType={setTyped}
        onChoose={choose}
        placeholder="Add a tag: Sector/Textile, Place/Niš…"
        label="Tag to add"
        testId="tag-input"
      />
      <p className="hint">Enter adds, ↑/↓ choose, Esc closes. Each change is one undoable step.</p>
    </Modal>
  );
}
