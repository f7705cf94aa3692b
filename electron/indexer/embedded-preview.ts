/**
 * JPEG previews embedded in other files: the full-size preview inside a RAW (NEF, CR2, CR3,
 * ARW, DNG, ORF, RAF, RW2…), or the EXIF thumbnail inside a JPEG whose own pixels are damaged.
 * Every RAW format stores them as complete JPEG streams, so one walk over the markers finds
 * them all without knowing each maker's container.
 */
export interface EmbeddedJpeg {
  offset: number;
  length: number;
  width: number;
  height: number;
}

const SOI = Buffer.from([0xff, 0xd8, 0xff]);

// Baseline, extended and progressive Huffman JPEG: what libjpeg decodes. Lossless (C3) and
// arithmetic-coded frames are RAW sensor data, not previews.
const decodableFrames = new Set([0xc0, 0xc1, 0xc2]);
const otherFrames = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** The JPEG stream starting at `start`, measured by walking its markers, or null if it is not one. */
export function measureJpeg(buf: Uint8Array, start: number): EmbeddedJpeg | null {
  let p = start + 2;
  let width = 0;
  let height = 0;
  let decodable = false;
  const end = buf.length;
  while (p + 1 < end) {
    if (buf[p] !== 0xff) return null;
    let marker = buf[p + 1]!;
    while (marker === 0xff && p + 2 < end) marker = buf[++p + 1]!; // fill bytes
    if (marker === 0xd9) {
      return decodable && width > 0 && height > 0
        ? { offset: start, length: p + 2 - start, width, height }
        : null;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      p += 2;
      continue;
    }
    if (p + 3 >= end) return null;
    const length = (buf[p + 2]! << 8) | buf[p + 3]!;
    if (length < 2 || p + 2 + length > end) return null;
    if (decodableFrames.has(marker) && length >= 7) {
      height = (buf[p + 5]! << 8) | buf[p + 6]!;
      width = (buf[p + 7]! << 8) | buf[p + 8]!;
      decodable = true;
    } else if (otherFrames.has(marker)) {
      return null;
    }
    p += 2 + length;
    if (marker === 0xda) {
      // Entropy-coded data runs until a marker that is neither stuffing (FF00) nor a restart.
      while (p + 1 < end) {
        if (buf[p] === 0xff) {
          const next = buf[p + 1]!;
          if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) break;
        }
        p++;
      }
    }
  }
  return null;
}

/**
 * Every complete, decodable JPEG inside `buf`, largest first. `from` skips the file's own
 * image when `buf` is itself a JPEG. Streams nested in a found one (its EXIF thumbnail) are
 * not listed separately.
 */
export function findEmbeddedJpegs(buf: Uint8Array, from = 0): EmbeddedJpeg[] {
  const bytes = Buffer.isBuffer(buf)
    ? buf
    : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const found: EmbeddedJpeg[] = [];
  let pos = from;
  for (;;) {
    const at = bytes.indexOf(SOI, pos);
    if (at < 0) break;
    const jpeg = measureJpeg(bytes, at);
    if (jpeg) {
      found.push(jpeg);
      pos = at + jpeg.length;
    } else {
      pos = at + 1;
    }
  }
  return found.sort((a, b) => b.width * b.height - a.width * a.height || b.length - a.length);
}
