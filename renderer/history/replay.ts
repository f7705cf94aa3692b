import { client } from '../api/client';
import { useKadar } from '../store/store';

/** Undoes or redoes one step and says which; views refresh from the change event it causes. */
export function replay(direction: 'undo' | 'redo'): Promise<void> {
  const { say, notify } = useKadar.getState();
  return client
    .call(direction === 'undo' ? 'history.undo' : 'history.redo', {})
    .then((outcome) =>
      say(
        outcome.step
          ? `${direction === 'undo' ? 'Undone' : 'Redone'}: ${outcome.step.label}`
          : `Nothing to ${direction}.`,
      ),
    )
    .catch(notify);
}
