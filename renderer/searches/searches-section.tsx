import { useShallow } from 'zustand/react/shallow';
import { useApi, useApiAction } from '../api/server-data';
import { useKadar } from '../store/store';
import './searches.css';

/** Saved searches ("smart albums"): a click shows what matches now. */
export function SearchesSection() {
  const searches = useApi('searches.list', {});
  const remove = useApiAction('searches.delete');
  const { filter, replaceFilter, openPanel } = useKadar(
    useShallow((s) => ({
      filter: s.filter,
      replaceFilter: s.replaceFilter,
      openPanel: s.openPanel,
    })),
  );
  const current = JSON.stringify(filter);
  return (
    <div data-testid="searches-section">
      <ul className="archive-rows" aria-label="Saved searches">
        {(searches.data ?? []).map((s) => {
          const active = JSON.stringify(s.filter) === current;
          return (
            <li key={s.id} className="saved-search">
              <button
                type="button"
                className={active ? 'archive-row archive-row-active' : 'archive-row'}
                aria-pressed={active}
                onClick={() => replaceFilter(s.filter)}
                data-testid="saved-search"
              >
                <span className="archive-name">{s.name}</span>
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Delete the search ${s.name}`}
                onClick={() => remove.mutate({ id: s.id })}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <div className="archive-actions">
        <button
          type="button"
          className="button"
          disabled={Object.keys(filter).length === 0}
          onClick={() => openPanel('save-search')}
          data-testid="save-search"
        >
          Save this search…
        </button>
      </div>
    </div>
  );
}
