import { useShallow } from 'zustand/react/shallow';
import { EmptyState } from '../onboarding/empty-state';
import { useKadar } from '../store/store';
import { GridToolbar } from './grid-toolbar';
import { NoResults } from './no-results';
import { PhotoGrid } from './photo-grid';

/** The main area: the first-run welcome, or the toolbar over the grid. */
export function LibraryView() {
  const { rootsLoaded, hasRoots, idsLoaded, idsError, empty } = useKadar(
    useShallow((s) => ({
      rootsLoaded: s.rootsLoaded,
      hasRoots: s.roots.length > 0,
      idsLoaded: s.idsLoaded,
      idsError: s.idsError,
      empty: s.ids.length === 0,
    })),
  );

  if (!idsLoaded) return null;
  // Photos mean the library has folders, so the grid need not wait for the sidebar's list;
  // only an empty result needs it, to tell a first run from a filter that matched nothing.
  if (empty && !rootsLoaded) return null;
  if (empty && !hasRoots) return <EmptyState />;
  return (
    <>
      <GridToolbar />
      {idsError ? (
        <div className="no-results" role="alert">
          <p>{idsError}</p>
        </div>
      ) : empty ? (
        <NoResults />
      ) : (
        <PhotoGrid />
      )}
    </>
  );
}
