import type { PhotoGroup } from '../../shared/api/contract';

/** A row of the virtual grid: a day's heading, or up to `columns` photos from `start`. */
export type GridRow =
  | { kind: 'header'; day: string; start: number; count: number }
  | { kind: 'cells'; start: number; count: number };

export const gridGap = 6;
export const gridPadding = 12;
export const headerHeight = 44;

/** How many cells fit across, and how wide each is once the row is filled edge to edge. */
export function gridMetrics(width: number, thumbSize: number) {
  const inner = width - 2 * gridPadding;
  if (inner < thumbSize) return { columns: 1, cellSize: thumbSize };
  const columns = Math.floor((inner + gridGap) / (thumbSize + gridGap));
  return { columns, cellSize: Math.floor((inner - gridGap * (columns - 1)) / columns) };
}

/** Lays the groups out as rows; a named group (a day) gets a heading row first. */
export function layoutRows(groups: readonly PhotoGroup[], columns: number): GridRow[] {
  const rows: GridRow[] = [];
  for (const group of groups) {
    if (group.key)
      rows.push({ kind: 'header', day: group.key, start: group.start, count: group.count });
    for (let i = 0; i < group.count; i += columns) {
      rows.push({
        kind: 'cells',
        start: group.start + i,
        count: Math.min(columns, group.count - i),
      });
    }
  }
  return rows;
}

/** The row that holds the photo at `index` (a heading shares its start with the row after it). */
export function rowOfPhoto(rows: readonly GridRow[], index: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.start <= index) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The photo a grid key moves the cursor to, by position in the id list. */
export function targetIndex(
  rows: readonly GridRow[],
  total: number,
  from: number,
  key: string,
): number | null {
  if (total === 0) return null;
  if (from < 0) return 0;
  switch (key) {
    case 'ArrowLeft':
      return Math.max(0, from - 1);
    case 'ArrowRight':
      return Math.min(total - 1, from + 1);
    case 'Home':
      return 0;
    case 'End':
      return total - 1;
    case 'ArrowUp':
    case 'ArrowDown': {
      const r = rowOfPhoto(rows, from);
      const column = from - rows[r]!.start;
      const step = key === 'ArrowUp' ? -1 : 1;
      for (let i = r + step; i >= 0 && i < rows.length; i += step) {
        const row = rows[i]!;
        if (row.kind === 'cells') return row.start + Math.min(column, row.count - 1);
      }
      return from;
    }
    default:
      return null;
  }
}
