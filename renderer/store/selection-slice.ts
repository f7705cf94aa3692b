import type { Slice } from './slice';

export interface ClickModifiers {
  /** Shift: select from the anchor to here. */
  range: boolean;
  /** Ctrl or Cmd: add or remove this one. */
  toggle: boolean;
}

export interface SelectionSlice {
  selected: ReadonlySet<number>;
  /** Where a Shift range starts. */
  anchorId: number | null;
  /** The keyboard cursor in the grid. */
  focusId: number | null;
  clickPhoto: (id: number, modifiers: ClickModifiers) => void;
  /** Moves the cursor to a position in `ids`, selecting it, or extending the range to it. */
  focusIndex: (index: number, extend: boolean) => void;
  toggleFocused: () => void;
  selectAll: () => void;
  clearSelection: () => void;
  /** After the id list changed: forget what is no longer shown. */
  keepSelectionWithin: (ids: readonly number[]) => void;
}

function rangeOf(ids: readonly number[], from: number, to: number): Set<number> {
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  return new Set(ids.slice(lo, hi + 1));
}

export const createSelectionSlice: Slice<SelectionSlice> = (set, get) => ({
  selected: new Set(),
  anchorId: null,
  focusId: null,

  clickPhoto(id, { range, toggle }) {
    const { ids, anchorId, selected } = get();
    if (range) {
      const index = ids.indexOf(id);
      const anchor = anchorId == null ? -1 : ids.indexOf(anchorId);
      const span = rangeOf(ids, anchor < 0 ? index : anchor, index);
      set({
        selected: toggle ? new Set([...selected, ...span]) : span,
        anchorId: anchor < 0 ? id : anchorId,
        focusId: id,
      });
    } else if (toggle) {
      const next = new Set(selected);
      if (!next.delete(id)) next.add(id);
      set({ selected: next, anchorId: id, focusId: id });
    } else {
      set({ selected: new Set([id]), anchorId: id, focusId: id });
    }
  },

  focusIndex(index, extend) {
    const { ids, anchorId } = get();
    const id = ids[index];
    if (id == null) return;
    const anchor = anchorId == null ? -1 : ids.indexOf(anchorId);
    if (extend && anchor >= 0) set({ selected: rangeOf(ids, anchor, index), focusId: id });
    else set({ selected: new Set([id]), anchorId: id, focusId: id });
  },

  toggleFocused() {
    const { focusId } = get();
    if (focusId != null) get().clickPhoto(focusId, { range: false, toggle: true });
  },

  selectAll() {
    set({ selected: new Set(get().ids) });
  },

  clearSelection() {
    if (get().selected.size > 0) set({ selected: new Set() });
  },

  keepSelectionWithin(ids) {
    const { selected, anchorId, focusId } = get();
    if (selected.size === 0 && anchorId == null && focusId == null) return;
    const shown = new Set(ids);
    const kept = new Set([...selected].filter((id) => shown.has(id)));
    set({
      selected: kept.size === selected.size ? selected : kept,
      anchorId: anchorId != null && shown.has(anchorId) ? anchorId : null,
      focusId: focusId != null && shown.has(focusId) ? focusId : null,
    });
  },
});
