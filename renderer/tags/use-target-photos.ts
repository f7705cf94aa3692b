import { useShallow } from 'zustand/react/shallow';
import { useKadar } from '../store/store';

/** What a describing command acts on: the viewer's photo, else the selection, else the focused. */
export function targetPhotos(s: {
  viewerId: number | null;
  selected: ReadonlySet<number>;
  focusId: number | null;
}): number[] {
  if (s.viewerId != null) return [s.viewerId];
  if (s.selected.size > 0) return [...s.selected];
  return s.focusId != null ? [s.focusId] : [];
}

export function useTargetPhotos(): number[] {
  return useKadar(useShallow(targetPhotos));
}
