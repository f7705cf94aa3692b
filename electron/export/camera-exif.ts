import type { CameraFields } from './metadata-policy';

type Ifd = Record<string, string>;

/** EXIF rationals as libexif parses them from text ("1/250", "56/10"). */
function rational(value: number, denominator = 10): string {
  return `${Math.round(value * denominator)}/${denominator}`;
}

function exposure(seconds: number): string {
  if (seconds >= 1) return rational(seconds);
  return `1/${Math.round(1 / seconds)}`;
}

// EXIF keeps dates as "2015:11:19 10:15:30"; the catalog as ISO wall-clock text.
const exifDate = (iso: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(iso)
    ? iso.slice(0, 19).replace(/-/g, ':').replace('T', ' ')
    : null;

/**
 * The camera's settings as sharp's `withExif` takes them: a fresh EXIF block with only these
 * tags, rather than the original's with tags removed, so nothing unlisted (GPS, serial
 * numbers, the owner's name, maker notes) can come along. EXIF text is ASCII: libexif
 * transliterates the rest; the XMP packet carries names as typed.
 */
export function cameraExif(c: CameraFields): { IFD0: Ifd; IFD2: Ifd } | null {
  const ifd0: Ifd = {};
  const ifd2: Ifd = {};
  if (c.make) ifd0.Make = c.make;
  if (c.model) ifd0.Model = c.model;
  if (c.creator) ifd0.Artist = c.creator;
  if (c.copyright) ifd0.Copyright = c.copyright;
  const taken = c.takenAt && exifDate(c.takenAt);
  if (taken) ifd2.DateTimeOriginal = taken;
  if (c.exposureTime && c.exposureTime > 0) ifd2.ExposureTime = exposure(c.exposureTime);
  if (c.fNumber) ifd2.FNumber = rational(c.fNumber);
  if (c.iso) ifd2.ISOSpeedRatings = String(c.iso);
  if (c.focalLength) ifd2.FocalLength = rational(c.focalLength);
  if (c.lens) ifd2.LensModel = c.lens;
  // The pixels were converted to sRGB whatever the original's profile was.
  ifd2.ColorSpace = '1';
  return Object.keys(ifd0).length + Object.keys(ifd2).length > 1
    ? { IFD0: ifd0, IFD2: ifd2 }
    : null;
}
