/**
 * Caption templates: office staff caption a batch of event photos at once with text such as
 * `{event}, {city}, {date:d.M.yyyy}. Photo: {seq}`, filled in per photo.
 *
 * Both the Node side and the renderer import this, so it is plain TypeScript: no Node APIs and
 * no schema library. Dates are read from the wall-clock text, never through `Date`: capture
 * times carry no time zone, and a `Date` would shift them into the zone of the machine.
 */

import { slugify } from '../text/slug';

export interface CaptionContext {
  /** The photo's capture time as local wall-clock text, 'YYYY-MM-DDTHH:mm:ss' possibly with fractional seconds; may be longer (ignore the rest). */
  takenAt: string;
  fileName: string; // 'DSC_2208.JPG'
  seq: number; // 1-based position in the batch
  event?: string | null; // event title
  eventStartsOn?: string | null; // 'YYYY-MM-DD'
  eventEndsOn?: string | null; // 'YYYY-MM-DD' or null for one day
  city?: string | null; // the event's city, else the photo's (the caller decides)
  venue?: string | null;
  project?: string | null; // project names joined by the caller, or null
  organiser?: string | null;
  people?: readonly string[];
  camera?: string | null; // 'NIKON D750'
  title?: string | null; // the photo's own title
}

export type TemplateError = { code: 'INVALID_INPUT'; message: string };

const variables = [
  'event',
  'date',
  'event-date',
  'city',
  'venue',
  'project',
  'organiser',
  'people',
  'seq',
  'filename',
  'original',
  'title',
  'camera',
  'event-slug',
] as const;
type Variable = (typeof variables)[number];
type PlainVariable = Exclude<Variable, 'date' | 'event-date' | 'seq'>;

/** The variable names, for a help text / autocomplete. */
export const templateVariables: readonly string[] = variables;

type WallClock = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;

const pad = (value: number, width: number) => String(value).padStart(width, '0');

const dateTokens = {
  yyyy: (t: WallClock) => pad(t.year, 4),
  yy: (t: WallClock) => pad(t.year % 100, 2),
  M: (t: WallClock) => String(t.month),
  MM: (t: WallClock) => pad(t.month, 2),
  d: (t: WallClock) => String(t.day),
  dd: (t: WallClock) => pad(t.day, 2),
  H: (t: WallClock) => String(t.hour),
  HH: (t: WallClock) => pad(t.hour, 2),
  mm: (t: WallClock) => pad(t.minute, 2),
  ss: (t: WallClock) => pad(t.second, 2),
};
type DateToken = keyof typeof dateTokens;

type FormatPart = { text: string } | { token: DateToken };

// Plain data (no functions or classes), so a parsed template can also cross IPC.
type Part =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: PlainVariable }
  | { kind: 'date' | 'event-date'; format: readonly FormatPart[] | null }
  | { kind: 'seq'; width: number };

/** A checked template, ready to fill; build it with `parseTemplate`, do not look inside. */
export interface ParsedTemplate {
  readonly parts: readonly Part[];
}

/** Parsing stops at the first mistake; a throw carries it out of the nested parsers. */
class TemplateSyntaxError extends Error {}

function fail(message: string): never {
  throw new TemplateSyntaxError(message);
}

const knownVariables = variables.map((name) => `{${name}}`).join(', ');

