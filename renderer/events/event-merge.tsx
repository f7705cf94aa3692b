import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { foldText } from '../../shared/text/fold-text';
import { useApi, useApiAction } from '../api/server-data';
import { useKadar } from '../store/store';
import { Modal } from '../ui/modal';
import { eventDates } from './event-dates';

/** Merges the open event into another (the same event told twice): all of it moves there. */
export function MergeEvent({ id, onClose }: { id: number; onClose: () => void }) {
  const events = useApi('events.list', {});
  const merge = useApiAction('events.merge');
  const { openPage } = useKadar(useShallow((s) => ({ openPage: s.openPage })));
  const [find, setFind] = useState('');
  const folded = foldText(find.trim());
  const others = (events.data ?? [])
    .filter((e) => e.id !== id)
    .filter((e) => !folded || foldText(`${e.title} ${e.city ?? ''}`).includes(folded))
    .reverse()
    .slice(0, 50);
  return (
    <Modal title="Merge into another event" onClose={onClose} testId="merge-event">
      <p className="muted">Its photos, documents and projects move to the event you pick.</p>
      <input
        type="search"
        placeholder="Find an event"
        aria-label="Find an event"
        value={find}
        onChange={(e) => setFind(e.target.value)}
      />
      <ul className="picker" aria-label="Events">
        {others.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              className="archive-row"
              data-testid="merge-target"
              onClick={() =>
                void merge.mutateAsync({ targetId: e.id, sourceIds: [id] }).then(
                  () => {
                    onClose();
                    openPage({ kind: 'event', id: e.id });
                  },
                  () => undefined,
                )
              }
            >
              <span className="archive-name">{e.title}</span>
              <span className="archive-sub">{eventDates(e)}</span>
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
