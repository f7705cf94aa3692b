import type { DayCount } from '../store/library-slice';

export interface MonthNode {
  month: string;
  count: number;
  days: DayCount[];
}

export interface YearNode {
  year: string;
  count: number;
  months: MonthNode[];
}

/** Day counts → years → months → days, newest first like the grid's default order. */
export function dateNodes(days: readonly DayCount[]): YearNode[] {
  const years: YearNode[] = [];
  // photos.days comes oldest first.
  for (const day of [...days].reverse()) {
    const year = day.day.slice(0, 4);
    const month = day.day.slice(0, 7);
    let y = years.at(-1);
    if (y?.year !== year) {
      y = { year, count: 0, months: [] };
      years.push(y);
    }
    let m = y.months.at(-1);
    if (m?.month !== month) {
      m = { month, count: 0, days: [] };
      y.months.push(m);
    }
    y.count += day.count;
    m.count += day.count;
    m.days.push(day);
  }
  return years;
}
