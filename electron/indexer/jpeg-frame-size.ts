/** The pixel size stored in a JPEG's frame header (before any EXIF orientation). */
export interface FrameSize {
  width: number;
  height: number;
}

// Start-of-frame markers: C0–CF except DHT (C4), JPG (C8) and DAC (CC), which share the range.
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/**
 * Walks the JPEG's marker segments to its frame header. It reads a few hundred bytes where
 * asking libvips for the header costs 3–4 ms of a photo's indexing time, as libvips also
 * parses and copies out the EXIF, XMP and ICC blocks. Null when the segments do not lead to
 * a frame header with a size, which the caller leaves to libvips to explain.
 */
export function jpegFrameSize(buf: Uint8Array): FrameSize | null {
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8) return null;
  let at = 2;
  while (at + 4 <= buf.length) {
    if (buf[at] !== 0xff) return null;
    const marker = buf[at + 1]!;
    // Fill bytes, and markers that stand alone without a length.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    // Image data (SOS) or the end (EOI) before any frame header.
    if (marker === 0xda || marker === 0xd9) return null;
    const length = (buf[at + 2]! << 8) | buf[at + 3]!;
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      if (length < 7 || at + 9 > buf.length) return null;
      const height = (buf[at + 5]! << 8) | buf[at + 6]!;
      const width = (buf[at + 7]! << 8) | buf[at + 8]!;
      // A zero height means "defined later by a DNL marker", which libvips handles.
      return width > 0 && height > 0 ? { width, height } : null;
    }
    at += 2 + length;
  }
  return null;
}
