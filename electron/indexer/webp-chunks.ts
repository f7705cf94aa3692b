/**
 * exifr does not read WebP, but WebP keeps EXIF and XMP in plain RIFF chunks: the EXIF chunk is
 * a TIFF stream exifr reads directly, the XMP chunk an XMP packet.
 */
export interface WebpMetadata {
  exif: Buffer | null;
  xmp: Buffer | null;
}

export function webpMetadataChunks(buf: Buffer): WebpMetadata {
  const out: WebpMetadata = { exif: null, xmp: null };
  if (
    buf.length < 12 ||
    buf.toString('latin1', 0, 4) !== 'RIFF' ||
    buf.toString('latin1', 8, 12) !== 'WEBP'
  )
    return out;
  const end = Math.min(buf.length, 8 + buf.readUInt32LE(4));
  let p = 12;
  while (p + 8 <= end) {
    const fourcc = buf.toString('latin1', p, p + 4);
    const size = buf.readUInt32LE(p + 4);
    const start = p + 8;
    if (start + size > end) break;
    const data = buf.subarray(start, start + size);
    if (fourcc === 'EXIF') {
      // Some writers keep the JPEG APP1 "Exif\0\0" prefix.
      out.exif = data.toString('latin1', 0, 6) === 'Exif\0\0' ? data.subarray(6) : data;
    } else if (fourcc === 'XMP ') {
      out.xmp = data;
    }
    p = start + size + (size % 2);
  }
  return out;
}
