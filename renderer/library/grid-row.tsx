import { memo } from 'react';
import { gridGap } from './grid-layout';
import { PhotoCell } from './photo-cell';

interface GridRowProps {
  ids: readonly number[];
  start: number;
  count: number;
  cellSize: number;
  top: number;
}

export const GridRow = memo(function GridRow({ ids, start, count, cellSize, top }: GridRowProps) {
  return (
    <div
      className="grid-row"
      role="none"
      style={{ transform: `translateY(${top}px)`, height: cellSize, gap: gridGap }}
    >
      {ids.slice(start, start + count).map((id, i) => (
        <PhotoCell key={id} id={id} index={start + i} size={cellSize} />
      ))}
    </div>
  );
});
