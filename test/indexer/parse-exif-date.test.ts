import { describe, expect, it } from 'vitest';
import {
  normaliseOffset,
  parseExifDate,
  parseIptcDate,
  wallClockOfInstant,
} from '../../electron/indexer/parse-exif-date';

describe('parseExifDate', () => {
  it('reads EXIF and XMP dates as the wall-clock time written in the file', () => {
    expect(parseExifDate('2015:11:28 18:03:12')).toEqual({
      local: '2015-11-28T18:03:12',
      offset: null,
    });
    expect(parseExifDate('2015-11-28T18:03:12.25+01:00')).toEqual({
      local: '2015-11-28T18:03:12.250',
      offset: '+01:00',
    });
    expect(parseExifDate('2013-07-05T03:18:27Z')).toEqual({
      local: '2013-07-05T03:18:27',
      offset: '+00:00',
    });
    expect(parseExifDate('2015:11:28 18:03:12\u0000')).toEqual({
      local: '2015-11-28T18:03:12',
      offset: null,
    });
  });

  it('adds EXIF sub-seconds and offsets given separately', () => {
    expect(parseExifDate('2009:06:24 09:41:07', '72', '+02:00')).toEqual({
      local: '2009-06-24T09:41:07.720',
      offset: '+02:00',
    });
    expect(parseExifDate('2009:06:24 09:41:07', '000', null)).toEqual({
      local: '2009-06-24T09:41:07',
      offset: null,
    });
  });

  it('treats zero, blank and impossible dates as no date', () => {
    for (const value of [
      '0000:00:00 00:00:00',
      '    :  :     :  :  ',
      '',
      '2015:02:30 10:00:00',
      '2015:13:01 10:00:00',
      '2015:11:28 25:00:00',
      'yesterday',
      undefined,
      42,
    ]) {
      expect(parseExifDate(value)).toBeNull();
    }
  });

  it('reads IPTC dates and times', () => {
    expect(parseIptcDate('20151128', '180312+0100')).toEqual({
      local: '2015-11-28T18:03:12',
      offset: '+01:00',
    });
    expect(parseIptcDate('20151128', undefined)).toEqual({
      local: '2015-11-28T00:00:00',
      offset: null,
    });
    expect(parseIptcDate('00000000', undefined)).toBeNull();
  });

  it('normalises offsets and refuses impossible ones', () => {
    expect(normaliseOffset('+0100')).toBe('+01:00');
    expect(normaliseOffset('-05:30')).toBe('-05:30');
    expect(normaliseOffset('+25:00')).toBeNull();
    expect(normaliseOffset('   ')).toBeNull();
  });

  it('turns a file time into local time with the offset in force then', () => {
    const clock = wallClockOfInstant(Date.UTC(2015, 10, 28, 17, 3, 12));
    const [sign, hh, mm] = [
      clock.offset![0],
      Number(clock.offset!.slice(1, 3)),
      Number(clock.offset!.slice(4)),
    ];
    const minutes = (sign === '-' ? -1 : 1) * (hh * 60 + mm);
    const asUtc = Date.parse(`${clock.local}Z`) - minutes * 60_000;
    expect(asUtc).toBe(Date.UTC(2015, 10, 28, 17, 3, 12));
  });
});
