/**
 * What a file is, from its first bytes, whatever its name says. The extension only chooses
 * between RAW formats that share the TIFF container.
 */
export type ImageFormat = 'jpeg' | 'png' | 'tiff' | 'webp' | 'heif' | 'avif' | 'gif' | 'raw';

export const rawExtensions = [
  'nef',
  'nrw',
  'cr2',
  'cr3',
  'arw',
  'srf',
  'sr2',
  'dng',
  'orf',
  'raf',
  'rw2',
  'pef',
  'srw',
];
export const imageExtensions = [
  'jpg',
  'jpeg',
  'jpe',
  'png',
  'tif',
  'tiff',
  'webp',
  'heic',
  'heif',
  'hif',
  'avif',
  ...rawExtensions,
];

const ascii = (buf: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...buf.subarray(start, start + length));

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

export function isImageFileName(fileName: string): boolean {
  return imageExtensions.includes(extensionOf(fileName));
}

/** The container format, or null when the bytes are not an image Kadar reads. */
export function sniffFormat(buf: Uint8Array, fileName: string): ImageFormat | null {
  if (buf.length < 12) return null;
  const ext = extensionOf(fileName);
  // A JPEG whose first marker is damaged still starts FF D8: report it as a damaged JPEG.
  if (buf[0] === 0xff && buf[1] === 0xd8) return 'jpeg';
  if (ascii(buf, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 4) === 'WEBP') return 'webp';
  if (ascii(buf, 0, 6) === 'GIF87a' || ascii(buf, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(buf, 0, 16) === 'FUJIFILMCCD-RAW ') return 'raw';
  if (ascii(buf, 4, 4) === 'ftyp') {
    const brand = ascii(buf, 8, 4);
    if (brand === 'crx ') return 'raw';
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand))
      return 'heif';
    return null;
  }
  const tiffMagic = ascii(buf, 0, 4);
  // II*\0 / MM\0* are TIFF; Olympus (IIRO, IIRS) and Panasonic (IIU\0) use their own magic.
  if (
    tiffMagic === 'II*\0' ||
    tiffMagic === 'MM\0*' ||
    tiffMagic === 'IIRO' ||
    tiffMagic === 'IIRS' ||
    tiffMagic === 'IIU\0'
  ) {
    return rawExtensions.includes(ext) || (tiffMagic !== 'II*\0' && tiffMagic !== 'MM\0*')
      ? 'raw'
      : 'tiff';
  }
  return null;
}

/** Why bytes are not an image, in words a user understands. */
export function describeNonImage(buf: Uint8Array): string {
  if (buf.length === 0) return 'The file is empty (0 bytes).';
  const head = buf.subarray(0, 512);
  const printable = head.filter(
    (b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 128,
  ).length;
  if (printable / head.length > 0.95) {
    const start = new TextDecoder().decode(head.subarray(0, 40)).replace(/\s+/g, ' ').trim();
    return `Not an image: the file holds text ("${start}…").`;
  }
  if (buf.length < 12) return `Not an image: the file is only ${buf.length} bytes long.`;
  if (ascii(buf, 1, 3) === 'PNG') return 'Not a readable PNG: its signature is damaged.';
  return 'Not an image Kadar can read: the file does not start like any known image format.';
}
