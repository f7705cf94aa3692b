import { levelForFile } from '../../shared/catalog/tag-levels';
import { createHash } from 'node:crypto';
import { createdParts, present, type EmbeddedFields } from './embedded-fields';

// The largest value a JPEG segment's length field holds; the whole segment is kept within it.
const MAX_SEGMENT_BYTES = 0xffff;
const SEGMENT_HEADER = 4; // FF ED + length
const PHOTOSHOP_ID = Buffer.from('Photoshop 3.0\0', 'latin1');
const RESOURCE_HEADER = 12; // '8BIM', id, empty Pascal name padded to 2, size
const DIGEST_RESOURCE = RESOURCE_HEADER + 16;

// Byte limits from IIM 4.2; readers (and exiftool's validator) expect values to respect them.
const LIMITS = {
  objectName: 64,
  keyword: 64,
  byLine: 32,
  city: 32,
  subLocation: 32,
  country: 64,
  credit: 32,
  copyright: 128,
  caption: 2000,
} as const;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * UTF-8 bytes of `text`, cut to `maxBytes` between user-perceived characters, so a cut never
 * leaves a broken byte sequence or a letter without its combining accent.
 */
function utf8Within(text: string, maxBytes: number): Buffer {
  const whole = Buffer.from(text, 'utf8');
  if (whole.length <= maxBytes) return whole;
  let bytes = 0;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    bytes += Buffer.byteLength(segment, 'utf8');
    if (bytes > maxBytes) break;
    end = index + segment.length;
  }
  return Buffer.from(text.slice(0, end), 'utf8');
}

function dataset(record: number, number: number, value: Buffer): Buffer {
  const head = Buffer.from([0x1c, record, number, 0, 0]);
  head.writeUInt16BE(value.length, 3);
  return Buffer.concat([head, value]);
}

function textDataset(number: number, value: string | null, maxBytes: number): Buffer | null {
  const v = present(value);
  if (v == null) return null;
  const bytes = utf8Within(v, maxBytes);
  return bytes.length > 0 ? dataset(2, number, bytes) : null;
}

function resource(id: number, data: Buffer): Buffer {
  const head = Buffer.alloc(RESOURCE_HEADER);
  head.write('8BIM', 0, 'latin1');
  head.writeUInt16BE(id, 4);
  head.writeUInt32BE(data.length, 8);
  // Resource data is padded to an even length; the size field does not count the pad.
  return Buffer.concat([head, data, Buffer.alloc(data.length % 2)]);
}

/** 2:55 'YYYYMMDD' and 2:60 'HHMMSS±HHMM'. */
function dateDatasets(fields: EmbeddedFields): Buffer[] {
  const parts = createdParts(fields);
  if (!parts) return [];
  const out = [dataset(2, 55, Buffer.from(parts.date.replaceAll('-', ''), 'latin1'))];
  // IIM requires the offset in 2:60, and '+0000' for an unknown one would claim UTC; without it
  // the time is left to the XMP, which can say "local time, offset unknown".
  if (parts.time && parts.offset) {
    const time = parts.time.replaceAll(':', '') + parts.offset.replace(':', '');
    out.push(dataset(2, 60, Buffer.from(time, 'latin1')));
  }
  return out;
}

/**
 * A complete JPEG APP13 segment holding IPTC-IIM for `fields`, with the IPTC digest that tells
 * Photoshop, Lightroom and exiftool the IIM agrees with the XMP written beside it; null when no
 * field has a value. Keywords that would push the segment past 64 KiB are left out (the XMP
 * still carries them all).
 */
export function iptcSegment(fields: EmbeddedFields): Buffer | null {
  const maybe = (d: Buffer | null): Buffer[] => (d ? [d] : []);
  const before = maybe(textDataset(5, fields.title, LIMITS.objectName));
  const after = [
    ...dateDatasets(fields),
    ...maybe(textDataset(80, fields.creator, LIMITS.byLine)),
    ...maybe(textDataset(90, fields.city, LIMITS.city)),
    ...maybe(textDataset(92, fields.venue, LIMITS.subLocation)),
    ...maybe(textDataset(101, fields.country, LIMITS.country)),
    ...maybe(textDataset(110, fields.credit, LIMITS.credit)),
    ...maybe(textDataset(116, fields.copyright, LIMITS.copyright)),
    ...maybe(textDataset(120, fields.caption, LIMITS.caption)),
  ];
  const allKeywords = fields.keywords
    .map((k) => textDataset(25, levelForFile(k), LIMITS.keyword))
    .filter((d): d is Buffer => d != null);
  if (before.length + after.length + allKeywords.length === 0) return null;

  // ESC % G declares UTF-8; without it readers guess Latin-1 and garble Cyrillic and diacritics.
  const envelope = [
    dataset(1, 90, Buffer.from([0x1b, 0x25, 0x47])),
    dataset(2, 0, Buffer.from([0x00, 0x04])),
  ];
  const fixedBytes = [...envelope, ...before, ...after].reduce((n, d) => n + d.length, 0);
  // One byte is kept for the pad an odd-length IIM block needs.
  let room =
    MAX_SEGMENT_BYTES -
    SEGMENT_HEADER -
    PHOTOSHOP_ID.length -
    RESOURCE_HEADER -
    DIGEST_RESOURCE -
    1 -
    fixedBytes;
  const keywords: Buffer[] = [];
  for (const k of allKeywords) {
    if (k.length > room) break;
    keywords.push(k);
    room -= k.length;
  }

  const iim = Buffer.concat([...envelope, ...before, ...keywords, ...after]);
  const digest = createHash('md5').update(iim).digest();
  const body = Buffer.concat([PHOTOSHOP_ID, resource(0x0404, iim), resource(0x0425, digest)]);
  const head = Buffer.from([0xff, 0xed, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

const isLeadingApp = (marker: number) => marker >= 0xe0 && marker <= 0xe2;

/**
 * `jpeg` with `segment` inserted after SOI and any leading APP0–APP2 segments (JFIF, EXIF, XMP,
 * ICC), where Photoshop puts APP13 and where readers that stop early still reach it.
 */
export function insertJpegSegment(jpeg: Buffer, segment: Buffer): Buffer {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) {
    throw new Error('insertJpegSegment: the buffer is not a JPEG (it does not start with SOI)');
  }
  if (segment.length < 4 || segment[0] !== 0xff || segment.readUInt16BE(2) !== segment.length - 2) {
    throw new Error('insertJpegSegment: the segment is not a marker with a matching length');
  }
  let pos = 2;
  while (pos + 4 <= jpeg.length && jpeg[pos] === 0xff && isLeadingApp(jpeg[pos + 1]!)) {
    const length = jpeg.readUInt16BE(pos + 2);
    if (length < 2 || pos + 2 + length > jpeg.length) {
      throw new Error(`insertJpegSegment: truncated JPEG segment at byte ${pos}`);
    }
    pos += 2 + length;
  }
  if (pos + 2 > jpeg.length || jpeg[pos] !== 0xff) {
    throw new Error(`insertJpegSegment: no JPEG marker at byte ${pos}`);
  }
  return Buffer.concat([jpeg.subarray(0, pos), segment, jpeg.subarray(pos)]);
}
