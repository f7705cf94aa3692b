import { inflateSync } from 'node:zlib';
import type { WallClock } from './parse-exif-date';

/**
 * Metadata exifr does not look for, found in the bytes directly: vendors' own JPEG segments,
 * compressed XMP in PNG, IPTC that a TIFF stores under the wrong type. Everything here runs
 * only when exifr's reading came back short (no date, nothing at all, an error), never for a
 * camera JPEG that exifr reads whole.
 */

/** One JPEG marker segment before the image data: its marker byte and its payload's bounds. */
export interface JpegSegment {
  marker: number;
  start: number;
  end: number;
}

/** The marker segments from SOI up to SOS (or up to where the structure breaks). */
export function jpegSegments(buf: Uint8Array): JpegSegment[] {
  const out: JpegSegment[] = [];
  if (buf[0] !== 0xff || buf[1] !== 0xd8) return out;
  let at = 2;
  while (at + 4 <= buf.length) {
    if (buf[at] !== 0xff) break;
    const marker = buf[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = (buf[at + 2]! << 8) | buf[at + 3]!;
    if (length < 2) break;
    const end = Math.min(at + 2 + length, buf.length);
    out.push({ marker, start: at + 4, end });
    if (marker === 0xda || marker === 0xd9) break;
    at = end;
  }
  return out;
}

const latin1 = (buf: Uint8Array, start: number, end: number) =>
  Buffer.from(buf.buffer, buf.byteOffset + start, Math.max(0, end - start)).toString('latin1');

/** A segment's first bytes, where the writer names what it holds ("Exif\0\0", "ICC_PROFILE"…). */
function segmentId(buf: Uint8Array, s: JpegSegment): string {
  return latin1(buf, s.start, Math.min(s.end, s.start + 32));
}

// APPn segments whose content exifr reads (EXIF, XMP, IPTC) or which hold nothing Kadar keeps
// (JFIF, ICC profiles, multi-picture indexes, Photoshop's save-for-web quality, Adobe's colour
// transform). Any other APPn is a vendor's own (Canon's CIFF, Olympus' PictureInfo, Casio's
// QVCI, Kodak's Meta, Ricoh's RMETA…), where exiftool finds dates and camera names.
const knownSegments: [number, RegExp][] = [
  [0xe0, /^(?:JFIF|JFXX)\0/],
  [0xe1, /^(?:Exif\0\0|http:\/\/ns\.adobe\.com\/)/],
  [0xe2, /^(?:ICC_PROFILE\0|MPF\0|FPXR\0)/],
  [0xec, /^Ducky/],
  [0xed, /^(?:Photoshop 3\.0\0|Adobe_CM)/],
  [0xee, /^Adobe/],
];

function isKnown(buf: Uint8Array, s: JpegSegment): boolean {
  if (s.marker < 0xe0 || s.marker > 0xef) return true;
  const id = segmentId(buf, s);
  return knownSegments.some(([marker, pattern]) => marker === s.marker && pattern.test(id));
}

/**
 * Whether a JPEG holds metadata of a kind exifr does not read: a vendor's APPn segment, or data
 * after the image's end (the trailers of AFCP, Samsung and others, or a damaged file).
 */
export function jpegHasOtherMetadata(buf: Uint8Array, segments = jpegSegments(buf)): boolean {
  if (segments.some((s) => !isKnown(buf, s))) return true;
  let end = buf.length;
  while (end > 2 && (buf[end - 1] === 0x00 || buf[end - 1] === 0x0a || buf[end - 1] === 0x20))
    end--;
  return !(buf[end - 2] === 0xff && buf[end - 1] === 0xd9);
}

/**
 * The date in the "[picture info]" text of an APP12 segment, which Olympus, Agfa, Epson and
 * Sanyo cameras of the late 1990s wrote instead of EXIF: TimeDate is seconds since 1970, read
 * as exiftool does (as UTC, with no offset: the camera's clock knew no time zone).
 */
export function pictureInfoDate(buf: Uint8Array, segments = jpegSegments(buf)): WallClock | null {
  for (const s of segments) {
    if (s.marker !== 0xec) continue;
    const text = latin1(buf, s.start, s.end);
    if (!/\[picture info\]|Type=/.test(text)) continue;
    const m = /(?:^|[\r\n])TimeDate=(\d{6,12})\s*(?:[\r\n]|$)/.exec(text);
    if (!m) continue;
    const date = new Date(Number(m[1]) * 1000);
    if (Number.isNaN(date.getTime())) continue;
    return { local: date.toISOString().slice(0, 19), offset: null };
  }
  return null;
}

/**
 * The XMP packets of a JPEG's APP1 segments, decoded whatever their encoding: the XMP
 * specification allows UTF-16 and UTF-32 as well as UTF-8, and exifr only reads UTF-8.
 */
export function jpegXmpPackets(buf: Uint8Array, segments = jpegSegments(buf)): string[] {
  const header = 'http://ns.adobe.com/xap/1.0/\0';
  const out: string[] = [];
  for (const s of segments) {
    if (s.marker !== 0xe1 || latin1(buf, s.start, s.start + header.length) !== header) continue;
    out.push(decodeXmp(buf.subarray(s.start + header.length, s.end)));
  }
  return out;
}

/** XMP bytes as text: UTF-8, or UTF-16/UTF-32 told by where the zero bytes fall. */
export function decodeXmp(bytes: Uint8Array): string {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // ASCII markup in UTF-16 has a zero in every other byte: at even offsets in big-endian
  // order, at odd ones in little-endian; UTF-32 has three zeros in every four bytes.
  const zeros = [0, 0, 0, 0];
  const sample = Math.min(b.length, 256);
  for (let i = 0; i < sample; i++) if (b[i] === 0) zeros[i % 4]!++;
  const quarter = sample / 4;
  const total = zeros[0]! + zeros[1]! + zeros[2]! + zeros[3]!;
  if (total < sample / 4) return b.toString('utf8');
  if (total > sample * 0.6) return utf32(b, zeros[0]! < quarter / 2);
  return zeros[0]! + zeros[2]! > zeros[1]! + zeros[3]!
    ? swap16(b).toString('utf16le')
    : b.toString('utf16le');
}

function swap16(b: Buffer): Buffer {
  const even = Buffer.from(b.subarray(0, b.length - (b.length % 2)));
  return even.swap16();
}

function utf32(b: Buffer, littleEndian: boolean): string {
  let out = '';
  for (let i = 0; i + 4 <= b.length; i += 4) {
    const code = littleEndian ? b.readUInt32LE(i) : b.readUInt32BE(i);
    if (code > 0 && code <= 0x10ffff) out += String.fromCodePoint(code);
  }
  return out;
}

/** PNG chunks by type, in order, without their CRCs. */
function* pngChunks(buf: Uint8Array): Generator<{ type: string; data: Uint8Array }> {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let at = 8;
  while (at + 8 <= buf.length) {
    const size = view.getUint32(at);
    const type = latin1(buf, at + 4, at + 8);
    if (at + 8 + size > buf.length) return;
    yield { type, data: buf.subarray(at + 8, at + 8 + size) };
    if (type === 'IEND') return;
    at += 12 + size;
  }
}

/**
 * A PNG's XMP when it is compressed: libvips (and so sharp) writes it as a zTXt chunk, other
 * tools as a compressed iTXt one; exifr reads only an uncompressed iTXt.
 */
export function pngCompressedXmp(buf: Uint8Array): string | null {
  const keyword = 'XML:com.adobe.xmp\0';
  for (const { type, data } of pngChunks(buf)) {
    if (type !== 'zTXt' && type !== 'iTXt') continue;
    if (latin1(data, 0, keyword.length) !== keyword) continue;
    try {
      if (type === 'zTXt') return decodeXmp(inflateSync(data.subarray(keyword.length + 1)));
      // iTXt: keyword, compression flag, method, language tag\0, translated keyword\0, text.
      if (data[keyword.length] !== 1) continue;
      let at = keyword.length + 2;
      for (let nul = 0; nul < 2 && at < data.length; at++) if (data[at] === 0) nul++;
      return decodeXmp(inflateSync(data.subarray(at)));
    } catch {
      return null;
    }
  }
  return null;
}

/** Whether a PNG has text chunks exiftool reads metadata from (XMP, or ImageMagick's raw profiles). */
export function pngHasOtherMetadata(buf: Uint8Array): boolean {
  for (const { type, data } of pngChunks(buf)) {
    if (type === 'eXIf') return true;
    if (type !== 'zTXt' && type !== 'iTXt' && type !== 'tEXt') continue;
    const keyword = latin1(data, 0, Math.min(data.length, 40));
    if (/^(?:XML:com\.adobe\.xmp|Raw profile type (?:exif|xmp|iptc|app1|8bim))\0/i.test(keyword))
      return true;
  }
  return false;
}

/** Whether an HEIF/AVIF file declares an XMP item (exifr reads only the EXIF one). */
export function heifHasXmp(buf: Uint8Array): boolean {
  const head = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 256 * 1024));
  return head.indexOf('application/rdf+xml', 0, 'latin1') >= 0;
}

