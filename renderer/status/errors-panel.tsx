import { useShallow } from 'zustand/react/shallow';
import { formatCount } from '../format/format-number';
import { useKadar } from '../store/store';
import { Modal } from '../ui/modal';

/** What indexing could not read: offline roots, unreadable folders, damaged files. */
export function ErrorsPanel() {
  const { open, issues, issuesError, closePanel } = useKadar(
    useShallow((s) => ({
      open: s.panel === 'errors',
      issues: s.issues,
      issuesError: s.issuesError,
      closePanel: s.closePanel,
    })),
  );
  if (!open) return null;

  return (
    <Modal title="Problems" onClose={closePanel} testId="errors-panel" wide>
      {issuesError ? (
        <p className="form-error" role="alert">
          {issuesError}
        </p>
      ) : issues == null ? (
        <p className="hint">Loading…</p>
      ) : issues.length === 0 ? (
        <p>Every folder and file could be read.</p>
      ) : (
        <>
          <p className="hint">
            {formatCount(issues.length)} {issues.length === 1 ? 'problem' : 'problems'}. Files that
            could not be read are still listed in the library; fix or replace them and Kadar reads
            them again on the next index.
          </p>
          <ul className="issues">
            {issues.map((issue, i) => (
              <li key={`${issue.path}-${i}`} className="issue" data-testid="issue">
                <span className="badge badge-error">{issue.code}</span>
                <span className="issue-path" data-testid="issue-path">
                  {issue.path || 'The index run'}
                </span>
                <span className="issue-message" data-testid="issue-message">
                  {issue.message}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Modal>
  );
}
