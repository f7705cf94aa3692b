import type { TownMention } from '../../../shared/text/towns';

/**
 * Where in a town an event is: "in the premises of the Chamber of Commerce", "at the Hotel
 * Ambasador", "in Niš City Hall", "in Vranje (City Hall)". A best effort that prefers saying
 * nothing: a phrase counts only with a word that names a place, or after "premises of".
 */

export interface VenueMention {
  name: string;
  index: number;
  length: number;
}

const placeWords =
  /(?<!\p{L})(?:hall|centre|center|centar|hotel|chamber|komora|theatre|theater|teatar|house|dom|library|biblioteka|museum|muzej|gallery|galerija|school|university|univerzitet|faculty|fakultet|palace|club|room|sala|office|building|park|square|trg|cinema|restaurant|institute|agency|incubator|fairground|arena|hostel|inn|cafe|café|castle|fortress|tvrdjava|hub|auditorium|amphitheat\w*|kombank|municipality|opstina|court)(?!\p{L})/iu;

// One capitalised word ("Hall", "\"Ambasador\"", "Niš", "2") and the small words that may join
// two of them inside a name.
const capWord = '["“„]?(?:\\p{Lu}[\\p{L}\\p{M}’\'.\\-]*|\\d+)["”]?';
const capPhrase = `${capWord}(?:\\s+(?:(?:of(?:\\s+the)?|for|and|&|za|na)\\s+)?${capWord})*`;

const afterPreposition = new RegExp(
  `(?<!\\p{L})(?:[Ii]n|[Aa]t)\\s+(?:the\\s+)?(${capPhrase})`,
  'gu',
);
// "premises of X" takes whatever name follows, up to a preposition or punctuation.
const premises = /(?:premises|offices|building) of (?:the )?|u prostorijama |у просторијама /giu;
const premisesEnd =
  /\s+(?:in|on|at|from|with|where|which|u|na|od|sa|gde|у|на|од|са|где)\s|\s+and\s+(?:on|in|at)\s|[,.;:()\n]|\s+[-–—]\s/u;

function trimmed(name: string): string {
  return name.replace(/[\s.,;:-]+$/u, '');
}

function premisesVenues(sentence: string): VenueMention[] {
  const out: VenueMention[] = [];
  for (const m of sentence.matchAll(premises)) {
    const from = m.index + m[0].length;
    const tail = sentence.slice(from);
    const end = premisesEnd.exec(tail)?.index ?? tail.length;
    const name = trimmed(tail.slice(0, end));
    if (/^\p{Lu}/u.test(name)) out.push({ name, index: from, length: name.length });
  }
  return out;
}

function namedPlaces(sentence: string): VenueMention[] {
  const out: VenueMention[] = [];
  for (const m of sentence.matchAll(afterPreposition)) {
    const phrase = m[1] ?? '';
    if (!placeWords.test(phrase)) continue;
    const name = trimmed(phrase);
    const index = m.index + m[0].length - phrase.length;
    out.push({ name, index, length: name.length });
  }
  return out;
}

// "in Vranje (City Hall)": a capitalised aside right after a town names the place in it.
function asidesAfterTowns(sentence: string, towns: TownMention[]): VenueMention[] {
  const out: VenueMention[] = [];
  for (const t of towns) {
    const rest = sentence.slice(t.index + t.length);
    const m = /^\s*\(([^()]{2,80})\)/u.exec(rest);
    const inner = m?.[1]?.trim();
    if (!m || !inner || !/^\p{Lu}/u.test(inner) || /\d{3}/u.test(inner)) continue;
    const index = t.index + t.length + m[0].indexOf(inner);
    out.push({ name: inner, index, length: inner.length });
  }
  return out;
}

// "Venue: Cultural Centre Štip" on a line of its own.
const label = /^((?:venue|place|location|where|mesto|mjesto|место|локација)\s*:\s*)(.+)$/iu;

/** The place a "Venue: …" line names, or null for any other sentence. */
export function findLabelledVenue(sentence: string): string | null {
  return trimmed(label.exec(sentence)?.[2] ?? '') || null;
}

function labelled(sentence: string): VenueMention[] {
  const m = label.exec(sentence);
  const name = trimmed(m?.[2] ?? '');
  return m?.[1] && name ? [{ name, index: m[1].length, length: name.length }] : [];
}

/** Venues named in `sentence`, in text order; `towns` are the towns found in it. */
export function findVenues(sentence: string, towns: TownMention[]): VenueMention[] {
  const all = [
    ...labelled(sentence),
    ...premisesVenues(sentence),
    ...asidesAfterTowns(sentence, towns),
    ...namedPlaces(sentence),
  ];
  all.sort((a, b) => a.index - b.index || b.length - a.length);
  // The same place found by two rules is one venue.
  const kept: VenueMention[] = [];
  for (const v of all) {
    const last = kept[kept.length - 1];
    if (!last || v.index >= last.index + last.length) kept.push(v);
  }
  return kept;
}
