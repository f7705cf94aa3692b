import { useApi } from '../api/server-data';
import { replay } from './replay';

/** Undo and redo, naming the step each would take back or do again. */
export function HistoryButtons() {
  const history = useApi('history.list', { limit: 50 });
  const steps = history.data ?? [];
  const toUndo = steps.find((s) => !s.undone);
  const toRedo = [...steps].reverse().find((s) => s.undone);
  return (
    <div className="history-buttons">
      <button
        type="button"
        className="button"
        disabled={!toUndo}
        title={toUndo ? `Undo ${toUndo.label} (Ctrl+Z)` : 'Nothing to undo'}
        onClick={() => void replay('undo')}
        data-testid="undo"
      >
        Undo
      </button>
      <button
        type="button"
        className="button"
        disabled={!toRedo}
        title={toRedo ? `Redo ${toRedo.label} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        onClick={() => void replay('redo')}
        data-testid="redo"
      >
        Redo
      </button>
    </div>
  );
}
