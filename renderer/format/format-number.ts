const countFormat = new Intl.NumberFormat();

/** A count for people to read: grouped the way their locale groups digits. */
export const formatCount = (n: number) => countFormat.format(n);

/** "1 event" / "12 events". */
export const countOf = (n: number, noun: string) =>
  `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;

/** "1 photo" / "12 photos". */
export const photoCount = (n: number) => countOf(n, 'photo');

/** Seconds as m:ss (h:mm:ss past an hour). */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}
