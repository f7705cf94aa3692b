import { useKadar } from '../store/store';

export function BackupsButton() {
  const openPanel = useKadar((s) => s.openPanel);
  return (
    <button
      type="button"
      className="button button-small"
      onClick={() => openPanel('backups')}
      data-testid="open-backups"
    >
      Backups
    </button>
  );
}
