/** The number written at text[from, from + length) in ASCII digits, or NaN. */
function digits(text: string, from: number, length: number): number {
  let n = 0;
  for (let i = from; i < from + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/**
 * A local wall-clock time, 'YYYY-MM-DDTHH:MM(:SS(.fff))' with no zone, as milliseconds on a
 * zone-free scale for measuring gaps. Reading it as UTC keeps the machine's zone (and its
 * daylight-saving jumps) out: 18:00 to 21:00 is three hours on every computer. NaN when the
 * text is not such a time. Read by hand, not by regular expression: it runs once per photo of
 * the whole catalog.
 */
export function wallClockMs(text: string): number {
  const n = text.length;
  if (n !== 16 && n < 19) return NaN;
  const t = text[10];
  if (text[4] !== '-' || text[7] !== '-' || (t !== 'T' && t !== ' ') || text[13] !== ':')
    return NaN;
  let seconds = 0;
  let ms = 0;
  if (n > 16) {
    if (text[16] !== ':') return NaN;
    seconds = digits(text, 17, 2);
    if (n > 19) {
      if (text[19] !== '.' || n === 20) return NaN;
      // Only milliseconds count; further digits are checked but dropped.
      const width = Math.min(n - 20, 3);
      ms = digits(text, 20, width) * 10 ** (3 - width);
      if (n > 23 && Number.isNaN(digits(text, 23, n - 23))) return NaN;
    }
  }
  return Date.UTC(
    digits(text, 0, 4),
    digits(text, 5, 2) - 1,
    digits(text, 8, 2),
    digits(text, 11, 2),
    digits(text, 14, 2),
    seconds,
    ms,
  );
}
