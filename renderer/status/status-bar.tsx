import { IndexStatus } from './index-status';
import { PhotoCounts } from './photo-counts';
import { ProblemsButton } from './problems-button';
import { PanelButton } from './panel-button';
import './status-bar.css';

export function StatusBar() {
  return (
    <footer className="status-bar" data-testid="status-bar">
      <PhotoCounts />
      <div className="status-middle">
        <IndexStatus />
      </div>
      <PanelButton panel="sidecars" label="Sidecars" testId="open-sidecars" />
      <PanelButton panel="backups" label="Backups" testId="open-backups" />
      <ProblemsButton />
    </footer>
  );
}
