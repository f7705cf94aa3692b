/**
 * Dates as the office's news items write them: Serbian numeric ("28.11.2015.", "19-20.11.2015",
 * "30.11 - 2.12.2015"), English ("28th of December, 2017", "November 19-20, 2015",
 * "December 2nd") and ISO. A date that no calendar has (31.11.2015) is not a date at all.
 */

export interface PartialDate {
  /** null when the text gave only a day and a month ("December 2nd"). */
  year: number | null;
  month: number;
  day: number;
}

export interface DateMention {
  startsOn: PartialDate;
  /** The last day of a range ("19-20.11.2015"), null for a single day. */
  endsOn: PartialDate | null;
  index: number;
  length: number;
  text: string;
}

const monthNames = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
// Full names, or abbreviations with their dot: the dot after "December" ends a sentence.
const month =
  '(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?)(?!\\p{L})';
const monthStem = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/iu;
const day = '(\\d{1,2})(?!\\d)(?:st|nd|rd|th)?';
const year = '(\\d{4})(?!\\d)';
const dash = '\\s*[-–—]\\s*';
const dashOrTo = '\\s*(?:[-–—]|\\bto\\b)\\s*';
// Not inside a longer number, a decimal or a time: "1.19", "10:30".
const start = '(?<![\\d.,:/])';
// A dot after the year is the Serbian ordinal dot unless it ends the sentence.
const serbianDot = '(?:\\.(?=\\s*[\\p{Ll}\\d,;:)\\-–—]))?';
const dmy = '(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?' + year;

type Build = (g: (string | undefined)[]) => [PartialDate, PartialDate | null];

interface Pattern {
  regex: RegExp;
  build: Build;
}

const n = (s: string | undefined): number => Number(s);
const y = (s: string | undefined): number | null => (s ? Number(s) : null);
const monthOf = (s: string | undefined): number =>
  monthNames.indexOf((s ?? '').slice(0, 3).toLowerCase()) + 1;
const pd = (yy: number | null, mm: number, dd: number): PartialDate => ({
  year: yy,
  month: mm,
  day: dd,
});

const patterns: Pattern[] = [
  // 30.11 - 2.12.2015: a range across months, the first part without its year.
  {
    regex: new RegExp(`${start}(\\d{1,2})\\.\\s?(\\d{1,2})\\.?${dash}${dmy}${serbianDot}`, 'gu'),
    build: (g) => {
      const endYear = n(g[5]);
      const startYear = n(g[2]) > n(g[4]) ? endYear - 1 : endYear;
      return [pd(startYear, n(g[2]), n(g[1])), pd(endYear, n(g[4]), n(g[3]))];
    },
  },
  // 19 - 20.11.2015, 19.-20.11.2015
  {
    regex: new RegExp(`${start}(\\d{1,2})\\.?${dash}${dmy}${serbianDot}`, 'gu'),
    build: (g) => [pd(n(g[4]), n(g[3]), n(g[1])), pd(n(g[4]), n(g[3]), n(g[2]))],
  },
  // 28.11.2015, 28. 11. 2015, 28.11.2015.
  {
    regex: new RegExp(`${start}${dmy}${serbianDot}`, 'gu'),
    build: (g) => [pd(n(g[3]), n(g[2]), n(g[1])), null],
  },
  // 2015-11-28
  {
    regex: /(?<![\d.-])(\d{4})-(\d{2})-(\d{2})(?!\d)/gu,
    build: (g) => [pd(n(g[1]), n(g[2]), n(g[3])), null],
  },
  // 19-20 November 2015, 19th to 20th of November
  {
    regex: new RegExp(
      `${start}${day}${dashOrTo}${day}(?:\\s+of)?\\s+${month}(?:,?\\s+${year})?`,
      'giu',
    ),
    build: (g) => {
      const m = monthOf(g[3]);
      return [pd(y(g[4]), m, n(g[1])), pd(y(g[4]), m, n(g[2]))];
    },
  },
  // 28 December 2017, 28th of December, 2017, 2nd December
  {
    regex: new RegExp(`${start}${day}(?:\\s+of)?\\s+${month}(?:,?\\s+${year})?`, 'giu'),
    build: (g) => [pd(y(g[3]), monthOf(g[2]), n(g[1])), null],
  },
  // November 19-20, 2015
  {
    regex: new RegExp(`${month}\\s+${day}${dashOrTo}${day}(?:,?\\s+${year})?`, 'giu'),
    build: (g) => {
      const m = monthOf(g[1]);
      return [pd(y(g[4]), m, n(g[2])), pd(y(g[4]), m, n(g[3]))];
    },
  },
  // December 28, 2017, December 2nd
  {
    regex: new RegExp(`${month}\\s+${day}(?:,?\\s+${year})?`, 'giu'),
    build: (g) => [pd(y(g[3]), monthOf(g[1]), n(g[2])), null],
  },
];

