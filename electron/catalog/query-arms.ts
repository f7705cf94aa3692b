import type { Catalog } from './open-catalog';
import type { PhotoFilter } from '../../shared/api/photo-query-schema';
import { photoFileFields } from '../../shared/catalog/photo-fields';
import type { SearchWords } from './search/event-matches';
import { searchIdMask } from './search/search-keys';
import { sqlPluck, sqlSafe } from './statements';

/**
 * Where the photos of a keyed query come from: each arm yields search keys (capture second and
 * id, in date order) under the query's filters; a page is the first keys of the arms' union.
 */
export interface Arm {
  from: string;
  /** The same rows without the photos joined, when nothing else is asked of them. */
  bare?: string;
  /** Its conditions for reading all its rows, when they differ from a page's (same params). */
  whole?: string[];
  /** The arm's search-key column, which its index reads in order. */
  key: string;
  where: string[];
  params: unknown[];
}

// A set of more events than this spans most of the archive: no span is worth reading for it.
const maxSpanEvents = 1000;

/**
 * The least and greatest search keys of a few events' photos (BigInts: keys pass 2^53), each
 * read at an end of the event's run in the (event, key) index; null for many events.
 */
function keySpan(db: Catalog, events: number[]): { first: bigint; last: bigint } | null {
  if (events.length > maxSpanEvents) return null;
  const span = sqlSafe<[string], { first: bigint | null; last: bigint | null }>(
    db,
    `SELECT min(first) AS first, max(last) AS last FROM (SELECT
       (SELECT min(search_key) FROM photos WHERE event_id = j.value) AS first,
       (SELECT max(search_key) FROM photos WHERE event_id = j.value) AS last
     FROM json_each(?) j)`,
  ).get(JSON.stringify(events));
  return span?.first != null && span.last != null ? { first: span.first, last: span.last } : null;
}

/** The events of the filter's project and organisation (both, when both are given). */
export function filterEvents(db: Catalog, filter: PhotoFilter): number[] | null {
  let events: number[] | null = null;
  const keep = (ids: number[]) => {
    events = events ? ids.filter((id) => events!.includes(id)) : ids;
  };
  if (filter.projectId != null)
    keep(
      sqlPluck<[number], number>(
        db,
        `SELECT event_id FROM project_events WHERE project_id = ?`,
      ).all(filter.projectId),
    );
  if (filter.organisationId != null)
    keep(
      sqlPluck<[number, number], number>(
        db,
        `SELECT id FROM events WHERE organiser_id = ?
         UNION SELECT pe.event_id FROM project_partners pp JOIN project_events pe ON pe.project_id = pp.project_id
           WHERE pp.organisation_id = ?`,
      ).all(filter.organisationId, filter.organisationId),
    );
  return events;
}

// A set of events holding this share of all events has a page's photos among the first few
// hundred of any date-ordered read; a smaller one is read from its own keys.
const denseShare = 0.1;

export function isDense(db: Catalog, events: number[]): boolean {
  const all = sqlPluck<[], number>(db, `SELECT count(*) FROM events`).get()!;
  return events.length >= denseShare * all;
}

/** A field's effective value in SQL: the person's where set, else the file's. */
export const effective = (name: 'rating' | 'flag' | 'label' | 'caption') =>
  `coalesce(p.${photoFileFields[name].userColumn}, p.${photoFileFields[name].column})`;

/**
 * The culling filter's values, each read from its (value, search key) index (migration 004):
 * "3 stars or more" is three runs of keys. Null when the filter has none, or asks for "none"
 * (most photos: read in date order and checked).
 */
export function cullingArms(db: Catalog, filter: PhotoFilter): Arm[] | null {
  const runs = (name: 'rating' | 'flag' | 'label', values: unknown[]): Arm[] =>
    values.map((value) => ({
      from: 'photos p',
      key: 'p.search_key',
      where: [`${effective(name)} = ?`],
      params: [value],
    }));
  if (filter.flag && filter.flag !== 'none') return runs('flag', [filter.flag]);
  if (filter.label && filter.label !== 'none') return runs('label', [filter.label]);
  if (filter.minRating != null) {
    const values = Array.from({ length: 6 - filter.minRating }, (_, i) => filter.minRating! + i);
    // Many rated photos ("1 star or more" in an archive that rates a lot): a page is among the
    // first few hundred photos of any date-ordered read, cheaper than merging five runs.
    const rated = sqlPluck<[number], number>(
      db,
      `SELECT count(*) FROM photos WHERE ${effective('rating').replaceAll('p.', '')} >= ?`,
    ).get(filter.minRating)!;
    const all = sqlPluck<[], number>(db, `SELECT max(id) FROM photos`).get() ?? 0;
    return rated > denseRated * all ? null : runs('rating', values);
  }
  return null;
}

