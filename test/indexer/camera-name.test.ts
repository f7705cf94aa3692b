import { describe, expect, it } from 'vitest';
import { parseCameraName } from '../../electron/indexer/camera-name';

describe('parseCameraName', () => {
  it.each([
    ['DSC_2208.JPG', 'DSC_', 2208],
    ['_DSC2208.NEF', '_DSC', 2208],
    ['IMG_5218.JPG', 'IMG_', 5218],
    ['_MG_1234.CR2', '_MG_', 1234],
    ['DSCF0001.RAF', 'DSCF', 1],
    ['DSCN0010.jpg', 'DSCN', 10],
    ['P1000123.RW2', 'P100', 123],
    ['DSC02208.ARW', 'DSC', 2208],
  ])('reads the camera counter in %s', (name, prefix, number) => {
    expect(parseCameraName(name)).toEqual({ prefix, number, timestamp: null });
  });

  it('reads the timestamp phones write into names', () => {
    expect(parseCameraName('IMG_20151128_180312.jpg')).toEqual({
      prefix: 'IMG_',
      number: 20151128180312,
      timestamp: '2015-11-28T18:03:12',
    });
    expect(parseCameraName('PXL_20231015_123456789.jpg')).toEqual({
      prefix: 'PXL_',
      number: 20231015123456,
      timestamp: '2023-10-15T12:34:56.789',
    });
    expect(parseCameraName('IMG_20180725_163423-tiny.jpg').timestamp).toBe('2018-07-25T16:34:23');
    expect(parseCameraName('IMG-20151128-WA0003.jpg')).toEqual({
      prefix: 'IMG-',
      number: 3,
      timestamp: '2015-11-28T00:00:00',
    });
  });

  it('does not take impossible dates for timestamps', () => {
    expect(parseCameraName('IMG_20151328_180312.jpg').timestamp).toBeNull();
  });

  it('falls back to a trailing counter, and to nothing', () => {
    expect(parseCameraName('Modna revija 034.jpg')).toEqual({
      prefix: 'Modna revija ',
      number: 34,
      timestamp: null,
    });
    expect(parseCameraName('poster.png')).toEqual({ prefix: null, number: null, timestamp: null });
  });
});