// Every character falls into one alternative, so the matches cover the whole text in order.
const templatePieces = /(\{\{)|(\}\})|\{([^{}]*)\}|(\{)|(\})|([^{}]+)/g;
const formatPieces = /('')|'((?:[^']|'')*)'|(([A-Za-z])\4*)|([^'A-Za-z]+)|(')/g;

export function parseTemplate(
  text: string,
): { ok: true; template: ParsedTemplate } | { ok: false; error: TemplateError } {
  try {
    const parts: Part[] = [];
    for (const match of text.matchAll(templatePieces)) {
      const [, openEscape, closeEscape, body, lone, stray, literal] = match;
      const at = `at character ${match.index + 1} of the template`;
      if (openEscape) parts.push({ kind: 'text', text: '{' });
      else if (closeEscape) parts.push({ kind: 'text', text: '}' });
      else if (body !== undefined) parts.push(parseVariable(body));
      else if (lone) fail(`Unclosed { ${at}. Write {{ for a brace in the caption.`);
      else if (stray) fail(`Unmatched } ${at}. Write }} for a brace in the caption.`);
      else if (literal) parts.push({ kind: 'text', text: literal });
    }
    return { ok: true, template: { parts } };
  } catch (error) {
    if (!(error instanceof TemplateSyntaxError)) throw error;
    return { ok: false, error: { code: 'INVALID_INPUT', message: error.message } };
  }
}

function parseVariable(body: string): Part {
  const colon = body.indexOf(':');
  const name = colon < 0 ? body : body.slice(0, colon);
  const argument = colon < 0 ? null : body.slice(colon + 1);
  if (!(variables as readonly string[]).includes(name)) {
    fail(`Unknown variable {${name}} in the template. Use one of: ${knownVariables}.`);
  }
  const variable = name as Variable;
  if (variable === 'seq') {
    if (argument === null) return { kind: 'seq', width: 0 };
    // Two digits at most: {seq:100} is a slip of the keyboard, not a 100-digit number.
    if (!/^\d{1,2}$/.test(argument)) {
      fail(`{seq:${argument}} needs a width in digits, e.g. {seq:03} for 007.`);
    }
    return { kind: 'seq', width: Number(argument) };
  }
  if (variable === 'date' || variable === 'event-date') {
    const format = argument === null ? null : parseDateFormat(argument, variable);
    return { kind: variable, format };
  }
  if (argument !== null) {
    fail(`{${variable}} takes no format, but the template has {${variable}:${argument}}.`);
  }
  return { kind: 'value', name: variable };
}

function parseDateFormat(format: string, variable: string): FormatPart[] {
  const where = `{${variable}:${format}}`;
  if (format === '') fail(`Empty format in ${where}. Write {${variable}} or e.g. {date:d.M.yyyy}.`);
  const parts: FormatPart[] = [];
  for (const [, quote, quoted, letters, , other] of format.matchAll(formatPieces)) {
    if (quote) parts.push({ text: "'" });
    else if (quoted !== undefined) parts.push({ text: quoted.replaceAll("''", "'") });
    else if (letters) {
      if (!Object.hasOwn(dateTokens, letters)) {
        const known = Object.keys(dateTokens).join(', ');
        fail(
          `Unknown date token "${letters}" in ${where}. Use ${known}; put other text in 'single quotes'.`,
        );
      }
      parts.push({ token: letters as DateToken });
    } else if (other) parts.push({ text: other });
    else fail(`Unclosed quote in ${where}. Write '' for a quote mark.`);
  }
  return parts;
}

const defaultDateFormat = parseDateFormat('d.M.yyyy', 'date');

// Fractional seconds, an offset or anything else after the seconds is ignored.
const wallClockPattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

function wallClock(text: string | null | undefined): WallClock | null {
  const match = text ? wallClockPattern.exec(text) : null;
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  const n = (digits: string | undefined) => Number(digits ?? 0);
  return {
    year: n(year),
    month: n(month),
    day: n(day),
    hour: n(hour),
    minute: n(minute),
    second: n(second),
  };
}

function formatDate(time: WallClock, format: readonly FormatPart[]): string {
  return format
    .map((part) => ('token' in part ? dateTokens[part.token](time) : part.text))
    .join('');
}

/** The default shortens a range the way the office writes it: 19–20.11.2015, 30.11.–2.12.2015. */
function eventDate(context: CaptionContext, format: readonly FormatPart[] | null): string {
  const start = wallClock(context.eventStartsOn);
  if (!start) return '';
  const end = wallClock(context.eventEndsOn);
  const from = formatDate(start, format ?? defaultDateFormat);
  if (!end) return from;
  const to = formatDate(end, format ?? defaultDateFormat);
  // With a format, only what the format shows counts: {event-date:yyyy} of 19–20.11. is "2015".
  if (format || end.year !== start.year) return from === to ? from : `${from}–${to}`;
  if (end.month !== start.month) return `${start.day}.${start.month}.–${to}`;
  if (end.day !== start.day) return `${start.day}–${to}`;
  return from;
}

const plainValues: Record<PlainVariable, (c: CaptionContext) => string | null | undefined> = {
  event: (c) => c.event,
  city: (c) => c.city,
  venue: (c) => c.venue,
  project: (c) => c.project,
  organiser: (c) => c.organiser,
  people: (c) => c.people?.filter((person) => person !== '').join(', '),
  filename: (c) => c.fileName,
  // The file's name without its extension: exports rename "DSC_2208.JPG" to "DSC_2208.webp".
  original: (c) => c.fileName.replace(/\.[^.]*$/, ''),
  title: (c) => c.title,
  camera: (c) => c.camera,
  'event-slug': (c) => (c.event ? slugify(c.event) : null),
};

/** How a fill differs by use: file names want sortable dates ("2015-11-19"), captions not. */
export interface FillOptions {
  /** A date format for `{date}` and `{event-date}` written without one; the default d.M.yyyy. */
  dateFormat?: string;
}

function fillPart(
  part: Part,
  context: CaptionContext,
  dateFormat: readonly FormatPart[] | null,
): string {
  switch (part.kind) {
    case 'text':
      return part.text;
    case 'value':
      return plainValues[part.name](context) ?? '';
    case 'seq':
      return String(context.seq).padStart(part.width, '0');
    case 'date': {
      const time = wallClock(context.takenAt);
      return time ? formatDate(time, part.format ?? dateFormat ?? defaultDateFormat) : '';
    }
    case 'event-date':
      return eventDate(context, part.format ?? dateFormat);
  }
}

/*
 * A missing value fills as empty text, which leaves its separators behind: a photo with no
 * venue should not read "Fashion show, , Štip", nor one with no event ", Štip". So a run of
 * separators with only spaces between keeps its first, separators (and spaces) at either end
 * go, and runs of spaces become one. This tidies the whole caption, not only the gaps, which
 * keeps it predictable; the cost is that a literal "--" or "//" in a template becomes one.
 */
const separators = ',;\\-–·|/';
const doubledSeparators = new RegExp(`([${separators}])(?: *[${separators}])+`, 'g');
const danglingSeparators = new RegExp(`^[\\s${separators}]+|[\\s${separators}]+$`, 'g');

export function fillTemplate(
  template: ParsedTemplate,
  context: CaptionContext,
  options: FillOptions = {},
): string {
  const dateFormat = options.dateFormat ? parseDateFormat(options.dateFormat, 'date') : null;
  return template.parts
    .map((part) => fillPart(part, context, dateFormat))
    .join('')
    .replace(doubledSeparators, '$1')
    .replace(/ {2,}/g, ' ')
    .replace(danglingSeparators, '');
}
