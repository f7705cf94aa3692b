import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { endExiftoolFallback } from '../../electron/indexer/exiftool-fallback';
import { exiftoolWrite, requireExiftool, systemExiftool } from '../helpers/exiftool';
import { sharedFixtures } from '../helpers/fixtures';
import { processPath } from '../helpers/process-path';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

/**
 * Issue #12's classes of files whose make, model, date or keywords Kadar read differently from
 * exiftool. Each file is made here, from a blank image, with exiftool or by placing the bytes
 * a camera or tool writes; exiftool's reading of the same file is the expectation.
 */

requireExiftool();
const dir = tempDir();
const cacheDir = tempDir();
afterAll(async () => {
  await endExiftoolFallback();
  removeTempDirs();
});

let made = 0;
async function blank(format: 'jpeg' | 'png' | 'tiff', size = 1): Promise<string> {
  const file = join(
    dir,
    `${++made}.${format === 'jpeg' ? 'jpg' : format === 'png' ? 'png' : 'tif'}`,
  );
  const image = sharp({
    create: { width: size, height: size, channels: 3, background: '#7f8c8d' },
  });
  writeFileSync(file, await image.toFormat(format).toBuffer());
  return file;
}

/** A JPEG segment (marker FF `marker`) put right after the SOI, as a camera writes its own. */
function insertSegment(file: string, marker: number, payload: Buffer): void {
  const jpeg = readFileSync(file);
  const head = Buffer.from([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  writeFileSync(file, Buffer.concat([jpeg.subarray(0, 2), head, payload, jpeg.subarray(2)]));
}

/** exiftool's reading (`-j -n`, its choice among duplicate tags). */
function exiftool(file: string): Record<string, unknown> {
  const out = execFileSync(systemExiftool(), ['-j', '-n', file], { encoding: 'utf8' });
  return (JSON.parse(out) as Record<string, unknown>[])[0]!;
}

const secondOf = (exiftoolDate: unknown) =>
  String(exiftoolDate)
    .slice(0, 19)
    .replace(/^(\d{4}):(\d{2}):(\d{2}) /, '$1-$2-$3T');

describe('a date split into IPTC DateCreated and TimeCreated', () => {
  it('keeps the time when XMP photoshop:DateCreated holds the day alone (Photo Mechanic)', async () => {
    const file = await blank('jpeg');
    exiftoolWrite(file, [
      '-IPTC:DateCreated=2015:11:28',
      '-IPTC:TimeCreated=18:03:12+01:00',
      '-XMP-photoshop:DateCreated=2015:11:28',
    ]);
    const { fields: f } = await processPath(file, cacheDir);
    expect(secondOf(exiftool(file).DateTimeOriginal)).toBe('2015-11-28T18:03:12');
    expect(f.takenAt).toBe('2015-11-28T18:03:12');
    expect(f.takenAtOffset).toBe('+01:00');
    expect(f.takenAtSource).toBe('DateCreated');
  });

  it('takes the day and time before XMP CreateDate, as exiftool takes them for DateTimeOriginal', async () => {
    const file = await blank('jpeg');
    exiftoolWrite(file, [
      '-IPTC:DateCreated=2003:08:30',
      '-IPTC:TimeCreated=14:15:00-05:00',
      '-XMP-xmp:CreateDate=2008:05:09 14:03:06+02:00',
    ]);
    const { fields: f } = await processPath(file, cacheDir);
    expect(secondOf(exiftool(file).DateTimeOriginal)).toBe('2003-08-30T14:15:00');
    expect(f.takenAt).toBe('2003-08-30T14:15:00');
    expect(f.takenAtOffset).toBe('-05:00');
  });
});

describe('keywords only in XMP dc:subject of very small files', () => {
  const xmp = (subjects: string[]) =>
    `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>` +
    `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:subject><rdf:Bag>` +
    subjects.map((s) => `<rdf:li>${s}</rdf:li>`).join('') +
    `</rdf:Bag></dc:subject></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

  it('reads a JPEG whose XMP packet is UTF-16, as the XMP specification allows', async () => {
    const file = await blank('jpeg');
    const packet = Buffer.from(xmp(['Štip', 'modna revija']), 'utf16le').swap16(); // big-endian
    insertSegment(
      file,
      0xe1,
      Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0'), packet]),
    );
    expect(exiftool(file).Subject).toEqual(['Štip', 'modna revija']);
    const { fields: f } = await processPath(file, cacheDir);
    expect(f.keywords).toEqual(['Štip', 'modna revija']);
    expect(f.warnings).toEqual([]);
  });

  it('reads a PNG whose XMP is compressed (a zTXt chunk, as libvips and sharp write it)', async () => {
    const file = join(dir, 'tiny-zxmp.png');
    const image = sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } });
    writeFileSync(
      file,
      await image
        .withXmp(xmp(['Niš', 'fashion show']))
        .png()
        .toBuffer(),
    );
    expect(readFileSync(file).includes('zTXt')).toBe(true);
    expect(exiftool(file).Subject).toEqual(['Niš', 'fashion show']);
    const { fields: f } = await processPath(file, cacheDir);
    expect(f.keywords).toEqual(['Niš', 'fashion show']);
  });
});

describe('dates kept only in a vendor’s own segment', () => {
  it('reads the TimeDate of an APP12 "[picture info]" block (Olympus, Agfa, Epson, 1990s)', async () => {
    const file = await blank('jpeg', 8);
    insertSegment(
      file,
      0xec,
      Buffer.from(
        'OLYMPUS OPTICAL CO.,LTD.   \0 713\r\n[picture info]\r\nTimeDate=909698819\r\n' +
          'Shutter=33363\r\n[camera info]\r\nType=SR55\r\n',
        'latin1',
      ),
    );
    expect(secondOf(exiftool(file).DateTimeOriginal)).toBe('1998-10-29T22:06:59');
    const { fields: f } = await processPath(file, cacheDir);
    expect(f.takenAt).toBe('1998-10-29T22:06:59');
    expect(f.takenAtSource).toBe('DateTimeOriginal');
  });

  const ciff = join(sharedFixtures, 'no-exif/sony-powershota5.jpg');
  it.runIf(existsSync(ciff))(
    'reads make, model and date from Canon’s CIFF block in APP0 (by exiftool: exifr finds nothing)',
    async () => {
      const t = exiftool(ciff);
      const { fields: f } = await processPath(ciff, cacheDir);
      expect([f.make, f.model]).toEqual([t.Make, t.Model]);
      expect(f.takenAt).toBe(secondOf(t.DateTimeOriginal));
      expect(f.takenAtSource).toBe('DateTimeOriginal');
      expect(f.warnings.join('\n')).toMatch(/Read with exiftool/);
    },
  );
});

describe('model names where EXIF IFD0 holds more than the name', () => {
  it('ends Model at its NUL, as exiftool does, where the camera left other bytes after it', async () => {
    // The WWL (Polaroid) ION230 writes Model as the 8 bytes "ION230\0F".
    const file = await blank('jpeg');
    exiftoolWrite(file, ['-Make=WWL', '-Model=ION230XF', '-LensModel=Kit lensXjunk']);
    const bytes = readFileSync(file);
    bytes.write('\0', bytes.indexOf('ION230XF') + 6, 'latin1');
    bytes.write('\0', bytes.indexOf('Kit lensXjunk') + 8, 'latin1');
    writeFileSync(file, bytes);
    expect(exiftool(file).Model).toBe('ION230');
    const { fields: f } = await processPath(file, cacheDir);
    expect(f.make).toBe('WWL');
    expect(f.model).toBe('ION230');
    expect(f.lens).toBe('Kit lens');
  });
});

describe('files whose EXIF exifr’s parse of the buffer returns nothing', () => {
  it('reads a TIFF whose IPTC block is declared as LONGs (exifr then drops all of IFD0)', async () => {
    const file = await blank('tiff', 8);
    exiftoolWrite(file, [
      '-Make=Epson',
      '-Model=Perfection V600',
      '-DateTimeOriginal=1987:06:01 12:00:00',
      '-IPTC:Keywords=scan',
      '-IPTC:Keywords=archive',
    ]);
    const t = exiftool(file);
    const { fields: f } = await processPath(file, cacheDir);
    expect([f.make, f.model]).toEqual([t.Make, t.Model]);
    expect(f.takenAt).toBe(secondOf(t.DateTimeOriginal));
    expect(new Set(f.keywords)).toEqual(new Set(t.Keywords as string[]));
    expect(f.warnings).toEqual([]);
  });

  it('reads a JPEG whose EXIF header is "Exif\\0" and another byte (by exiftool)', async () => {
    const file = await blank('jpeg', 8);
    exiftoolWrite(file, ['-Make=Kadar', '-Model=K-1', '-DateTimeOriginal=2015:11:28 18:03:12']);
    const bytes = readFileSync(file);
    bytes[bytes.indexOf('Exif\0\0') + 5] = 0xff;
    writeFileSync(file, bytes);
    const t = exiftool(file);
    expect(t.Model).toBe('K-1');
    const { fields: f } = await processPath(file, cacheDir);
    expect([f.make, f.model]).toEqual([t.Make, t.Model]);
    expect(f.takenAt).toBe('2015-11-28T18:03:12');
    expect(f.warnings.join('\n')).toMatch(/Read with exiftool, as exifr found no metadata/);
  });
});
