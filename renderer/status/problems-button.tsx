import { useKadar } from '../store/store';
import { formatCount } from '../format/format-number';

export function ProblemsButton() {
  const problems = useKadar((s) => (s.stats ? s.stats.failed + s.stats.offlineRoots : 0));
  const openPanel = useKadar((s) => s.openPanel);

  return (
    <button
      type="button"
      className={problems > 0 ? 'button button-small button-warn' : 'button button-small'}
      onClick={() => openPanel('errors')}
      data-testid="open-errors"
      data-count={problems}
    >
      {/* Unreadable folders are not counted in the stats, so zero still opens the list. */}
      {problems === 0
        ? 'Problems'
        : `${formatCount(problems)} ${problems === 1 ? 'problem' : 'problems'}`}
    </button>
  );
}
