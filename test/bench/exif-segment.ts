/**
 * Builds camera-style EXIF (APP1) and comment (COM) segments and splices them into a JPEG.
 * Writing the bytes ourselves lets the corpus generators make thousands of distinct files a
 * second from one encoded template, where exiftool or re-encoding would take hours.
 */

export interface ExifFields {
  make: string;
  model: string;
  /** Local wall-clock time, 'YYYY-MM-DDTHH:MM:SS'. */
  takenAt: string;
  /** e.g. '+01:00'; cameras set since 2016 write it. */
  offset?: string;
  exposureTime: [number, number];
  fNumber: number;
  iso: number;
  focalLength: number;
  lens?: string;
  orientation?: number;
  width: number;
  height: number;
  gps?: { latitude: number; longitude: number; altitude: number };
}

const ASCII = 2;
const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;
const BYTE = 1;
const UNDEFINED = 7;
const typeSize: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1 };

interface Entry {
  tag: number;
  type: number;
  values: number[] | string | Buffer;
}

const ascii = (tag: number, text: string): Entry => ({ tag, type: ASCII, values: text });
const short = (tag: number, value: number): Entry => ({ tag, type: SHORT, values: [value] });
const long = (tag: number, value: number): Entry => ({ tag, type: LONG, values: [value] });
const rational = (tag: number, ...pairs: [number, number][]): Entry => ({
  tag,
  type: RATIONAL,
  values: pairs.flat(),
});

function encodeValues(entry: Entry): Buffer {
  if (typeof entry.values === 'string') return Buffer.from(`${entry.values}\0`, 'latin1');
  if (Buffer.isBuffer(entry.values)) return entry.values;
  const size = entry.type === RATIONAL ? 4 : typeSize[entry.type]!;
  const out = Buffer.alloc(entry.values.length * size);
  entry.values.forEach((v, i) => {
    if (size === 1) out.writeUInt8(v, i);
    else if (size === 2) out.writeUInt16LE(v, i * 2);
    else out.writeUInt32LE(v, i * 4);
  });
  return out;
}

/** One IFD at TIFF offset `at`: its 12-byte entries, then the values too long to fit inline. */
function ifd(entries: Entry[], at: number): Buffer {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  const head = Buffer.alloc(2 + sorted.length * 12 + 4);
  const data: Buffer[] = [];
  let dataAt = at + head.length;
  head.writeUInt16LE(sorted.length, 0);
  sorted.forEach((entry, i) => {
    const bytes = encodeValues(entry);
    const count = entry.type === RATIONAL ? bytes.length / 8 : bytes.length / typeSize[entry.type]!;
    const p = 2 + i * 12;
    head.writeUInt16LE(entry.tag, p);
    head.writeUInt16LE(entry.type, p + 2);
    head.writeUInt32LE(count, p + 4);
    if (bytes.length <= 4) bytes.copy(head, p + 8);
    else {
      head.writeUInt32LE(dataAt, p + 8);
      // Values start on even offsets, as the TIFF specification asks.
      const padded = bytes.length % 2 ? Buffer.concat([bytes, Buffer.alloc(1)]) : bytes;
      data.push(padded);
      dataAt += padded.length;
    }
  });
  return Buffer.concat([head, ...data]);
}

const exifDate = (iso: string) => iso.slice(0, 19).replace('T', ' ').replace(/-/g, ':');

function dms(value: number): [number, number][] {
  const abs = Math.abs(value);
  const degrees = Math.floor(abs);
  const minutes = Math.floor((abs - degrees) * 60);
  const seconds = Math.round(((abs - degrees) * 60 - minutes) * 60 * 100);
  return [
    [degrees, 1],
    [minutes, 1],
    [seconds, 100],
  ];
}

/** The TIFF structure of an EXIF block: IFD0, the Exif IFD and, when given, the GPS IFD. */
export function exifTiff(f: ExifFields): Buffer {
  const stamp = exifDate(f.takenAt);
  const exifEntries: Entry[] = [
    rational(0x829a, f.exposureTime),
    rational(0x829d, [Math.round(f.fNumber * 10), 10]),
    short(0x8822, 3),
    short(0x8827, f.iso),
    { tag: 0x9000, type: UNDEFINED, values: Buffer.from('0232', 'latin1') },
    ascii(0x9003, stamp),
    ascii(0x9004, stamp),
    { tag: 0x9101, type: UNDEFINED, values: Buffer.from([1, 2, 3, 0]) },
    rational(0x920a, [Math.round(f.focalLength * 10), 10]),
    { tag: 0xa000, type: UNDEFINED, values: Buffer.from('0100', 'latin1') },
    short(0xa001, 1),
    long(0xa002, f.width),
    long(0xa003, f.height),
  ];
  if (f.offset) exifEntries.push(ascii(0x9011, f.offset));
  if (f.lens) exifEntries.push(ascii(0xa434, f.lens));
  const gpsEntries: Entry[] | null = f.gps
    ? [
        { tag: 0x0000, type: BYTE, values: [2, 3, 0, 0] },
        ascii(0x0001, f.gps.latitude >= 0 ? 'N' : 'S'),
        rational(0x0002, ...dms(f.gps.latitude)),
        ascii(0x0003, f.gps.longitude >= 0 ? 'E' : 'W'),
        rational(0x0004, ...dms(f.gps.longitude)),
        { tag: 0x0005, type: BYTE, values: [0] },
        rational(0x0006, [Math.round(f.gps.altitude * 10), 10]),
      ]
    : null;
  const ifd0Entries = (exifAt: number, gpsAt: number): Entry[] => [
    ascii(0x010f, f.make),
    ascii(0x0110, f.model),
    short(0x0112, f.orientation ?? 1),
    rational(0x011a, [300, 1]),
    rational(0x011b, [300, 1]),
    short(0x0128, 2),
    ascii(0x0132, stamp),
    short(0x0213, 2),
    long(0x8769, exifAt),
    ...(gpsEntries ? [long(0x8825, gpsAt)] : []),
  ];
  // IFD0's size does not depend on the pointer values, so lay it out once to learn them.
  const ifd0Size = ifd(ifd0Entries(0, 0), 8).length;
  const exifAt = 8 + ifd0Size;
  const exifIfd = ifd(exifEntries, exifAt);
  const gpsAt = exifAt + exifIfd.length;
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]);
  return Buffer.concat([
    header,
    ifd(ifd0Entries(exifAt, gpsAt), 8),
    exifIfd,
    ...(gpsEntries ? [ifd(gpsEntries, gpsAt)] : []),
  ]);
}

function segment(marker: number, payload: Buffer): Buffer {
  if (payload.length + 2 > 0xffff) throw new Error('JPEG segment too long');
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

export const exifSegment = (f: ExifFields) =>
  segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff(f)]));

export const commentSegment = (text: string) => segment(0xfe, Buffer.from(text, 'utf8'));

/**
 * `jpeg` with the given segments right after its SOI marker, where cameras put EXIF. Any
 * JFIF header the encoder wrote stays after them; readers accept either order.
 */
export function spliceSegments(jpeg: Buffer, segments: Buffer[]): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('Not a JPEG');
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}
