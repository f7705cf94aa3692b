import { IndexStatus } from './index-status';
import { PhotoCounts } from './photo-counts';
import { ProblemsButton } from './problems-button';
import { BackupsButton } from '../backups/backups-button';
import './status-bar.css';

export function StatusBar() {
  return (
    <footer className="status-bar" data-testid="status-bar">
      <PhotoCounts />
      <div className="status-middle">
        <IndexStatus />
      </div>
      <BackupsButton />
      <ProblemsButton />
    </footer>
  );
}
