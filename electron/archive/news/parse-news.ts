import { findTownsInText, type Town } from '../../../shared/text/towns';
import { isoDay, type DateMention } from '../parse-dates';
import { topicsOf } from './cues';
import { findLabelledVenue } from './find-venues';
import { htmlToText, isHtml } from './html-to-text';
import { findPhotoNames, isFileListLine } from './photo-names';
import { itemYear, pickEvents, withYear, type EventGroup } from './pick-events';
import { readMentions, type ReadMention, type ReadSentence } from './read-mentions';
import { splitSentences } from './sentences';

/**
 * A news item or invitation from the office's website, pasted or dropped as text or HTML, read
 * into the events it announces or reports. How a date is judged is in read-mentions.ts, which
 * dates become events in pick-events.ts.
 */

export interface ProposedEvent {
  title: string;
  /** 'YYYY-MM-DD'; null only when the item gave no year and none could be inferred. */
  startsOn: string | null;
  endsOn: string | null;
  venue: string | null;
  /** The town's `name` (local Latin). */
  city: string | null;
  /** The sentence the event was read from. */
  evidence: string;
}

export interface NewsParse {
  title: string;
  text: string;
  events: ProposedEvent[];
  /** Dates mentioned in passing, years filled in as for events. */
  otherDates: DateMention[];
  /** Listed photo file names as written, without case-insensitive repeats, in text order. */
  photoNames: string[];
  /** An event's date has no year and none could be inferred. */
  needsYear: boolean;
}

export interface ParseNewsOptions {
  /** The year to give dates without one when the item's other dates have none either. */
  fallbackYear?: number;
}

interface Item {
  title: string;
  text: string;
  /** Where the title line starts in `text`. */
  titleIndex: number;
}

function readItem(input: string): Item {
  const normalised = input.replace(/\r\n?/g, '\n');
  if (!isHtml(normalised)) {
    const text = normalised.trim();
    return withTitleLine(
      text,
      Math.max(
        0,
        text.split('\n').findIndex((l) => l.trim() !== ''),
      ),
    );
  }
  const html = htmlToText(normalised);
  const lines = html.text.split('\n');
  const lineOf = (title: string) => lines.findIndex((line) => line.trim() === title);
  if (!html.title) return withTitleLine(html.text, 0);
  if (lineOf(html.title) >= 0) return withTitleLine(html.text, lineOf(html.title));
  // A page <title> often ends in the site's name: "Info day in Vranje | Office".
  const title = html.title.split(' | ')[0]?.trim() || html.title;
  if (lineOf(title) >= 0) return withTitleLine(html.text, lineOf(title));
  return { title, text: `${title}\n\n${html.text}`, titleIndex: 0 };
}

function withTitleLine(text: string, line: number): Item {
  const lines = text.split('\n');
  const titleIndex = lines.slice(0, line).reduce((at, l) => at + l.length + 1, 0);
  const raw = lines[line] ?? '';
  return {
    title: raw.replace(/^\s*#+\s*/u, '').trim(),
    text,
    titleIndex: titleIndex + raw.length - raw.trimStart().length,
  };
}

function sentencesOf(item: Item): ReadSentence[] {
  const titleLine = item.text.slice(item.titleIndex).split('\n')[0] ?? '';
  const bodyStart = item.titleIndex + titleLine.length + 1;
  const title: ReadSentence = {
    text: titleLine.trim(),
    index: item.titleIndex,
    paragraph: -1,
    isTitle: true,
  };
  const body = splitSentences(item.text.slice(bodyStart), bodyStart)
    .filter((s) => !isFileListLine(s.text))
    .map((s) => ({ ...s, isTitle: false }));
  return titleLine.trim() ? [title, ...body] : body;
}

/** A place named on a "Venue:" line, for an item whose one event's date sentence names none. */
function labelledVenue(sentences: ReadSentence[]): string | null {
  for (const s of sentences) {
    const venue = findLabelledVenue(s.text);
    if (venue) return venue;
  }
  return null;
}

function firstTown(texts: string[]): Town | null {
  for (const text of texts) {
    const town = findTownsInText(text)[0];
    if (town) return town.town;
  }
  return null;
}

function toEvent(group: EventGroup, title: string): ProposedEvent {
  const best = group.mentions[0];
  return {
    title,
    startsOn: isoDay(group.startsOn),
    endsOn: group.endsOn && isoDay(group.endsOn),
    venue: group.mentions.find((r) => r.venue)?.venue ?? null,
    city: group.mentions.find((r) => r.town)?.town?.name ?? null,
    evidence: best?.sentence.text ?? '',
  };
}

// Several events are told apart by town ("… – Vranje"), or by date when towns do not.
function titled(events: ProposedEvent[], title: string): ProposedEvent[] {
  if (events.length < 2) return events;
  const cities = events.map((e) => e.city);
  const byCity = cities.every((c, i) => c != null && cities.indexOf(c) === i);
  return events.map((e, i) => ({
    ...e,
    title: `${title} – ${byCity ? e.city : (e.startsOn ?? `#${i + 1}`)}`,
  }));
}

/** Reads one news item; see the module comment of read-mentions.ts for the heuristics. */
export function parseNews(input: string, options: ParseNewsOptions = {}): NewsParse {
  const item = readItem(input);
  const sentences = sentencesOf(item);
  const titleTopics = topicsOf(item.title);
  const raw: ReadMention[] = readMentions(sentences, titleTopics);
  const year = itemYear(raw) ?? options.fallbackYear ?? null;
  const { events: groups, others } = pickEvents(withYear(raw, year));

  let events = groups.map((g) => toEvent(g, item.title));
  if (events.length === 1 && events[0]) {
    // One event: the title, a "Venue:" line and the first paragraph may say where it is.
    const only = events[0];
    const venue = only.venue ?? labelledVenue(sentences);
    const lead = sentences.filter((s) => s.paragraph <= 0).map((s) => s.text);
    const city = only.city ?? firstTown([venue ?? '', item.title, ...lead])?.name ?? null;
    events = [{ ...only, venue, city }];
  }
  events = titled(events, item.title);

  return {
    title: item.title,
    text: item.text,
    events,
    otherDates: others.map((r) => r.mention),
    photoNames: findPhotoNames(item.text),
    needsYear: events.some((e) => e.startsOn == null),
  };
}
