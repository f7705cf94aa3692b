import { memo } from 'react';
import { formatDay } from '../format/format-date';
import { photoCount } from '../format/format-number';
import { headerHeight } from './grid-layout';

interface DayHeaderProps {
  day: string;
  count: number;
  top: number;
}

export const DayHeader = memo(function DayHeader({ day, count, top }: DayHeaderProps) {
  return (
    <div
      className="day-header"
      role="none"
      style={{ transform: `translateY(${top}px)`, height: headerHeight }}
      data-testid="day-header"
      data-day={day}
      data-count={count}
    >
      <span className="day-title">{formatDay(day)}</span>
      <span className="day-count">{photoCount(count)}</span>
    </div>
  );
});
