import { useShallow } from 'zustand/react/shallow';
import type { SortField } from '../store/query-slice';
import { useKadar } from '../store/store';

const sortLabels: Record<SortField, string> = {
  takenAt: 'Date taken',
  name: 'Name',
  added: 'Date added',
};

const orderLabels: Record<SortField, { asc: string; desc: string }> = {
  takenAt: { asc: 'Oldest first', desc: 'Newest first' },
  name: { asc: 'A to Z', desc: 'Z to A' },
  added: { asc: 'Oldest first', desc: 'Newest first' },
};

export function SortControl() {
  const { sort, order, setSort, setOrder } = useKadar(
    useShallow((s) => ({ sort: s.sort, order: s.order, setSort: s.setSort, setOrder: s.setOrder })),
  );

  return (
    <div className="toolbar-group">
      <label htmlFor="sort-select">Sort by</label>
      <select
        id="sort-select"
        value={sort}
        onChange={(e) => setSort(e.target.value as SortField)}
        data-testid="sort-select"
      >
        {Object.entries(sortLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button"
        onClick={() => setOrder(order === 'asc' ? 'desc' : 'asc')}
        aria-label={`Order: ${orderLabels[sort][order]} (click to reverse)`}
        data-testid="sort-order"
        data-order={order}
      >
        <span aria-hidden="true">{order === 'asc' ? '↑' : '↓'}</span> {orderLabels[sort][order]}
      </button>
    </div>
  );
}
