/**
 * Minimal RAW-like containers for tests (no RAW files are licensed for the fixtures): a
 * TIFF-structured file as NEF/CR2/ARW/DNG are, and a RAF, each with an embedded JPEG preview.
 */
type Entry = { tag: number; type: 2 | 3 | 4 | 5; values: string | number[] };

const sizes = { 2: 1, 3: 2, 4: 4, 5: 8 } as const;

/** One little-endian IFD at `offset` (entries, then their out-of-line data). */
function ifd(entries: Entry[], offset: number, next = 0): Buffer {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  const head = Buffer.alloc(2 + sorted.length * 12 + 4);
  const data: Buffer[] = [];
  let dataOffset = offset + head.length;
  head.writeUInt16LE(sorted.length, 0);
  sorted.forEach((e, i) => {
    const p = 2 + i * 12;
    const raw =
      e.type === 2
        ? Buffer.from(`${e.values as string}\0`, 'latin1')
        : Buffer.concat(
            (e.values as number[]).map((v) => {
              const b = Buffer.alloc(sizes[e.type]);
              if (e.type === 3) b.writeUInt16LE(v);
              else if (e.type === 4) b.writeUInt32LE(v);
              else {
                b.writeUInt32LE(Math.round(v * 1000));
                b.writeUInt32LE(1000, 4);
              }
              return b;
            }),
          );
    head.writeUInt16LE(e.tag, p);
    head.writeUInt16LE(e.type, p + 2);
    head.writeUInt32LE(e.type === 2 ? raw.length : raw.length / sizes[e.type], p + 4);
    if (raw.length <= 4) raw.copy(head, p + 8);
    else {
      head.writeUInt32LE(dataOffset, p + 8);
      const padded = raw.length % 2 ? Buffer.concat([raw, Buffer.alloc(1)]) : raw;
      data.push(padded);
      dataOffset += padded.length;
    }
  });
  head.writeUInt32LE(next, head.length - 4);
  return Buffer.concat([head, ...data]);
}

export interface RawSpec {
  make: string;
  model: string;
  orientation: number;
  dateTimeOriginal: string;
  preview: Buffer;
  thumbnail: Buffer;
}

/** A TIFF-structured RAW: IFD0 (with the small thumbnail), an EXIF IFD, sensor-like bytes and the large preview. */
export function makeTiffRaw(spec: RawSpec): Buffer {
  const sensor = Buffer.alloc(65536);
  for (let i = 0; i < sensor.length; i++) sensor[i] = (i * 2654435761) >>> 24;
  // Layout: header | IFD0 | EXIF IFD | thumbnail | sensor | preview
  const exifEntries: Entry[] = [
    { tag: 0x9003, type: 2, values: spec.dateTimeOriginal },
    { tag: 0x829d, type: 5, values: [5.6] },
    { tag: 0x829a, type: 5, values: [0.008] },
    { tag: 0x8827, type: 3, values: [400] },
    { tag: 0x920a, type: 5, values: [35] },
  ];
  const ifd0Entries = (exifOffset: number, thumbOffset: number, previewOffset: number): Entry[] => [
    { tag: 0x010f, type: 2, values: spec.make },
    { tag: 0x0110, type: 2, values: spec.model },
    { tag: 0x0112, type: 3, values: [spec.orientation] },
    { tag: 0x0201, type: 4, values: [thumbOffset] },
    { tag: 0x0202, type: 4, values: [spec.thumbnail.length] },
    { tag: 0x8769, type: 4, values: [exifOffset] },
    { tag: 0xc612, type: 4, values: [previewOffset] },
  ];
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]);
  const sizeOfIfd0 = ifd(ifd0Entries(0, 0, 0), 8).length;
  const exif = ifd(exifEntries, 8 + sizeOfIfd0);
  const thumbOffset = 8 + sizeOfIfd0 + exif.length;
  const previewOffset = thumbOffset + spec.thumbnail.length + sensor.length;
  const ifd0 = ifd(ifd0Entries(8 + sizeOfIfd0, thumbOffset, previewOffset), 8);
  return Buffer.concat([header, ifd0, exif, spec.thumbnail, sensor, spec.preview]);
}

/** A Fujifilm RAF: its own header pointing at a JPEG preview that carries the EXIF. */
export function makeRaf(previewWithExif: Buffer): Buffer {
  const header = Buffer.alloc(160);
  header.write('FUJIFILMCCD-RAW 0201FF383501', 0, 'latin1');
  header.writeUInt32BE(160, 84);
  header.writeUInt32BE(previewWithExif.length, 88);
  const sensor = Buffer.alloc(32768, 0x5a);
  return Buffer.concat([header, previewWithExif, sensor]);
}
