import { useShallow } from 'zustand/react/shallow';
import { useApiAction } from '../api/server-data';
import { photoCount } from '../format/format-number';
import { useKadar } from '../store/store';
import { Modal } from '../ui/modal';
import { EventPicker } from './event-picker';

/** "Move to event…" (menu or the M key): puts the selected photos into an event, or none. */
export function MoveToEvent() {
  const { selected, closePanel, openPanel } = useKadar(
    useShallow((s) => ({ selected: s.selected, closePanel: s.closePanel, openPanel: s.openPanel })),
  );
  const assign = useApiAction('events.assignPhotos');
  const photoIds = [...selected];
  const move = (eventId: number | null) =>
    void assign.mutateAsync({ eventId, photoIds }).then(closePanel, () => undefined);

  return (
    <Modal
      title={`Move ${photoCount(photoIds.length)} to an event`}
      onClose={closePanel}
      testId="move-to-event"
    >
      <EventPicker onPick={(event) => move(event.id)} />
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
