import type { Root } from '../../shared/api/catalog-schema';
import { formatCount } from '../format/format-number';

export function RootBadges({ root }: { root: Root }) {
  if (root.status === 'online' && root.missingCount === 0 && root.errorCount === 0) return null;
  return (
    <span className="tree-badges">
      {root.status === 'offline' && (
        <span
          className="badge badge-warn"
          title="The folder cannot be reached (a disk or network drive may be disconnected)."
          data-testid="root-offline"
        >
          Offline
        </span>
      )}
      {root.missingCount > 0 && (
        <span className="badge badge-warn" title="Photos whose files have vanished">
          {formatCount(root.missingCount)} missing
        </span>
      )}
      {root.errorCount > 0 && (
        <span
          className="badge badge-error"
          title="Files Kadar could not read"
          data-testid="root-errors"
        >
          {formatCount(root.errorCount)} {root.errorCount === 1 ? 'error' : 'errors'}
        </span>
      )}
    </span>
  );
}
