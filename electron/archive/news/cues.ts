import { foldText } from '../../../shared/text/fold-text';

/**
 * The words that tell an event's date from a date mentioned in passing. Every list is matched
 * against folded text (`foldText`: lower case, Latin, no diacritics), so each cue covers
 * English, Serbian Latin and Serbian or Macedonian Cyrillic at once ("održana", "одржана").
 * Entries are word starts: "organi" covers "organised", "organized", "organizovan".
 */

const wordStarts = (stems: string[]) => new RegExp(`(?<![a-z0-9])(?:${stems.join('|')})`, 'u');

/** Verbs and nouns of holding an event. */
const eventWords = wordStarts([
  'held',
  'hold',
  'organi[sz]',
  'took place',
  'takes? place',
  'taking place',
  'open',
  'gather',
  'host',
  'present',
  'welcom',
  'invit',
  'attend',
  'participat',
  'celebrat',
  'launch',
  'event',
  'odrz',
  'otvor',
  'okupi',
  'ugost',
  'predstav',
  'pozi',
  'ucestv',
  'prisustv',
]);

/** Kinds of event; a sentence naming the kind the title names is about the item's event. */
const topics: [string, RegExp][] = [
  ['info day', wordStarts(['info[ -]?da[yn]', 'info[ -]?sessio', 'informativn'])],
  ['training', wordStarts(['training', 'trening', 'obuk', 'course', 'kurs'])],
  ['workshop', wordStarts(['workshop', 'radionic'])],
  ['conference', wordStarts(['conferenc', 'konferenc', 'forum', 'summit', 'symposi', 'simpozij'])],
  ['fashion show', wordStarts(['fashion', 'show', 'modn', 'revij'])],
  ['assembly', wordStarts(['assembl', 'skupstin', 'general meeting'])],
  ['meeting', wordStarts(['meeting', 'sastan', 'round[ -]?table', 'okrugl'])],
  ['visit', wordStarts(['visit', 'study tour', 'poset', 'posjet'])],
  ['seminar', wordStarts(['seminar', 'lecture', 'predavanj', 'webinar'])],
  ['fair', wordStarts(['fair', 'sajam', 'sajm', 'exhibition', 'izlozb', 'b2b', 'bazaar'])],
  [
    'ceremony',
    wordStarts([
      'ceremon',
      'award',
      'nagrad',
      'promoti',
      'promocij',
      'presentation',
      'prezentacij',
    ]),
  ],
  ['festival', wordStarts(['festival', 'manifestacij', 'celebration', 'proslav'])],
  ['competition', wordStarts(['competition', 'contest', 'takmicenj', 'konkurs'])],
  ['networking', wordStarts(['networking', 'matchmaking', 'brokerage'])],
];

/**
 * Close before a date, these make it a date in passing: a deadline, a project's period, an
 * earlier or a later meeting. Only the text between the previous date and this one counts, so
 * "apply by 15 November" does not taint "the training on 19 November" after it.
 */
const passingBefore = wordStarts([
  'deadline',
  'apply',
  'applica',
  'submi',
  'due',
  'until',
  'till',
  'no later than',
  'not later than',
  'runs? from',
  'running from',
  'period',
  'duration',
  'lasts? from',
  'project (?:started|began|starts|begins|runs|will run|ends|ended|is implemented)',
  'implementation',
  'last (?:year|month|week|time)',
  'previous',
  'earlier',
  'already',
  'next',
  'again',
  'kick[ -]?off',
  'after the',
  'after a',
  'since',
  'had been',
  'expir',
  'closing date',
  'confirm',
  'rsvp',
  'publish',
  'posted',
  'updated',
  'objavljen',
  'rok',
  'prijav',
  'najkasnije',
  'traje',
  'prosl(?:e|og|ih|u|a) ',
  'ranij',
  'prethodn',
  'sledec',
  'naredn',
  'ponovo',
  'nakon',
]);

/** Right after a date: "15 November is the deadline", "2 October, when the project started". */
const passingAfter = wordStarts([
  'is the deadline',
  'deadline',
  'ago',
  'when the project',
  'kick[ -]?off',
  'rok',
]);

export function hasEventWords(text: string): boolean {
  return eventWords.test(foldText(text)) || topicsOf(text).size > 0;
}

export function topicsOf(text: string): Set<string> {
  const folded = foldText(text);
  return new Set(topics.filter(([, pattern]) => pattern.test(folded)).map(([topic]) => topic));
}

// "by 30 November", Serbian "do 30.11.": a limit, when it comes right before the date.
const limit = /(?<![a-z])(?:by|before|do)\s+(?:the\s+)?$/u;

export function isPassing(before: string, after: string): boolean {
  const folded = foldText(before);
  return passingBefore.test(folded) || limit.test(folded) || passingAfter.test(foldText(after));
}
