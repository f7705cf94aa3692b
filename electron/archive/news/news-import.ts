import type { z } from 'zod';
import type { NewsReading, newsEventInputSchema } from '../../../shared/api/domains/news';
import { KadarError } from '../../../shared/errors';
import { foldText } from '../../../shared/text/fold-text';
import { assignPhotos, createEvent } from '../../catalog/events-repo';
import type { Catalog } from '../../catalog/open-catalog';
import { sql, sqlPluck } from '../../catalog/statements';
import type { Edit } from '../../edits/edit';
import { isoDay } from '../parse-dates';
import { parseNews, type NewsParse } from './parse-news';

type NewsEvent = z.output<typeof newsEventInputSchema>;

interface Listed {
  name: string;
  photos: { id: number; day: string }[];
}

/** The catalogued photos of each listed name, in any folder, whatever the case. */
function findListed(db: Catalog, names: readonly string[]): Listed[] {
  const byName = sql<[string], { id: number; day: string }>(
    db,
    `SELECT id, substr(taken_at, 1, 10) AS day FROM photos WHERE file_name = ? COLLATE NOCASE ORDER BY id`,
  );
  return names.map((name) => ({ name, photos: byName.all(name) }));
}

function commonestYear(listed: readonly Listed[]): number | undefined {
  const counts = new Map<number, number>();
  for (const l of listed)
    if (l.photos.length === 1) {
      const year = Number(l.photos[0]!.day.slice(0, 4));
      counts.set(year, (counts.get(year) ?? 0) + 1);
    }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function dateOf(mention: NewsParse['otherDates'][number], end: boolean): string | null {
  const date = end ? mention.endsOn : mention.startsOn;
  return date ? isoDay(date) : null;
}

/**
 * Reads a news item against the catalog: its events, its passing dates, which listed photo
 * names the catalog has (once, several times, or not), and photos of the events' days that
 * it does not list. A date without a year takes the item's other dates' year, else `year`,
 * else the listed photos' year.
 */
export function readNewsItem(db: Catalog, text: string, year?: number): NewsReading {
  let parsed = parseNews(text, year != null ? { fallbackYear: year } : {});
  const listed = findListed(db, parsed.photoNames);
  const photosYear = commonestYear(listed);
  if (parsed.needsYear && year == null && photosYear != null)
    parsed = parseNews(text, { fallbackYear: photosYear });
  const linked = listed.filter((l) => l.photos.length === 1);
  const linkedIds = new Set(linked.map((l) => l.photos[0]!.id));
  const onDay = sqlPluck<[string, string], number>(
    db,
    `SELECT id FROM photos WHERE taken_at >= ? AND taken_at < ? ORDER BY taken_at, id LIMIT 1000`,
  );
  const suggested = new Set<number>();
  for (const event of parsed.events) {
    if (!event.startsOn) continue;
    for (const id of onDay.all(event.startsOn, `${event.endsOn ?? event.startsOn}~`))
      if (!linkedIds.has(id)) suggested.add(id);
  }
  return {
    title: parsed.title,
    events: parsed.events,
    otherDates: parsed.otherDates.map((m) => ({
      startsOn: dateOf(m, false),
      endsOn: dateOf(m, true),
      text: m.text,
    })),
    photos: {
      linked: linked.map((l) => ({ name: l.name, photoId: l.photos[0]!.id })),
      unmatched: listed.filter((l) => l.photos.length === 0).map((l) => l.name),
      ambiguous: listed
        .filter((l) => l.photos.length > 1)
        .map((l) => ({ name: l.name, photoIds: l.photos.map((p) => p.id) })),
    },
    suggestedPhotoIds: [...suggested],
    needsYear: parsed.needsYear,
  };
}

/** The events to make: the user's corrections, else the item's own, which must be dated. */
export function eventsToImport(
  reading: NewsReading,
  corrected?: readonly NewsEvent[],
): NewsEvent[] {
  if (corrected) return [...corrected];
  if (reading.events.length === 0)
    throw new KadarError(
      'INVALID_INPUT',
      `text: "${reading.title}" gives no date of an event; add the event by hand or give its date.`,
    );
  return reading.events.map((e, i) => {
    if (!e.startsOn)
      throw new KadarError(
        'INVALID_INPUT',
        `events[${i}].startsOn: "${e.title}" has a date without a year, and neither the item nor its photos tell the year; give the year.`,
      );
    return { title: e.title, startsOn: e.startsOn, endsOn: e.endsOn, venue: e.venue, city: e.city };
  });
}

/** The event a photo of `day` belongs to: the one whose days hold it, else the nearest. */
function eventForDay(events: readonly (NewsEvent & { id: number })[], day: string): number {
  const distance = (e: NewsEvent) => {
    const end = e.endsOn ?? e.startsOn;
    if (day >= e.startsOn && day <= end) return 0;
    const ms = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b));
    return Math.min(ms(day, e.startsOn), ms(day, end));
  };
  return [...events].sort((a, b) => distance(a) - distance(b))[0]!.id;
}

/**
 * Makes the item's events (an event of the same day and title already in the catalog is
 * reused, so importing an item twice changes nothing) and puts the listed photos in them.
 */
export function importNewsItem(
  edit: Edit,
  reading: NewsReading,
  events: readonly NewsEvent[],
): { eventIds: number[]; linked: number[] } {
  const existing = sql<[string], { id: number; title: string }>(
    edit.db,
    `SELECT id, title FROM events WHERE starts_on = ?`,
  );
  const made = events.map((e) => {
    const same = existing.all(e.startsOn).find((x) => foldText(x.title) === foldText(e.title));
    return { ...e, id: same?.id ?? createEvent(edit, e) };
  });
  const days = new Map(
    sql<[string], { id: number; day: string }>(
      edit.db,
      `SELECT id, substr(taken_at, 1, 10) AS day FROM photos WHERE id IN (SELECT value FROM json_each(?))`,
    )
      .all(JSON.stringify(reading.photos.linked.map((l) => l.photoId)))
      .map((r) => [r.id, r.day]),
  );
  const byEvent = new Map<number, number[]>();
  for (const { photoId } of reading.photos.linked) {
    const eventId = eventForDay(made, days.get(photoId) ?? made[0]!.startsOn);
    byEvent.set(eventId, [...(byEvent.get(eventId) ?? []), photoId]);
  }
  for (const [eventId, ids] of byEvent) assignPhotos(edit, eventId, ids);
  // In the order the item lists them.
  return { eventIds: made.map((e) => e.id), linked: reading.photos.linked.map((l) => l.photoId) };
}
