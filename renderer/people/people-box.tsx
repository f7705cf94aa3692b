import { useState } from 'react';
import { useApi, useApiAction } from '../api/server-data';
import { photoCount } from '../format/format-number';
import { useKadar } from '../store/store';
import { matchesTyped } from '../tags/tag-match';
import { useTargetPhotos } from '../tags/use-target-photos';
import { Completer } from '../ui/completer';
import { Modal } from '../ui/modal';
import '../tags/tags.css';

/** Ctrl/Cmd-P: who is in the selected photos; type a name to tag them (a new name adds them). */
export function PeopleBox() {
  const closePanel = useKadar((s) => s.closePanel);
  const photoIds = useTargetPhotos();
  const people = useApi('people.list', {});
  // Who is in them, from the first 500 (as many as photos.get answers at once).
  const photos = useApi(
    'photos.get',
    { ids: photoIds.slice(0, 500) },
    { enabled: photoIds.length > 0 },
  );
  const tag = useApiAction('people.tag');
  const untag = useApiAction('people.untag');
  const create = useApiAction('people.create');
  const [typed, setTyped] = useState('');

  const inPhotos = new Set((photos.data ?? []).flatMap((p) => p.people));
  const tagged = (people.data ?? []).filter((p) => inPhotos.has(p.name));
  const trimmed = typed.trim();
  const matches = trimmed
    ? (people.data ?? []).filter((p) => matchesTyped(p.name, trimmed)).slice(0, 8)
    : [];
  const exact = matches.some((p) => p.name.toLowerCase() === trimmed.toLowerCase());
  const options = [
    ...matches.map((p) => ({ key: `p${p.id}`, label: p.name, personId: p.id })),
    ...(trimmed && !exact
      ? [{ key: 'new', label: `New person “${trimmed}”`, personId: null }]
      : []),
  ];

  const choose = async (index: number) => {
    const option = options[index];
    if (!option) return;
    const submitted = typed;
    try {
      const personId = option.personId ?? (await create.mutateAsync({ name: trimmed })).id;
      await tag.mutateAsync({ photoIds, personIds: [personId] });
      // What was typed while the person was being added stays.
      setTyped((now) => (now === submitted ? '' : now));
    } catch {
      // useApiAction has told the user why.
    }
  };
  return (
    <Modal
      title={`People in ${photoCount(photoIds.length)}`}
      onClose={closePanel}
      testId="people-box"
    >
      <ul className="tag-chips" aria-label="Who is in them">
        {tagged.map((p) => (
          <li key={p.id} className="tag-chip" data-testid="person-chip">
            <span>{p.name}</span>
            <button
              type="button"
              className="icon-button"
              aria-label={`Untag ${p.name}`}
              onClick={() => untag.mutate({ photoIds, personIds: [p.id] })}
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
        onChoose={(i) => void choose(i)}
        placeholder="Who is in them? Type a name"
        label="Person to tag"
        testId="person-input"
      />
    </Modal>
  );
}
