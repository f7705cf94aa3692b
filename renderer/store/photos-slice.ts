import type { PhotoGroup } from '../../shared/api/contract';
import type { PhotoCell } from '../../shared/api/photo-schema';
import { client } from '../api/client';
import { errorMessage } from './error-message';
import type { Slice } from './slice';

export interface PhotosSlice {
  /** Every id the current query selects, in grid order. */
  ids: number[];
  groups: PhotoGroup[];
  idsLoaded: boolean;
  /** The `queryVersion` the ids answer. */
  idsVersion: number;
  idsError: string | null;
  /**
   * What the cells seen lately show (`photos.cells`: thumbnail, badges, tooltip, marks), for
   * the grid and the viewer's picture; the viewer's details come whole from `photos.get`.
   * Updated in place, and `photoCacheVersion` bumped: copying 3,000 entries for every batch a
   * scroll fetches made enough garbage for 40 ms collections. Read it by id in a selector.
   */
  photoCache: ReadonlyMap<number, PhotoCell>;
  photoCacheVersion: number;
  /** Bumped when cached cells may be out of date, so visible ones ask again. */
  photoEpoch: number;
  loadIds: () => Promise<void>;
  /** Fetches the cells of these ids unless they are cached and current. */
  ensurePhotos: (ids: readonly number[]) => void;
  /** The grid's visible cells: fetched like `ensurePhotos`, and never evicted from the cache. */
  showPhotos: (ids: readonly number[]) => void;
  invalidatePhotos: () => void;
  /** A cell's thumbnail loaded or failed. */
  thumbSettled: (id: number) => void;
  /**
   * Resolves when the first screen of thumbnails has loaded (or failed), or after `capMs`.
   * Calls that can wait, like the sidebar's, go after it, so the host serves the grid first.
   */
  firstScreenSettled: (capMs: number) => Promise<void>;
}

const batchSize = 500; // photos.cells' limit
const cacheLimit = 3000;
const cacheKeep = 2500;

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function sameGroups(a: readonly PhotoGroup[], b: readonly PhotoGroup[]): boolean {
  return (
    a.length === b.length &&
    a.every((g, i) => g.key === b[i]?.key && g.start === b[i].start && g.count === b[i].count)
  );
}

export const createPhotosSlice: Slice<PhotosSlice> = (set, get) => {
  let idsRequest = 0;
  const current = new Set<number>();
  const inFlight = new Set<number>();
  const queued = new Set<number>();
  let flushScheduled = false;
  // The grid's cells in view: eviction spares them.
  let visible: ReadonlySet<number> = new Set();
  // The first screen's cells whose thumbnails have not arrived yet; null until it is known.
  let firstScreen: Set<number> | null = null;
  let firstScreenDone = false;
  const firstScreenWaiters: (() => void)[] = [];
  const settleFirstScreen = (id: number) => {
    if (firstScreenDone || !firstScreen) return;
    firstScreen.delete(id);
    if (firstScreen.size > 0) return;
    firstScreenDone = true;
    for (const resolve of firstScreenWaiters.splice(0)) resolve();
  };

  const cache = new Map<number, PhotoCell>();

  const remember = (photos: PhotoCell[]) => {
    for (const photo of photos) {
      cache.delete(photo.id); // re-inserting keeps the newest last, for eviction
      cache.set(photo.id, photo);
      if (!photo.hasThumbnail) settleFirstScreen(photo.id);
    }
    if (cache.size > cacheLimit) {
      for (const id of cache.keys()) {
        if (cache.size <= cacheKeep) break;
        if (visible.has(id)) continue;
        cache.delete(id);
        current.delete(id);
      }
    }
    set({ photoCacheVersion: get().photoCacheVersion + 1 });
  };

  const fetchBatch = async (ids: number[]) => {
    const epoch = get().photoEpoch;
    for (const id of ids) inFlight.add(id);
    try {
      const photos = await client.call('photos.cells', { ids });
      remember(photos);
      // Ids the catalog no longer has are not asked for again until the next change.
      if (epoch === get().photoEpoch) for (const id of ids) current.add(id);
    } catch (error) {
      get().notify(error);
    } finally {
      for (const id of ids) inFlight.delete(id);
    }
  };

  const flush = () => {
    flushScheduled = false;
    const ids = [...queued];
    queued.clear();
    for (let i = 0; i < ids.length; i += batchSize) void fetchBatch(ids.slice(i, i + batchSize));
  };

  return {
    ids: [],
    groups: [],
    idsLoaded: false,
    idsVersion: 0,
    idsError: null,
    photoCache: cache,
    photoCacheVersion: 0,
    photoEpoch: 0,

    async loadIds() {
      const request = ++idsRequest;
      const { filter, sort, order, queryVersion } = get();
      try {
        const result = await client.call('photos.ids', { ...filter, sort, order });
        if (request !== idsRequest) return;
        const state = get();
        // While indexing, most refreshes change nothing: keep the arrays so the grid stays put.
        const ids = sameIds(state.ids, result.ids) ? state.ids : result.ids;
        const groups = sameGroups(state.groups, result.groups) ? state.groups : result.groups;
        set({ ids, groups, idsLoaded: true, idsError: null, idsVersion: queryVersion });
        if (ids !== state.ids) get().keepSelectionWithin(ids);
      } catch (error) {
        if (request === idsRequest) set({ idsLoaded: true, idsError: errorMessage(error) });
      }
    },

    ensurePhotos(ids) {
      for (const id of ids) if (!current.has(id) && !inFlight.has(id)) queued.add(id);
      if (queued.size === 0 || flushScheduled) return;
      flushScheduled = true;
      // Cells of one render ask one by one; a microtask later they go as one request.
      queueMicrotask(flush);
    },

    showPhotos(ids) {
      visible = new Set(ids);
      if (!firstScreen && ids.length > 0) firstScreen = new Set(ids);
      get().ensurePhotos(ids);
    },

    thumbSettled: settleFirstScreen,

    firstScreenSettled(capMs) {
      if (firstScreenDone) return Promise.resolve();
      return new Promise<void>((resolve) => {
        firstScreenWaiters.push(resolve);
        setTimeout(resolve, capMs);
      });
    },

    invalidatePhotos() {
      current.clear();
      set({ photoEpoch: get().photoEpoch + 1 });
    },
  };
};
