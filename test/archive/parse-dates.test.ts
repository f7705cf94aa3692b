import { describe, expect, it } from 'vitest';
import {
  completeYear,
  isoDay,
  parseDates,
  type DateMention,
  type PartialDate,
} from '../../electron/archive/parse-dates';

const d = (year: number | null, month: number, day: number): PartialDate => ({ year, month, day });

/** The one mention in `text`, as [text, start, end]. */
function one(text: string): [string, PartialDate, PartialDate | null] {
  const mentions = parseDates(text);
  expect(mentions).toHaveLength(1);
  const m = mentions[0] as DateMention;
  expect(text.slice(m.index, m.index + m.length)).toBe(m.text);
  return [m.text, m.startsOn, m.endsOn];
}

describe('parseDates', () => {
  it('reads Serbian numeric dates', () => {
    expect(one('28.11.2015')).toEqual(['28.11.2015', d(2015, 11, 28), null]);
    expect(one('28. 11. 2015')).toEqual(['28. 11. 2015', d(2015, 11, 28), null]);
    expect(one('1.3.2015')).toEqual(['1.3.2015', d(2015, 3, 1), null]);
  });

  it('keeps the Serbian dot after the year, not a full stop', () => {
    expect(one('održana 28.11.2015. godine')).toEqual(['28.11.2015.', d(2015, 11, 28), null]);
    expect(one('It was held on 28.11.2015. The show')).toEqual([
      '28.11.2015',
      d(2015, 11, 28),
      null,
    ]);
    expect(one('28.11.2015.')).toEqual(['28.11.2015', d(2015, 11, 28), null]);
  });

  it('reads numeric ranges within and across months', () => {
    const nov19to20 = [d(2015, 11, 19), d(2015, 11, 20)];
    expect(one('19 - 20.11.2015')).toEqual(['19 - 20.11.2015', ...nov19to20]);
    expect(one('19-20.11.2015')).toEqual(['19-20.11.2015', ...nov19to20]);
    expect(one('19.-20.11.2015.')).toEqual(['19.-20.11.2015', ...nov19to20]);
    expect(one('30.11 - 2.12.2015')).toEqual([
      '30.11 - 2.12.2015',
      d(2015, 11, 30),
      d(2015, 12, 2),
    ]);
    expect(one('30.12 - 2.1.2016')).toEqual(['30.12 - 2.1.2016', d(2015, 12, 30), d(2016, 1, 2)]);
  });

  it('reads English dates', () => {
    expect(one('28th of December, 2017')).toEqual([
      '28th of December, 2017',
      d(2017, 12, 28),
      null,
    ]);
    expect(one('28 December 2017')).toEqual(['28 December 2017', d(2017, 12, 28), null]);
    expect(one('December 28, 2017')).toEqual(['December 28, 2017', d(2017, 12, 28), null]);
    expect(one('on Dec. 28 2017')).toEqual(['Dec. 28 2017', d(2017, 12, 28), null]);
    expect(one('2015-11-28')).toEqual(['2015-11-28', d(2015, 11, 28), null]);
  });

  it('reads English dates without a year, leaving the full stop out', () => {
    expect(one('December 2nd')).toEqual(['December 2nd', d(null, 12, 2), null]);
    expect(one('on 2nd December.')).toEqual(['2nd December', d(null, 12, 2), null]);
    expect(one('on 29 February')).toEqual(['29 February', d(null, 2, 29), null]);
  });

  it('reads English ranges', () => {
    const nov19to20 = [d(2015, 11, 19), d(2015, 11, 20)];
    expect(one('19-20 November 2015')).toEqual(['19-20 November 2015', ...nov19to20]);
    expect(one('November 19-20, 2015')).toEqual(['November 19-20, 2015', ...nov19to20]);
    expect(one('19th to 20th of November')).toEqual([
      '19th to 20th of November',
      d(null, 11, 19),
      d(null, 11, 20),
    ]);
    expect(one('30 November – 2 December 2015')).toEqual([
      '30 November – 2 December 2015',
      d(2015, 11, 30),
      d(2015, 12, 2),
    ]);
    expect(one('November 30 - December 2, 2015')).toEqual([
      'November 30 - December 2, 2015',
      d(2015, 11, 30),
      d(2015, 12, 2),
    ]);
  });

  it('joins two dates with "to" or "until" into one range', () => {
    expect(one('runs from 1.3.2015 to 31.8.2016')).toEqual([
      '1.3.2015 to 31.8.2016',
      d(2015, 3, 1),
      d(2016, 8, 31),
    ]);
    expect(one('od 1.3.2015 do 31.8.2016')).toEqual([
      '1.3.2015 do 31.8.2016',
      d(2015, 3, 1),
      d(2016, 8, 31),
    ]);
  });

  it('includes a weekday before the date', () => {
    expect(one('on Friday, 28 November 2015')).toEqual([
      'Friday, 28 November 2015',
      d(2015, 11, 28),
      null,
    ]);
    expect(one('Thursday, November 19-20, 2015')[0]).toBe('Thursday, November 19-20, 2015');
  });

  it('rejects days the calendar lacks and things that are not dates', () => {
    for (const text of [
      '31.11.2015',
      '29.02.2015',
      '2015-13-01',
      '31 April 2016',
      'November 31',
      '20-19.11.2015',
      'may 20 people',
      'December 2017',
      'in 2015',
      'at 10:30',
      'March 2016',
      '',
    ])
      expect([text, parseDates(text)]).toEqual([text, []]);
    expect(one('29.2.2016')).toEqual(['29.2.2016', d(2016, 2, 29), null]);
  });

  it('returns every mention in text order with its offsets', () => {
    const text =
      'Held on 24.11.2015 in Vranje and on 25 November in Leskovac; apply by December 2nd.';
    expect(parseDates(text)).toEqual([
      { startsOn: d(2015, 11, 24), endsOn: null, index: 8, length: 10, text: '24.11.2015' },
      { startsOn: d(null, 11, 25), endsOn: null, index: 36, length: 11, text: '25 November' },
      { startsOn: d(null, 12, 2), endsOn: null, index: 70, length: 12, text: 'December 2nd' },
    ]);
  });
});

describe('completeYear and isoDay', () => {
  const mention = (text: string) => parseDates(text)[0] as DateMention;

  it('fills a missing year and leaves a given one', () => {
    expect(completeYear(mention('December 2nd'), 2017)?.startsOn).toEqual(d(2017, 12, 2));
    expect(completeYear(mention('28.11.2015'), 2017)?.startsOn).toEqual(d(2015, 11, 28));
  });

  it('ends a range that crosses New Year in the next year', () => {
    const filled = completeYear(mention('30 December - 2 January'), 2015);
    expect([filled?.startsOn, filled?.endsOn]).toEqual([d(2015, 12, 30), d(2016, 1, 2)]);
  });

  it('returns null when the year makes the day impossible', () => {
    expect(completeYear(mention('29 February'), 2015)).toBeNull();
    expect(completeYear(mention('29 February'), 2016)?.startsOn).toEqual(d(2016, 2, 29));
  });

  it('writes ISO days only for complete, real days', () => {
    expect(isoDay(d(2015, 3, 1))).toBe('2015-03-01');
    expect(isoDay(d(null, 3, 1))).toBeNull();
    expect(isoDay(d(2015, 2, 29))).toBeNull();
  });
});
