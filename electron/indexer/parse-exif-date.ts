/**
 * Dates as cameras and editors write them, read as local wall-clock time. Nothing here uses
 * the machine's time zone: "2015:11:28 18:03:12" is 18:03:12 wherever Kadar runs.
 */
export interface WallClock {
  /** 'YYYY-MM-DDTHH:MM:SS' with '.mmm' when the file had fractions of a second. */
  local: string;
  /** '+01:00' when the file said which offset that time was in. */
  offset: string | null;
}

// EXIF "2015:11:28 18:03:12", XMP "2015-11-28T18:03:12.25+01:00", and the variants tools write.
const dateTime =
  /^(\d{4})[:-](\d{2})[:-](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
// IPTC "20151128" with an optional "180312+0100"
const compact = /^(\d{4})(\d{2})(\d{2})$/;
const compactTime = /^(\d{2})(\d{2})(\d{2})([+-]\d{4})?$/;
// What some writers put in IPTC instead (and what exiftool prints): "2015:11:28", "18:03:12+01:00"
const separatedDate = /^(\d{4})[:-](\d{2})[:-](\d{2})$/;
const separatedTime = /^(\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  fraction: string | undefined,
  zone: string | undefined,
): WallClock | null {
  // "0000:00:00 00:00:00" and friends mean "no date"; so does anything a calendar lacks.
  if (y < 1800 || y > 2999 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
  if (h > 23 || mi > 59 || s > 60) return null;
  let local = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(Math.min(s, 59))}`;
  if (fraction && /^\d+$/.test(fraction) && Number(fraction) > 0)
    local += `.${fraction.slice(0, 3).padEnd(3, '0')}`;
  return { local, offset: normaliseOffset(zone) };
}

/** '+0100', '+01:00' or 'Z' as '+01:00' / '+00:00'; anything else (or out of range) as null. */
export function normaliseOffset(zone: string | undefined | null): string | null {
  if (!zone) return null;
  const z = zone.trim();
  if (z === 'Z') return '+00:00';
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 14 || minutes > 59) return null;
  return `${m[1]}${m[2]}:${m[3]}`;
}

/**
 * Reads one date value. `subSeconds` is EXIF SubSecTime*, `offset` EXIF OffsetTime*; both are
 * used only when the value itself has none.
 */
export function parseExifDate(
  value: unknown,
  subSeconds?: unknown,
  offset?: unknown,
): WallClock | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\0+$/, '').trim();
  if (!text) return null;
  const sub =
    typeof subSeconds === 'string' || typeof subSeconds === 'number'
      ? String(subSeconds).trim()
      : undefined;
  const off = typeof offset === 'string' ? offset.replace(/\0+$/, '') : undefined;
  const m = dateTime.exec(text);
  if (m) {
    return build(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      m[7] ?? sub,
      m[8] ?? off,
    );
  }
  const c = compact.exec(text);
  if (c) return build(Number(c[1]), Number(c[2]), Number(c[3]), 0, 0, 0, undefined, off);
  return null;
}

/**
 * IPTC IIM DateCreated ("20151128") with TimeCreated ("180312+0100"), one wall-clock time with
 * the offset the time carries. The separated forms some writers use ("2015:11:28",
 * "18:03:12+01:00") are read too.
 */
export function parseIptcDate(date: unknown, time: unknown): WallClock | null {
  if (typeof date !== 'string') return null;
  const d = date.replace(/\0+$/, '').trim();
  const c = compact.exec(d) ?? separatedDate.exec(d);
  if (!c) return null;
  const clock = typeof time === 'string' ? time.replace(/\0+$/, '').trim() : '';
  const t = compactTime.exec(clock) ?? separatedTime.exec(clock);
  return build(
    Number(c[1]),
    Number(c[2]),
    Number(c[3]),
    Number(t?.[1] ?? 0),
    Number(t?.[2] ?? 0),
    Number(t?.[3] ?? 0),
    undefined,
    t?.[4],
  );
}

/** Whether a date value says a time of day, not only a day ("2015-11-28" says none). */
export function hasTimeOfDay(value: unknown): boolean {
  return typeof value === 'string' && /\d[T ]\d{2}:\d{2}/.test(value.trim());
}

/** A file's modification time as wall-clock time where this machine is, with that offset. */
export function wallClockOfInstant(ms: number): WallClock {
  const date = new Date(ms);
  const offsetMinutes = -date.getTimezoneOffset();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const local =
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return { local, offset: `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}` };
}
