/** At most `digits` decimals, without trailing zeros: 4 → "4", 3.5 → "3.5". */
const trimmed = (x: number, digits: number) => String(Number(x.toFixed(digits)));

/** 1/160 s for fractions of a second; decimal seconds when they are not a clean fraction. */
export function formatExposure(seconds: number): string {
  if (seconds >= 1) return `${trimmed(seconds, 1)} s`;
  const denominator = 1 / seconds;
  const whole = Math.round(denominator);
  return Math.abs(denominator - whole) / denominator < 0.02
    ? `1/${whole} s`
    : `${trimmed(seconds, 3)} s`;
}

export const formatFNumber = (f: number) => `f/${trimmed(f, 1)}`;

export const formatFocalLength = (mm: number) => `${trimmed(mm, 2)} mm`;

/** Six decimals of a degree is about 10 cm: every digit a GPS can mean. */
export const formatCoordinate = (degrees: number) => degrees.toFixed(6);

export const formatAltitude = (metres: number) => `${trimmed(metres, 1)} m`;

const units = ['KB', 'MB', 'GB'];

export function formatFileSize(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} bytes`;
  if (bytes < 1024) return exact;
  let size = bytes / 1024;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit++;
  }
  return `${trimmed(size, 1)} ${units[unit]} (${exact})`;
}

const orientations: Record<number, string> = {
  1: 'normal',
  2: 'mirrored',
  3: 'rotated 180°',
  4: 'mirrored vertically',
  5: 'mirrored, rotated 90° counter-clockwise',
  6: 'rotated 90° clockwise',
  7: 'mirrored, rotated 90° clockwise',
  8: 'rotated 90° counter-clockwise',
};

export const formatOrientation = (o: number) =>
  orientations[o] ? `${o} (${orientations[o]})` : String(o);

export function formatRating(rating: number): string {
  if (rating < 0) return `Rejected (${rating})`;
  const stars = Math.min(rating, 5);
  return `${'★'.repeat(stars)}${'☆'.repeat(5 - stars)} (${rating})`;
}
