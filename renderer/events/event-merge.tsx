import { useApiAction } from '../api/server-data';
import { useKadar } from '../store/store';
import { Modal } from '../ui/modal';
import { EventPicker } from './event-picker';

/** Merges the open event into another (the same event told twice): all of it moves there. */
export function MergeEvent({ id, onClose }: { id: number; onClose: () => void }) {
  const merge = useApiAction('events.merge');
  const openPage = useKadar((s) => s.openPage);
  return (
    <Modal title="Merge into another event" onClose={onClose} testId="merge-event">
      <p className="muted">Its photos, documents and projects move to the event you pick.</p>
      <EventPicker
        exceptId={id}
        onPick={(target) =>
          void merge.mutateAsync({ targetId: target.id, sourceIds: [id] }).then(
            () => {
              onClose();
              openPage({ kind: 'event', id: target.id });
            },
            () => undefined,
          )
        }
      />
    </Modal>
  );
}
