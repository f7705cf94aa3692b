import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { foldText } from '../../shared/text/fold-text';
import { useApi, useApiAction } from '../api/server-data';
import { useKadar } from '../store/store';
import { Modal } from '../ui/modal';
import { eventDates } from './event-dates';

/** "Move to event…" (menu or the M key): puts the selected photos into an event, or none. */
export function MoveToEvent() {
  const { selected, closePanel, openPanel } = useKadar(
    useShallow((s) => ({ selected: s.selected, closePanel: s.closePanel, openPanel: s.openPanel })),
  );
  const events = useApi('events.list', {});
  const assign = useApiAction('events.assignPhotos');
  const [find, setFind] = useState('');
  const photoIds = [...selected];
  const folded = foldText(find.trim());
  const shown = (events.data ?? [])
    .filter((e) => !folded || foldText(`${e.title} ${e.city ?? ''}`).includes(folded))
    .reverse()
    .slice(0, 50);
  const move = (eventId: number | null) =>
    void assign.mutateAsync({ eventId, photoIds }).then(closePanel, () => undefined);

  return (
    <Modal
      title={`Move ${photoIds.length} photos to an event`}
      onClose={closePanel}
      testId="move-to-event"
    >
      <input
        type="search"
        placeholder="Find an event"
        aria-label="Find an event"
        value={find}
        onChange={(e) => setFind(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && shown[0]) move(shown[0].id);
        }}
      />
      <ul className="picker" aria-label="Events">
        {shown.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              className="archive-row"
              onClick={() => move(e.id)}
              data-testid="pick-event"
            >
              <span className="archive-name">{e.title}</span>
              <span className="archive-sub">{eventDates(e)}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => move(null)}>
          Take out of their event
        </button>
        <button
          type="button"
          className="button"
          onClick={() => openPanel('event-form', { id: null, photoIds })}
        >
          New event with them…
        </button>
      </div>
    </Modal>
  );
}
