/**
 * Metadata strings arrive in many shapes: XMP language alternatives, arrays, Windows UCS-2 byte
 * arrays, NUL-padded ASCII, and IPTC bytes in whatever encoding the writer chose.
 */

/** Trimmed text with NULs removed, or null when nothing is left. */
export function cleanText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  // exifr reads the XMP text "True" as a boolean; as text, it is XMP's own spelling.
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value !== 'string') return null;
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/\u0000/g, '').trim();
  return text ? text : null;
}

/**
 * An EXIF ASCII value as exiftool reads it: up to its first NUL. Cameras write the model into a
 * fixed-size field and leave what the buffer held after the terminator ("ION230\0F"); exifr
 * keeps those bytes, and removing only the NULs would join them to the name.
 */
export function exifText(value: unknown): string | null {
  if (typeof value !== 'string') return cleanText(value);
  const nul = value.indexOf('\u0000');
  return cleanText(nul < 0 ? value : value.slice(0, nul));
}

/** An XMP value that may be a language alternative ({lang, value}), a list, or plain text. */
export function xmpText(value: unknown): string | null {
  if (value == null) return null;
  if (Array.isArray(value)) {
    const items = value as unknown[];
    const preferred = items.find((v) => isLangAlt(v) && v.lang === 'x-default') ?? items[0];
    return xmpText(preferred);
  }
  const text = cleanText(isLangAlt(value) ? value.value : value);
  return text && text.includes('&') ? cleanText(decodeXmlEntities(text)) : text;
}

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** exifr hands XMP text over with XML character references still in it ("May 1914&#xA;Jeanne"). */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return namedEntities[ref.toLowerCase()] ?? whole;
    const code =
      ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** An XMP bag or sequence (or a single value) as a list of texts. */
export function xmpList(value: unknown): string[] {
  if (value == null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map(xmpText).filter((v): v is string => v != null);
}

function isLangAlt(value: unknown): value is { lang: string; value: unknown } {
  return typeof value === 'object' && value !== null && 'lang' in value && 'value' in value;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
// Node 20's TextDecoder treats 'windows-1252' as ISO-8859-1 and leaves 0x80–0x9F as C1
// controls, so the bytes where Windows-1252 keeps š, ž, Š, Ž, €, quotes and dashes are mapped here.
const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes)
    out += b >= 0x80 && b <= 0x9f ? cp1252High[b - 0x80] : String.fromCharCode(b);
  return out;
}

/**
 * IPTC IIM text as exifr hands it over: one character per byte. Most tools write UTF-8 (with or
 * without saying so in record 1:90); older ones wrote Windows code pages. Valid UTF-8 is taken
 * as UTF-8, anything else as Windows-1252, which is what exiftool assumes too.
 */
export function iptcText(value: unknown): string | null {
  if (typeof value !== 'string') return cleanText(value);
  if (!/[\u0080-\u00ff]/.test(value)) return cleanText(value);
  const bytes = Buffer.from(value, 'latin1');
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    decoded = decodeWindows1252(bytes);
  }
  return cleanText(decoded);
}

export function iptcList(value: unknown): string[] {
  if (value == null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map(iptcText).filter((v): v is string => v != null);
}

/** Windows Explorer's XP* tags: UCS-2 little-endian bytes. */
export function ucs2Text(value: unknown): string | null {
  if (!(value instanceof Uint8Array)) return cleanText(value);
  const even = value.subarray(0, value.length - (value.length % 2));
  return cleanText(Buffer.from(even).toString('utf16le'));
}

/** First non-null of several candidates, in priority order. */
export function first<T>(...values: (T | null | undefined)[]): T | null {
  for (const v of values) if (v != null) return v;
  return null;
}

/** Case-insensitive de-duplication that keeps the first spelling and the order. */
export function uniqueTexts(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const key = v.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}

/** A list, or null when it is empty: for `??` chains that take the first source with values. */
export function nonEmpty<T>(list: T[]): T[] | null {
  return list.length ? list : null;
}

/** Keyword paths ('Place|Niš', 'Place/Niš') split into their levels, empty levels dropped. */
export function splitPaths(values: string[], separator: string): string[][] {
  return values
    .map((v) =>
      v
        .split(separator)
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .filter((p) => p.length > 0);
}
