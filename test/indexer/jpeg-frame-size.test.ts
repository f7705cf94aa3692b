import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { jpegFrameSize } from '../../electron/indexer/jpeg-frame-size';
import { fixtureSets } from '../helpers/fixtures';

const jpegsIn = (dir: string) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.jpe?g$/i.test(f) && !f.startsWith('broken'));

/** A JPEG made of the given segments: [marker, payload] pairs after SOI, then SOS and EOI. */
function jpegOf(...segments: [number, number[]][]): Buffer {
  const bytes = [0xff, 0xd8];
  for (const [marker, payload] of segments)
    bytes.push(0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload);
  bytes.push(0xff, 0xda, 0x00, 0x02, 0xff, 0xd9);
  return Buffer.from(bytes);
}
const frame = (height: number, width: number) => [
  8,
  height >> 8,
  height & 0xff,
  width >> 8,
  width & 0xff,
  1,
  1,
  0x11,
  0,
];

describe('jpegFrameSize', () => {
  for (const set of fixtureSets()) {
    it(`reads the size libvips reads, in every ${set.name} fixture JPEG`, async () => {
      const files = jpegsIn(set.dir);
      expect(files.length).toBeGreaterThan(10);
      for (const file of files) {
        const buf = readFileSync(join(set.dir, file));
        const meta = await sharp(buf).metadata();
        expect({ file, size: jpegFrameSize(buf) }).toEqual({
          file,
          size: { width: meta.width, height: meta.height },
        });
      }
    });
  }

  it('finds the frame after APP segments, fill bytes and tables, in baseline and progressive files', () => {
    const app1 = [0x45, 0x78, 0x69, 0x66, 0, 0, ...new Array<number>(300).fill(7)];
    expect(
      jpegFrameSize(
        jpegOf([0xe1, app1], [0xdb, new Array<number>(65).fill(1)], [0xc0, frame(4000, 6000)]),
      ),
    ).toEqual({ width: 6000, height: 4000 });
    expect(jpegFrameSize(jpegOf([0xc4, [0, 1, 2]], [0xc2, frame(213, 320)]))).toEqual({
      width: 320,
      height: 213,
    });
    const withFill = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff]),
      jpegOf([0xc1, frame(10, 20)]).subarray(2),
    ]);
    expect(jpegFrameSize(withFill)).toEqual({ width: 20, height: 10 });
  });

  it('gives null where libvips has to say what is wrong', () => {
    expect(jpegFrameSize(Buffer.alloc(0))).toBeNull();
    expect(jpegFrameSize(Buffer.from('not a jpeg at all'))).toBeNull();
    // No frame header before the image data.
    expect(jpegFrameSize(jpegOf([0xe0, [1, 2, 3]]))).toBeNull();
    // Height 0: defined later by a DNL marker.
    expect(jpegFrameSize(jpegOf([0xc0, frame(0, 640)]))).toBeNull();
    // Cut off inside the frame header, and a segment length that points nowhere.
    const whole = jpegOf([0xe1, new Array<number>(40).fill(0)], [0xc0, frame(480, 640)]);
    expect(jpegFrameSize(whole.subarray(0, whole.length - 12))).toBeNull();
    expect(jpegFrameSize(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x01]))).toBeNull();
    // Garbage where a marker should be.
    expect(jpegFrameSize(Buffer.from([0xff, 0xd8, 0x12, 0x34, 0x56, 0x78]))).toBeNull();
  });
});
