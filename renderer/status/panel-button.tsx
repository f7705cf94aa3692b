import type { Panel } from '../store/view-slice';
import { useKadar } from '../store/store';

/** A status-bar button that opens one of the app's dialogs. */
export function PanelButton({
  panel,
  label,
  testId,
}: {
  panel: Panel;
  label: string;
  testId: string;
}) {
  const openPanel = useKadar((s) => s.openPanel);
  return (
    <button
      type="button"
      className="button button-small"
      onClick={() => openPanel(panel)}
      data-testid={testId}
    >
      {label}
    </button>
  );
}
