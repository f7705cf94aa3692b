// Catalog days and times are local wall-clock values without a zone: they are formatted as
// if in UTC, so no time-zone conversion shifts them.
const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const compactDayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', timeZone: 'UTC' });
const shortDayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const wallClockFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'full',
  timeStyle: 'short',
  timeZone: 'UTC',
});
const instantFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
});

function wallClock(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value);
  if (!m) return null;
  const [, y, mo, d = '1', h = '0', mi = '0', s = '0'] = m;
  return new Date(Date.UTC(+y!, +mo! - 1, +d, +h, +mi, +s));
}

function formatWith(format: Intl.DateTimeFormat, value: string): string {
  const date = wallClock(value);
  return date ? format.format(date) : value;
}

/** 'YYYY-MM-DD' → e.g. "Thu, 19 November 2015". */
export const formatDay = (day: string) => formatWith(dayFormat, day);
/** 'YYYY-MM-DD' → e.g. "19 Nov 2015", for lists. */
export const formatCompactDay = (day: string) => formatWith(compactDayFormat, day);
/** 'YYYY-MM' → e.g. "November". */
export const formatMonth = (month: string) => formatWith(monthFormat, month);
/** 'YYYY-MM-DD' → e.g. "Thu 19". */
export const formatDayOfMonth = (day: string) => formatWith(shortDayFormat, day);
/** A takenAt value → e.g. "Thursday, 19 November 2015 at 10:02". */
export const formatWallClock = (value: string) => formatWith(wallClockFormat, value);

/** A real instant (ISO with a zone, e.g. addedAt) in the viewer's own time zone. */
export function formatInstant(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : instantFormat.format(date);
}