interface TiffEntry {
  type: number;
  count: number;
  /** Where the value's bytes are, relative to the buffer. */
  at: number;
}

const typeSizes: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
};

/** A minimal reader of TIFF structures (a .tif file, a RAW, or a JPEG's EXIF segment). */
export class TiffReader {
  private readonly view: DataView;
  private readonly le: boolean;

  private constructor(
    private readonly buf: Uint8Array,
    /** Where the TIFF header starts; offsets inside are relative to it. */
    private readonly base: number,
  ) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    this.le = buf[base] === 0x49;
  }

  /** A reader for the TIFF structure at `base`, or null when there is none. */
  static at(buf: Uint8Array, base = 0): TiffReader | null {
    if (base + 8 > buf.length) return null;
    const order = latin1(buf, base, base + 2);
    if (order !== 'II' && order !== 'MM') return null;
    return new TiffReader(buf, base);
  }

  /** The TIFF structure of a JPEG's first EXIF segment. */
  static ofJpeg(buf: Uint8Array, segments = jpegSegments(buf)): TiffReader | null {
    const exif = segments.find(
      (s) => s.marker === 0xe1 && latin1(buf, s.start, s.start + 6) === 'Exif\0\0',
    );
    return exif ? TiffReader.at(buf, exif.start + 6) : null;
  }

  private u16(at: number): number {
    return this.view.getUint16(at, this.le);
  }

  private u32(at: number): number {
    return this.view.getUint32(at, this.le);
  }

  get ifd0(): number {
    return this.u32(this.base + 4);
  }

  /** One entry of the IFD at `ifdOffset` (relative to the header), or null. */
  entry(ifdOffset: number, tag: number): TiffEntry | null {
    const ifd = this.base + ifdOffset;
    if (ifdOffset < 8 || ifd + 2 > this.buf.length) return null;
    const count = this.u16(ifd);
    for (let i = 0; i < count; i++) {
      const e = ifd + 2 + i * 12;
      if (e + 12 > this.buf.length) return null;
      if (this.u16(e) !== tag) continue;
      const type = this.u16(e + 2);
      const n = this.u32(e + 4);
      const size = (typeSizes[type] ?? 1) * n;
      const at = size <= 4 ? e + 8 : this.base + this.u32(e + 8);
      return at + size <= this.buf.length ? { type, count: n, at } : null;
    }
    return null;
  }

  /** A pointer (LONG or IFD typed) held by a tag. */
  pointer(ifdOffset: number, tag: number): number | null {
    const e = this.entry(ifdOffset, tag);
    return e && (e.type === 4 || e.type === 13) ? this.u32(e.at) : null;
  }

  /** The value's bytes, whatever type the writer declared for them. */
  bytes(entry: TiffEntry): Uint8Array {
    const size = (typeSizes[entry.type] ?? 1) * entry.count;
    return this.buf.subarray(entry.at, entry.at + size);
  }

  /** Whether IFD0 points to an EXIF IFD (where cameras keep the date, exposure and ISO). */
  hasExifIfd(): boolean {
    return this.pointer(this.ifd0, 0x8769) != null;
  }

  /** Whether the EXIF IFD holds a maker note (a vendor's own block, where exiftool finds more). */
  hasMakerNote(): boolean {
    const exif = this.pointer(this.ifd0, 0x8769);
    const note = exif == null ? null : this.entry(exif, 0x927c);
    return note != null && note.count > 0;
  }

  /** IFD0's IPTC-NAA block (tag 0x83bb) as bytes, which writers often declare as LONGs. */
  iptcBytes(): Uint8Array | null {
    const e = this.entry(this.ifd0, 0x83bb);
    return e ? this.bytes(e) : null;
  }
}
