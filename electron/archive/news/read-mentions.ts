import { findTownsInText, type Town, type TownMention } from '../../../shared/text/towns';
import { parseDates, type DateMention } from '../parse-dates';
import { hasEventWords, isPassing, topicsOf } from './cues';
import { findVenues } from './find-venues';
import type { Sentence } from './sentences';

/**
 * Every date in a news item, read in its sentence: is it in passing, how strongly does it look
 * like the item's event, and which town and venue go with it. The score adds up reasons:
 *
 *   +3 the sentence speaks of holding an event ("held", "organised", "training", "održana")
 *   +2 it names the kind of event the title names (or it is the title)
 *   +1 it is the title or the first paragraph
 *   +1 a town or venue goes with this date
 *   +1 the date follows "on" (or Serbian "dana")
 *
 * A date is in passing when a cue stands between it and the previous date in its sentence
 * ("apply by", "runs from", "next", "after the kick-off") or right after it ("... is the
 * deadline"); such a date is never an event, whatever its score.
 */

export interface ReadMention {
  mention: DateMention;
  sentence: Sentence;
  passing: boolean;
  score: number;
  town: Town | null;
  venue: string | null;
}

export interface ReadSentence extends Sentence {
  isTitle: boolean;
}

const score = { eventWords: 3, titleTopic: 2, lead: 1, place: 1, on: 1 };
const cueWindowBefore = 50;
const cueWindowAfter = 30;
const townPreposition = /(?:^|\s)(?:in|at|u|у|во|в)\s+$/iu;
const onBefore = /(?:^|\s)(?:on|dana|на)\s+(?:the\s+)?$/iu;

// Where the part of a sentence that belongs to one date ends: at the last "and", "," or ";"
// before the next date. "on 24.11. in Vranje (City Hall) and on 25.11. in Leskovac" gives
// Vranje and its hall to the first date; "in Vranje on 24.11. and in Leskovac on 25.11." gives
// Leskovac to the second.
const clauseBreak = /\s+(?:and|i|и)\s+|[,;]\s*/giu;

function segmentEnds(text: string, mentions: DateMention[]): number[] {
  return mentions.map((m, i) => {
    const next = mentions[i + 1];
    if (!next) return text.length;
    const gap = text.slice(m.index + m.length, next.index);
    const breaks = [...gap.matchAll(clauseBreak)];
    const last = breaks[breaks.length - 1];
    return m.index + m.length + (last ? last.index : gap.length);
  });
}

const segmentOf = (index: number, ends: number[]) => {
  const i = ends.findIndex((end) => index < end);
  return i < 0 ? ends.length - 1 : i;
};

function pickTown(sentence: string, towns: TownMention[]): Town | null {
  const afterPreposition = towns.find((t) => townPreposition.test(sentence.slice(0, t.index)));
  return (afterPreposition ?? towns[0])?.town ?? null;
}

/** The dates of `sentences` in text order; `titleTopics` are the kinds of event the title names. */
export function readMentions(sentences: ReadSentence[], titleTopics: Set<string>): ReadMention[] {
  const out: ReadMention[] = [];
  for (const sentence of sentences) {
    const local = parseDates(sentence.text);
    if (local.length === 0) continue;
    const towns = findTownsInText(sentence.text);
    const venues = findVenues(sentence.text, towns);
    const ends = segmentEnds(sentence.text, local);
    const eventWords = hasEventWords(sentence.text);
    const topical =
      sentence.isTitle || [...topicsOf(sentence.text)].some((topic) => titleTopics.has(topic));
    local.forEach((m, i) => {
      const previousEnd = i > 0 ? (local[i - 1]?.index ?? 0) + (local[i - 1]?.length ?? 0) : 0;
      const nextStart = local[i + 1]?.index ?? sentence.text.length;
      const end = m.index + m.length;
      const before = sentence.text.slice(Math.max(previousEnd, m.index - cueWindowBefore), m.index);
      const after = sentence.text.slice(end, Math.min(nextStart, end + cueWindowAfter));
      const town = pickTown(
        sentence.text,
        towns.filter((t) => segmentOf(t.index, ends) === i),
      );
      const venue = venues.find((v) => segmentOf(v.index, ends) === i)?.name ?? null;
      const points =
        (eventWords ? score.eventWords : 0) +
        (topical ? score.titleTopic : 0) +
        (sentence.isTitle || sentence.paragraph === 0 ? score.lead : 0) +
        (town || venue ? score.place : 0) +
        (onBefore.test(sentence.text.slice(0, m.index)) ? score.on : 0);
      out.push({
        mention: { ...m, index: sentence.index + m.index },
        sentence,
        passing: isPassing(before, after),
        score: points,
        town,
        venue,
      });
    });
  }
  return out;
}
