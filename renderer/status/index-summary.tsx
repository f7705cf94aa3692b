import type { IndexSummary as Summary } from '../../shared/api/progress-schema';
import { formatCount } from '../format/format-number';
import { useKadar } from '../store/store';

const headline: Record<Summary['status'], string> = {
  completed: 'Indexing finished',
  cancelled: 'Indexing cancelled',
  failed: 'Indexing failed',
};

/** How the last run ended, until dismissed or the next run starts. */
export function IndexSummary({ summary }: { summary: Summary }) {
  const dismissSummary = useKadar((s) => s.dismissSummary);
  const reason = summary.status === 'failed' ? summary.issues[0]?.message : undefined;

  return (
    <div
      className={`index-summary index-summary-${summary.status}`}
      role="status"
      data-testid="index-summary"
      data-status={summary.status}
      data-added={summary.added}
    >
      <strong>{headline[summary.status]}</strong>
      {reason ? (
        <span>{reason}</span>
      ) : (
        <span>
          {formatCount(summary.added)} added · {formatCount(summary.updated)} updated ·{' '}
          {formatCount(summary.failed)} failed
        </span>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismissSummary}>
        ×
      </button>
    </div>
  );
}
