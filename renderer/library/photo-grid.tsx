import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useEffectEvent, useMemo, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useKadar } from '../store/store';
import { DayHeader } from './day-header';
import {
  gridGap,
  gridMetrics,
  gridPadding,
  headerHeight,
  layoutRows,
  rowOfPhoto,
  targetIndex,
} from './grid-layout';
import { GridRow } from './grid-row';
import { useElementWidth } from './use-element-width';
import './photo-grid.css';

/**
 * The library as a virtual list of rows: day headings and rows of square cells. Only the
 * rows in view (and a few either side) exist in the DOM, so 100,000 photos cost what 50 do.
 */
export function PhotoGrid() {
  const { ids, groups, idsVersion, thumbSize, focusId, photoEpoch } = useKadar(
    useShallow((s) => ({
      ids: s.ids,
      groups: s.groups,
      idsVersion: s.idsVersion,
      thumbSize: s.thumbSize,
      focusId: s.focusId,
      photoEpoch: s.photoEpoch,
    })),
  );
  const showPhotos = useKadar((s) => s.showPhotos);
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  const { columns, cellSize } = gridMetrics(width, thumbSize);
  // Until the width is known, any layout would be wrong (and fetch the wrong cells).
  const rows = useMemo(
    () => (width > 0 ? layoutRows(groups, columns) : []),
    [width, groups, columns],
  );
  const rowHeight = cellSize + gridGap;

  // A new key function makes the virtualizer re-measure: the layout or the cell size changed.
  // Rows are keyed by position: with 20,000 rows, building a string key for each one on every
  // layout cost tens of milliseconds before the first screen, and no row is measured by key.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new function per layout is the signal
  const getItemKey = useMemo(() => (i: number) => i, [rows, cellSize]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this component itself; nothing memoizes its results
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'header' ? headerHeight : rowHeight),
    getItemKey,
    overscan: 2,
    // Rendering inside the scroll event (flushSync) made fast scrolls build every passing
    // screen; batched, React renders once per frame at most.
    useFlushSync: false,
    paddingStart: gridPadding,
    paddingEnd: gridPadding,
  });
  const items = virtualizer.getVirtualItems();
  const firstRow = items[0]?.index ?? 0;
  const lastRow = items.at(-1)?.index ?? -1;

  // Runs again on a new photoEpoch too: after a catalog change the cells in view re-ask.
  useEffect(() => {
    const visible: number[] = [];
    for (let r = firstRow; r <= lastRow; r++) {
      const row = rows[r];
      if (row?.kind === 'cells') visible.push(...ids.slice(row.start, row.start + row.count));
    }
    showPhotos(visible);
  }, [firstRow, lastRow, rows, ids, photoEpoch, showPhotos]);

  // Another search, filter or sort starts at the top; a refresh while indexing stays put.
  const scrollToTop = useEffectEvent(() => virtualizer.scrollToOffset(0));
  useEffect(() => {
    scrollToTop();
  }, [idsVersion]);

  const revealPhoto = useEffectEvent((id: number) => {
    const index = ids.indexOf(id);
    if (index >= 0) virtualizer.scrollToIndex(rowOfPhoto(rows, index), { align: 'auto' });
  });
  useEffect(() => {
    if (focusId != null) revealPhoto(focusId);
  }, [focusId]);

  const onKeyDown = (e: KeyboardEvent) => {
    const s = useKadar.getState();
    if (e.key === 'Enter' && s.focusId != null) {
      e.preventDefault();
      s.openViewer(s.focusId);
    } else if (e.key === ' ') {
      e.preventDefault();
      s.toggleFocused();
    } else {
      const from = s.focusId == null ? -1 : s.ids.indexOf(s.focusId);
      const to = targetIndex(rows, s.ids.length, from, e.key);
      if (to == null) return;
      e.preventDefault();
      s.focusIndex(to, e.shiftKey);
    }
  };

  return (
    <div
      ref={scrollRef}
      className="grid-scroll"
      role="listbox"
      aria-label="Photos"
      aria-multiselectable="true"
      aria-activedescendant={focusId != null ? `photo-${focusId}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="photo-grid"
      data-total={ids.length}
      data-columns={width > 0 ? columns : undefined}
    >
      <div className="grid-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index]!;
          return row.kind === 'header' ? (
            <DayHeader key={item.key} day={row.day} count={row.count} top={item.start} />
          ) : (
            <GridRow
              key={item.key}
              ids={ids}
              start={row.start}
              count={row.count}
              cellSize={cellSize}
              top={item.start}
            />
          );
        })}
      </div>
    </div>
  );
}
