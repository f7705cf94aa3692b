import { useShallow } from 'zustand/react/shallow';
import { useKadar } from '../store/store';

/** Said instead of an empty grid: why nothing is shown, and the way back. */
export function NoResults() {
  const { filtered, indexing, clearFilters } = useKadar(
    useShallow((s) => ({
      filtered: Object.keys(s.filter).length > 0,
      indexing: s.indexRunning,
      clearFilters: s.clearFilters,
    })),
  );

  return (
    <div className="no-results" data-testid="no-results">
      {filtered ? (
        <>
          <p>No photos match the search and filters.</p>
          <button type="button" className="button" onClick={clearFilters}>
            Clear search and filters
          </button>
        </>
      ) : indexing ? (
        <p>Kadar is reading your folders. Photos appear here as they are indexed.</p>
      ) : (
        <p>The library folders hold no photos Kadar can read.</p>
      )}
    </div>
  );
}
