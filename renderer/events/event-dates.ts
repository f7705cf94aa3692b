import { formatCompactDay } from '../format/format-date';

/** "28 Nov 2015", "19 Nov 2015 – 20 Nov 2015", with times where known. */
export function eventDates(e: {
  startsOn: string;
  endsOn: string | null;
  startTime?: string | null;
  endTime?: string | null;
}): string {
  const start = `${formatCompactDay(e.startsOn)}${e.startTime ? ` ${e.startTime}` : ''}`;
  if (!e.endsOn || e.endsOn === e.startsOn) return e.endTime ? `${start}–${e.endTime}` : start;
  return `${start} – ${formatCompactDay(e.endsOn)}${e.endTime ? ` ${e.endTime}` : ''}`;
}
