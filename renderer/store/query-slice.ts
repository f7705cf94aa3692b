import type { PhotoFilter, PhotoSort } from '../../shared/api/photo-query-schema';
import type { Slice } from './slice';

export type SortField = PhotoSort['sort'];
export type SortOrder = PhotoSort['order'];

export interface QuerySlice {
  filter: PhotoFilter;
  sort: SortField;
  order: SortOrder;
  /** What is typed in the search box; it reaches `filter.search` after a pause. */
  searchText: string;
  /** Bumped when the query changes (not on refreshes): the grid then starts at the top. */
  queryVersion: number;
  setFilter: (patch: Partial<PhotoFilter>) => void;
  setSearchText: (text: string) => void;
  setSort: (sort: SortField) => void;
  setOrder: (order: SortOrder) => void;
  clearFilters: () => void;
  /** Sets every filter at once (a saved search), the search box included. */
  replaceFilter: (filter: PhotoFilter) => void;
}

const searchDelayMs = 200;

/** Drops absent and empty values: they do not narrow, and must not count as active filters. */
function compact(filter: PhotoFilter): PhotoFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== undefined && value !== ''),
  );
}

export const createQuerySlice: Slice<QuerySlice> = (set, get) => {
  let searchTimer: ReturnType<typeof setTimeout> | undefined;

  const queryChanged = (datesOnly: boolean) => {
    set({ queryVersion: get().queryVersion + 1 });
    void get().loadIds();
    // The date tree counts under every filter but the dates themselves.
    if (!datesOnly) void get().loadDays();
  };

  return {
    filter: {},
    sort: 'takenAt',
    order: 'desc',
    searchText: '',
    queryVersion: 0,

    setFilter(patch) {
      set({ filter: compact({ ...get().filter, ...patch }) });
      queryChanged(Object.keys(patch).every((key) => key === 'from' || key === 'to'));
    },

    setSearchText(text) {
      set({ searchText: text });
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        const search = text.trim() || undefined;
        if (search !== get().filter.search) get().setFilter({ search });
      }, searchDelayMs);
    },

    setSort(sort) {
      // Names read best A to Z; dates newest first.
      set({ sort, order: sort === 'name' ? 'asc' : 'desc', queryVersion: get().queryVersion + 1 });
      void get().loadIds();
    },

    setOrder(order) {
      set({ order, queryVersion: get().queryVersion + 1 });
      void get().loadIds();
    },

    clearFilters() {
      get().replaceFilter({});
    },

    replaceFilter(filter) {
      clearTimeout(searchTimer);
      set({ filter: compact(filter), searchText: filter.search ?? '' });
      queryChanged(false);
    },
  };
};
