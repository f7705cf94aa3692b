import { describe, expect, it } from 'vitest';
import {
  fillTemplate,
  parseTemplate,
  templateVariables,
  type CaptionContext,
} from '../../shared/caption/template';

const photo: CaptionContext = {
  takenAt: '2015-11-28T09:05:07.250',
  fileName: 'DSC_2208.JPG',
  seq: 7,
  event: 'Fashion show',
  eventStartsOn: '2015-11-28',
  eventEndsOn: null,
  city: 'Štip',
  venue: 'Cultural centre',
  project: 'Youth Crafts',
  organiser: 'Ana Petrova',
  people: ['Marija', 'Goran'],
  camera: 'NIKON D750',
};

function fill(template: string, changes: Partial<CaptionContext> = {}): string {
  const parsed = parseTemplate(template);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return fillTemplate(parsed.template, { ...photo, ...changes });
}

function errorOf(template: string): string {
  const parsed = parseTemplate(template);
  if (parsed.ok) throw new Error(`${template} parsed`);
  expect(parsed.error.code).toBe('INVALID_INPUT');
  return parsed.error.message;
}

const none = {
  event: null,
  venue: null,
  city: null,
  project: null,
  organiser: null,
  camera: null,
  people: [],
};

describe('fillTemplate', () => {
  it('fills every variable', () => {
    expect(fill('{event}, {city}, {date:d.M.yyyy}. Photo: {seq}')).toBe(
      'Fashion show, Štip, 28.11.2015. Photo: 7',
    );
    expect(fill('{event-date} {venue} | {project} | {organiser}')).toBe(
      '28.11.2015 Cultural centre | Youth Crafts | Ana Petrova',
    );
    expect(fill('{people} · {filename} · {camera} · {date}')).toBe(
      'Marija, Goran · DSC_2208.JPG · NIKON D750 · 28.11.2015',
    );
  });

  it('lists the variables for help, and each of them parses', () => {
    expect(templateVariables).toEqual([
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
    ]);
    for (const name of templateVariables) expect(parseTemplate(`{${name}}`).ok).toBe(true);
  });

  it('passes Cyrillic and Latin text through unchanged', () => {
    expect(fill('{event} – {city}, {people}', { event: 'Модна ревија', city: 'Штип' })).toBe(
      'Модна ревија – Штип, Marija, Goran',
    );
  });

  it('formats the capture time token by token from the wall-clock text', () => {
    expect(fill('{date:yyyy-MM-dd HH:mm:ss}')).toBe('2015-11-28 09:05:07');
    expect(fill('{date:d/M/yy H}')).toBe('28/11/15 9');
    expect(fill('{date:dd.MM.}', { takenAt: '2016-01-02T23:59:59+01:00' })).toBe('02.01.');
    expect(fill('{date:d.M.yyyy HH:mm}', { takenAt: '2016-01-02' })).toBe('2.1.2016 00:00');
    expect(fill("{date:'Taken at' H'h'}")).toBe('Taken at 9h');
    expect(fill("{date:d ''MM''}")).toBe("28 '11'");
    expect(fill("{date:'It''s' yyyy}")).toBe("It's 2015");
    expect(fill('{event}, {date}', { takenAt: '' })).toBe('Fashion show');
  });

  it('pads the sequence number to the width given', () => {
    expect(fill('{seq:03}')).toBe('007');
    expect(fill('{seq:3}')).toBe('007');
    expect(fill('{seq:2}', { seq: 123 })).toBe('123');
    expect(fill('{seq}', { seq: 42 })).toBe('42');
  });
});

describe('{event-date}', () => {
  const range = (from: string, to: string | null, template = '{event-date}') =>
    fill(template, { eventStartsOn: from, eventEndsOn: to });

  it('writes one day, and a range as short as the office writes it', () => {
    expect(range('2015-11-28', null)).toBe('28.11.2015');
    expect(range('2015-11-28', '2015-11-28')).toBe('28.11.2015');
    expect(range('2015-11-19', '2015-11-20')).toBe('19–20.11.2015');
    expect(range('2015-11-30', '2015-12-02')).toBe('30.11.–2.12.2015');
    expect(range('2015-12-30', '2016-01-02')).toBe('30.12.2015–2.1.2016');
  });

  it('formats both ends with a format, and one when they read the same', () => {
    expect(range('2015-11-19', '2015-11-20', '{event-date:dd.MM.yyyy}')).toBe(
      '19.11.2015–20.11.2015',
    );
    expect(range('2015-11-19', '2015-11-20', '{event-date:yyyy}')).toBe('2015');
    expect(range('2015-12-30', '2016-01-02', '{event-date:yyyy}')).toBe('2015–2016');
    expect(range('2015-11-28', null, '{event-date:d. M.}')).toBe('28. 11.');
  });

  it('is empty without an event', () => {
    expect(fill('{event-date}, {city}', { eventStartsOn: null, eventEndsOn: null })).toBe('Štip');
  });
});