// The share of all photos above which rated photos are read in date order.
const denseRated = 0.03;

export const inJson = 'IN (SELECT value FROM json_each(?))';

/** The photo's own document says `word`, or its event does (`events`). */
function wordCondition(word: string, events: number[]): { sql: string; params: unknown[] } {
  const own = `EXISTS (SELECT 1 FROM photo_search WHERE photo_search MATCH ? AND rowid = p.search_key)`;
  if (events.length === 0) return { sql: own, params: [word] };
  return { sql: `(p.event_id ${inJson} OR ${own})`, params: [JSON.stringify(events), word] };
}

/** Photos whose own documents say `words`, read in key order from the search index. */
function ownArm(words: string[], span: { first: bigint; last: bigint } | null): Arm {
  const arm: Arm = {
    from: `photo_search(?) s JOIN photos p ON p.id = (s.rowid & ${searchIdMask})`,
    bare: `photo_search(?) s`,
    key: 's.rowid',
    where: [],
    params: [words.join(' ')],
  };
  // Within the key span of the photos it may find (an event's, a project's): the index's keys
  // outside it are never read.
  if (span) {
    arm.where.push('s.rowid BETWEEN ? AND ?');
    arm.params.push(span.first, span.last);
  }
  return arm;
}

// Past this many kinds of events (by which words they say), the rest are checked photo by
// photo; four words would need fifteen.
const maxEventArms = 8;

/**
 * The arms of a search: photos whose own documents say every word, and for each group of
 * events that say the same words, their photos whose own documents say the other words (all
 * of their photos, when the events say every word). "Niš DSC" finds the DSC photos of the
 * events in Niš, read from the search index's "dsc" keys within those events' span.
 */
export function searchArms(
  db: Catalog,
  search: SearchWords,
  filter: PhotoFilter,
  within: number[] | null,
): Arm[] {
  const only = filter.eventId;
  const arms = [ownArm(search.words, keySpan(db, only != null ? [only] : (within ?? [])))];
  // Photos in no event are found by their own words only.
  if (filter.noEvent) return arms;
  const allowed = only != null ? new Set([only]) : within ? new Set(within) : null;
  const saying = search.events.map((events) => new Set(events));
  const byWords = new Map<number, number[]>();
  for (const event of search.anyEvent) {
    if (allowed && !allowed.has(event)) continue;
    let said = 0;
    saying.forEach((events, i) => {
      if (events.has(event)) said |= 1 << i;
    });
    const group = byWords.get(said);
    if (group) group.push(event);
    else byWords.set(said, [event]);
  }
  const all = (1 << search.words.length) - 1;
  if (byWords.size > maxEventArms) {
    const named: Arm = {
      from: 'photos p',
      key: 'p.search_key',
      where: [`p.event_id ${inJson}`],
      params: [JSON.stringify(search.anyEvent)],
    };
    search.words.forEach((word, i) => {
      const condition = wordCondition(word, search.events[i]!);
      named.where.push(condition.sql);
      named.params.push(...condition.params);
    });
    return [...arms, named];
  }
  for (const [said, events] of byWords) {
    const json = JSON.stringify(events);
    if (said === all) {
      // Many events: a page reads photos in key order and checks each one's event (`+`: not
      // by event); the whole list (ids, counts) reads the events' photos from their index.
      const byEvent = [`p.event_id ${inJson}`];
      arms.push({
        from: 'photos p',
        key: 'p.search_key',
        where: isDense(db, events) ? [`+p.event_id ${inJson}`] : byEvent,
        whole: byEvent,
        params: [json],
      });
      continue;
    }
    const rest = search.words.filter((_, i) => !(said & (1 << i)));
    // Checked against the photos' events: this arm needs their rows.
    const { bare: _bare, ...arm } = ownArm(rest, keySpan(db, events));
    arm.where.push(`p.event_id ${inJson}`);
    arm.params.push(json);
    arms.push(arm);
  }
  return arms;
}
