import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app-slice';
import { createIndexingSlice, type IndexingSlice } from './indexing-slice';
import { createLibrarySlice, type LibrarySlice } from './library-slice';
import { createPhotosSlice, type PhotosSlice } from './photos-slice';
import { createQuerySlice, type QuerySlice } from './query-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';
import { createViewSlice, type ViewSlice } from './view-slice';

export type KadarState = AppSlice &
  QuerySlice &
  PhotosSlice &
  SelectionSlice &
  LibrarySlice &
  IndexingSlice &
  ViewSlice;

/** The renderer's one store. Components select single values or use `useShallow`. */
export const useKadar = create<KadarState>()((...args) => ({
  ...createAppSlice(...args),
  ...createQuerySlice(...args),
  ...createPhotosSlice(...args),
  ...createSelectionSlice(...args),
  ...createLibrarySlice(...args),
  ...createIndexingSlice(...args),
  ...createViewSlice(...args),
}));