describe('missing values', () => {
  it('leave no doubled or dangling separators', () => {
    const template = '{event}, {venue}, {city}';
    expect(fill(template, { venue: null })).toBe('Fashion show, Štip');
    expect(fill(template, { event: '', venue: undefined })).toBe('Štip');
    expect(fill(template, { city: null })).toBe('Fashion show, Cultural centre');
    expect(fill(template, none)).toBe('');
    expect(fill('{event}; {venue}; {city}', { venue: null })).toBe('Fashion show; Štip');
    expect(fill('{event} - {venue} - {city}', { venue: null })).toBe('Fashion show - Štip');
    expect(fill('{event} / {project} / {city}', { project: null })).toBe('Fashion show / Štip');
    expect(fill('{camera} · {people} · {seq}', none)).toBe('7');
    expect(fill('{event} | {organiser} – {city}', { organiser: null })).toBe('Fashion show | Štip');
  });

  it('collapse the spaces they leave and trim the caption', () => {
    expect(fill('  {event}  {venue} {city} ', { venue: null })).toBe('Fashion show Štip');
    expect(fill('{people}', { people: ['Marija', '', 'Goran'] })).toBe('Marija, Goran');
    expect(fill('{people}', { people: undefined })).toBe('');
  });

  it('keep separators that stand between values', () => {
    expect(fill('{event} – {city}', { event: 'Cluster-House', city: 'Ниш' })).toBe(
      'Cluster-House – Ниш',
    );
  });
});

describe('escapes', () => {
  it('reads doubled braces as braces', () => {
    expect(fill('{{event}} is {event}')).toBe('{event} is Fashion show');
    expect(fill('{{{event}}}')).toBe('{Fashion show}');
    expect(fill('}} {{')).toBe('} {');
  });
});

describe('parseTemplate errors', () => {
  it('names an unknown variable and lists the known ones', () => {
    expect(errorOf('{evnt}, {city}')).toBe(
      'Unknown variable {evnt} in the template. Use one of: {event}, {date}, {event-date}, ' +
        '{city}, {venue}, {project}, {organiser}, {people}, {seq}, {filename}, {original}, ' +
        '{title}, {camera}, {event-slug}.',
    );
    expect(errorOf('{Event:x}')).toMatch(/^Unknown variable \{Event\}/);
  });

  it('names the variable and the bad date token', () => {
    const message = errorOf('{date:DD.MM.YYYY}');
    expect(message).toContain('{date:DD.MM.YYYY}');
    expect(message).toContain('"DD"');
    expect(errorOf('{event-date:d.M.yyy}')).toContain('"yyy" in {event-date:d.M.yyy}');
    expect(errorOf('{date:d at H}')).toContain('"a" in {date:d at H}');
    expect(errorOf("{date:d 'at}")).toContain('Unclosed quote');
    expect(errorOf('{date:}')).toContain('Empty format in {date:}');
  });

  it('finds an unclosed { and a stray }', () => {
    expect(errorOf('{event}, {city')).toBe(
      'Unclosed { at character 10 of the template. Write {{ for a brace in the caption.',
    );
    expect(errorOf('{event {city}')).toContain('Unclosed { at character 1');
    expect(errorOf('{event}}')).toBe(
      'Unmatched } at character 8 of the template. Write }} for a brace in the caption.',
    );
    expect(errorOf('city}')).toContain('Unmatched } at character 5');
  });

  it('refuses an argument on a variable that takes none, and a bad width', () => {
    expect(errorOf('{city:x}')).toBe('{city} takes no format, but the template has {city:x}.');
    expect(errorOf('{people:}')).toContain('{people} takes no format');
    expect(errorOf('{seq:x}')).toContain('{seq:x} needs a width in digits');
    expect(errorOf('{seq:123}')).toContain('{seq:123}');
  });
});
