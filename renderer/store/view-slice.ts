import type { Slice } from './slice';

export type Panel = 'errors' | 'add-folder';

export interface ViewSlice {
  thumbSize: number;
  /** The photo open in the viewer, or null for the grid. */
  viewerId: number | null;
  panel: Panel | null;
  setThumbSize: (size: number) => void;
  openViewer: (id: number) => void;
  /** Moves through the grid's id list. */
  stepViewer: (delta: number) => void;
  closeViewer: () => void;
  openPanel: (panel: Panel) => void;
  closePanel: () => void;
}

export const thumbSizes = { min: 96, max: 320, step: 8, initial: 168 } as const;

export const createViewSlice: Slice<ViewSlice> = (set, get) => ({
  thumbSize: thumbSizes.initial,
  viewerId: null,
  panel: null,

  setThumbSize(thumbSize) {
    set({ thumbSize });
  },

  openViewer(id) {
    set({ viewerId: id, focusId: id });
  },

  stepViewer(delta) {
    const { ids, viewerId } = get();
    if (viewerId == null) return;
    const next = ids[ids.indexOf(viewerId) + delta];
    if (next != null) set({ viewerId: next, focusId: next });
  },

  closeViewer() {
    set({ viewerId: null });
  },

  openPanel(panel) {
    set({ panel });
    if (panel === 'errors') void get().loadIssues();
  },

  closePanel() {
    set({ panel: null });
  },
});
