import { useShallow } from 'zustand/react/shallow';
import { formatCount, photoCount } from '../format/format-number';
import { useKadar } from '../store/store';

export function PhotoCounts() {
  const { shown, total, selected } = useKadar(
    useShallow((s) => ({
      shown: s.ids.length,
      total: s.stats?.photos ?? 0,
      selected: s.selected.size,
    })),
  );

  return (
    <div className="photo-counts">
      <span data-testid="count-shown" data-count={shown}>
        {photoCount(shown)} shown
      </span>
      <span className="dot" aria-hidden="true">
        ·
      </span>
      <span data-testid="count-catalog" data-count={total}>
        {formatCount(total)} in the catalog
      </span>
      <span className="dot" aria-hidden="true">
        ·
      </span>
      <span data-testid="count-selected" data-count={selected}>
        {formatCount(selected)} selected
      </span>
    </div>
  );
}
