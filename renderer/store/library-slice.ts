import type { Camera, FolderNode } from '../../shared/api/contract';
import type { Root } from '../../shared/api/catalog-schema';
import { client } from '../api/client';
import type { Slice } from './slice';

export interface DayCount {
  day: string;
  count: number;
}

export interface LibrarySlice {
  roots: Root[];
  rootsLoaded: boolean;
  /** Each root's folders that hold photos, by root id. */
  folders: Readonly<Record<number, FolderNode[]>>;
  cameras: Camera[];
  days: DayCount[];
  loadLibrary: () => Promise<void>;
  loadRoots: () => Promise<void>;
  loadCameras: () => Promise<void>;
  loadDays: () => Promise<void>;
}

export const createLibrarySlice: Slice<LibrarySlice> = (set, get) => {
  let daysRequest = 0;

  return {
    roots: [],
    rootsLoaded: false,
    folders: {},
    cameras: [],
    days: [],

    async loadLibrary() {
      await Promise.all([get().loadRoots(), get().loadCameras(), get().loadDays()]);
    },

    async loadRoots() {
      try {
        const roots = await client.call('roots.list', {});
        const trees = await Promise.all(
          roots.map((root) => client.call('roots.folders', { rootId: root.id })),
        );
        set({
          roots,
          rootsLoaded: true,
          folders: Object.fromEntries(roots.map((root, i) => [root.id, trees[i] ?? []])),
        });
      } catch (error) {
        get().notify(error);
      }
    },

    async loadCameras() {
      try {
        set({ cameras: await client.call('cameras.list', {}) });
      } catch (error) {
        get().notify(error);
      }
    },

    async loadDays() {
      const request = ++daysRequest;
      const { from: _from, to: _to, ...filter } = get().filter;
      try {
        const days = await client.call('photos.days', filter);
        if (request === daysRequest) set({ days });
      } catch (error) {
        get().notify(error);
      }
    },
  };
};
