import type { PhotoFilter } from '../../shared/api/photo-query-schema';
import { colourLabels, photoFlags } from '../../shared/catalog/photo-fields';

interface Props {
  filter: PhotoFilter;
  setFilter: (patch: Partial<PhotoFilter>) => void;
}

/** Stars at least, flag and colour label: the culling filters, combined with every other. */
export function CullingFilters({ filter, setFilter }: Props) {
  return (
    <>
      <label htmlFor="rating-filter">Rating</label>
      <select
        id="rating-filter"
        value={filter.minRating ?? ''}
        onChange={(e) =>
          setFilter({ minRating: e.target.value ? Number(e.target.value) : undefined })
        }
        data-testid="rating-filter"
      >
        <option value="">Any rating</option>
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={n}>
            {'★'.repeat(n)}
            {n < 5 ? ' or more' : ''}
          </option>
        ))}
      </select>
      <label htmlFor="flag-filter">Flag</label>
      <select
        id="flag-filter"
        value={filter.flag ?? ''}
        onChange={(e) => setFilter({ flag: (e.target.value || undefined) as PhotoFilter['flag'] })}
        data-testid="flag-filter"
      >
        <option value="">Any flag</option>
        {photoFlags.map((f) => (
          <option key={f} value={f}>
            {f === 'pick' ? 'Picks' : 'Rejects'}
          </option>
        ))}
        <option value="none">Unflagged</option>
      </select>
      <label htmlFor="label-filter">Label</label>
      <select
        id="label-filter"
        value={filter.label ?? ''}
        onChange={(e) =>
          setFilter({ label: (e.target.value || undefined) as PhotoFilter['label'] })
        }
        data-testid="label-filter"
      >
        <option value="">Any label</option>
        {colourLabels.map((l) => (
          <option key={l} value={l}>
            {l[0]!.toUpperCase() + l.slice(1)}
          </option>
        ))}
        <option value="none">No label</option>
      </select>
    </>
  );
}