// Between two dates, these make one range: "1.3.2015 to 31.8.2016", "30 November - 2 December".
const rangeJoiner = /^\s*(?:[-–—]|to|until|till|through|do)\s*$/iu;
const weekdayBefore =
  /(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?,?\s+(?:the\s+)?$/iu;

function isLeap(yy: number): boolean {
  return (yy % 4 === 0 && yy % 100 !== 0) || yy % 400 === 0;
}

function daysInMonth(yy: number | null, mm: number): number {
  if (mm === 2) return yy == null || isLeap(yy) ? 29 : 28;
  return [4, 6, 9, 11].includes(mm) ? 30 : 31;
}

/** True when the calendar has this day (a missing year allows 29 February). */
export function isRealDay(p: PartialDate): boolean {
  if (p.year != null && (p.year < 1900 || p.year > 2099)) return false;
  return p.month >= 1 && p.month <= 12 && p.day >= 1 && p.day <= daysInMonth(p.year, p.month);
}

/** Orders two days by month and day, and by year when both have one. */
export function compareDays(a: PartialDate, b: PartialDate): number {
  if (a.year != null && b.year != null && a.year !== b.year) return a.year - b.year;
  return a.month !== b.month ? a.month - b.month : a.day - b.day;
}

interface Candidate {
  startsOn: PartialDate;
  endsOn: PartialDate | null;
  index: number;
  end: number;
  /** False for "31.11.2015" or "20-19.11.2015": kept only so "19.11.2015" inside is not read. */
  real: boolean;
}

function candidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const { regex, build } of patterns) {
    for (const m of text.matchAll(regex)) {
      // Month names count only when capitalised: "may 20 people" is not a date.
      const monthWord = monthStem.exec(m[0]);
      if (monthWord && /^\p{Ll}/u.test(monthWord[0])) continue;
      const [from, to] = build([...m]);
      const real = isRealDay(from) && (!to || (isRealDay(to) && compareDays(from, to) < 0));
      found.push({ startsOn: from, endsOn: to, index: m.index, end: m.index + m[0].length, real });
    }
  }
  return found;
}

// Earliest first, and at one place the longest: "19-20.11.2015" beats "20.11.2015" inside it.
function withoutOverlaps(found: Candidate[]): Candidate[] {
  const sorted = [...found].sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    const last = kept[kept.length - 1];
    if (!last || c.index >= last.end) kept.push(c);
  }
  return kept;
}

// "30 November - 2 December 2015": the half without a year takes the other's, a year earlier
// or later when the range crosses New Year.
function sharedYear(from: PartialDate, to: PartialDate): [PartialDate, PartialDate] {
  if (from.year == null && to.year != null) {
    const same = { ...from, year: to.year };
    return [compareDays(same, to) < 0 ? same : { ...from, year: to.year - 1 }, to];
  }
  if (to.year == null && from.year != null) {
    const same = { ...to, year: from.year };
    return [from, compareDays(from, same) < 0 ? same : { ...to, year: from.year + 1 }];
  }
  return [from, to];
}

function joinRanges(text: string, found: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of found) {
    const last = out[out.length - 1];
    if (last && !last.endsOn && !c.endsOn && rangeJoiner.test(text.slice(last.end, c.index))) {
      const [from, to] = sharedYear(last.startsOn, c.startsOn);
      // Without years, "30 December - 2 January" crosses New Year; `completeYear` dates it.
      const forward =
        compareDays(from, to) < 0 ||
        (from.year == null && to.year == null && from.month > to.month);
      if (isRealDay(from) && isRealDay(to) && forward) {
        out[out.length - 1] = { ...c, startsOn: from, endsOn: to, index: last.index };
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/** Every date and date range in `text`, in text order. */
export function parseDates(text: string): DateMention[] {
  const real = withoutOverlaps(candidates(text)).filter((c) => c.real);
  return joinRanges(text, real).map((c) => {
    const weekday = weekdayBefore.exec(text.slice(Math.max(0, c.index - 16), c.index));
    const index = weekday ? c.index - weekday[0].length : c.index;
    return {
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      index,
      length: c.end - index,
      text: text.slice(index, c.end),
    };
  });
}

/**
 * The mention with `year` wherever it had none; a range that would run backwards ends in the
 * next year ("30 December - 2 January"). Null when that makes a day the calendar lacks (29
 * February of a common year).
 */
export function completeYear(mention: DateMention, year: number): DateMention | null {
  const startsOn = { ...mention.startsOn, year: mention.startsOn.year ?? year };
  let endsOn = mention.endsOn && { ...mention.endsOn, year: mention.endsOn.year ?? year };
  if (endsOn && mention.endsOn?.year == null && compareDays(startsOn, endsOn) > 0)
    endsOn = { ...endsOn, year: endsOn.year + 1 };
  if (!isRealDay(startsOn) || (endsOn && !isRealDay(endsOn))) return null;
  return { ...mention, startsOn, endsOn };
}

const pad = (v: number, width = 2) => String(v).padStart(width, '0');

/** 'YYYY-MM-DD', or null when the year is missing or the day does not exist. */
export function isoDay(p: PartialDate): string | null {
  if (p.year == null || !isRealDay(p)) return null;
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}
