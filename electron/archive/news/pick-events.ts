import { compareDays, completeYear, type PartialDate } from '../parse-dates';
import type { ReadMention } from './read-mentions';

/**
 * Which dates of a news item are its events. Dates in passing never are. Of the others, the
 * mentions of one day (or one range) are one candidate, as strong as its best mention; the
 * item is about every candidate scoring at least `minScore` and within `closeTo` of the best,
 * so two info days announced side by side are two events, while a fair mentioned further down
 * is not. When no date scores that well, the best one that scores at all is the event: an item
 * is about something, and a date without any cue is still likelier its event than not.
 */

export interface EventGroup {
  /** Best first. */
  mentions: ReadMention[];
  startsOn: PartialDate;
  endsOn: PartialDate | null;
}

const minScore = 3;
const closeTo = 2;

/**
 * The year of the item's dates that have one: the commonest among dates not in passing, else
 * among all, the earliest in the text on a tie; null when no date has a year.
 */
export function itemYear(read: ReadMention[]): number | null {
  const commonest = (list: ReadMention[]) => {
    const counts = new Map<number, number>();
    for (const r of list) {
      const year = r.mention.startsOn.year;
      if (year != null) counts.set(year, (counts.get(year) ?? 0) + 1);
    }
    let best: number | null = null;
    for (const [year, count] of counts)
      if (best == null || count > (counts.get(best) ?? 0)) best = year;
    return best;
  };
  return commonest(read.filter((r) => !r.passing)) ?? commonest(read);
}

/** `read` with `year` filled in where a date had none (and the day exists in that year). */
export function withYear(read: ReadMention[], year: number | null): ReadMention[] {
  if (year == null) return read;
  return read.map((r) => {
    const mention = completeYear(r.mention, year);
    return mention ? { ...r, mention } : r;
  });
}

const same = (a: PartialDate | null, b: PartialDate | null) =>
  a === b || (a != null && b != null && a.year === b.year && compareDays(a, b) === 0);

const lastDay = (r: ReadMention) => r.mention.endsOn ?? r.mention.startsOn;

// True when every day of `r` lies within the group's days.
function within(group: EventGroup, r: ReadMention): boolean {
  const end = group.endsOn ?? group.startsOn;
  if (group.startsOn.year !== r.mention.startsOn.year || end.year !== lastDay(r).year) return false;
  return compareDays(group.startsOn, r.mention.startsOn) <= 0 && compareDays(lastDay(r), end) <= 0;
}

function byScore(a: ReadMention, b: ReadMention): number {
  return b.score - a.score || a.mention.index - b.mention.index;
}

/** The item's events, each with the mentions that name it, in date order. */
export function pickEvents(read: ReadMention[]): { events: EventGroup[]; others: ReadMention[] } {
  const open = read.filter((r) => !r.passing);
  const groups: EventGroup[] = [];
  for (const r of [...open].sort(byScore)) {
    const group = groups.find(
      (g) => same(g.startsOn, r.mention.startsOn) && same(g.endsOn, r.mention.endsOn),
    );
    if (group) group.mentions.push(r);
    else groups.push({ mentions: [r], startsOn: r.mention.startsOn, endsOn: r.mention.endsOn });
  }
  const scoreOf = (g: EventGroup) => g.mentions[0]?.score ?? 0;
  const best = groups[0] ? scoreOf(groups[0]) : 0;
  let chosen = groups.filter((g) => scoreOf(g) >= minScore && scoreOf(g) >= best - closeTo);
  if (chosen.length === 0 && best > 0) chosen = groups.slice(0, 1);

  // A day inside a chosen range ("on 20 November" of "19-20.11.2015") is that event again.
  const events = chosen.filter(
    (g) => !chosen.some((c) => c !== g && c.endsOn && g.mentions.every((r) => within(c, r))),
  );
  for (const g of groups) {
    if (events.includes(g)) continue;
    const home = events.find((e) => g.mentions.every((r) => within(e, r)));
    if (home) home.mentions.push(...g.mentions);
  }
  for (const e of events) e.mentions.sort(byScore);

  const taken = new Set(events.flatMap((e) => e.mentions));
  events.sort(
    (a, b) =>
      (a.startsOn.year ?? 0) - (b.startsOn.year ?? 0) ||
      compareDays(a.startsOn, b.startsOn) ||
      (a.mentions[0]?.mention.index ?? 0) - (b.mentions[0]?.mention.index ?? 0),
  );
  return { events, others: read.filter((r) => !taken.has(r)) };
}
