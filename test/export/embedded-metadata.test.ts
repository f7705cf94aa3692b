import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { noFields, type EmbeddedFields } from '../../electron/export/embedded-fields';
import { insertJpegSegment, iptcSegment } from '../../electron/export/iptc-iim';
import { xmpPacket } from '../../electron/export/xmp-packet';
import { requireExiftool, type ExiftoolTags } from '../helpers/exiftool';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

// exiftool is the reference reader: what it reads back is what Lightroom, digiKam and CMSs get.
requireExiftool();
const dir = tempDir();
afterAll(removeTempDirs);

const empty: EmbeddedFields = noFields;

const full: EmbeddedFields = {
  title: 'Уводни тренинг о кластерима',
  caption: 'Модна ревија, Штип — Niš\nдруги ред',
  creator: 'Đorđe Petrović',
  credit: 'Klaster Jug',
  copyright: '© 2024 Klaster Jug',
  keywords: ['Ниш', 'Štip', 'moda'],
  hierarchicalKeywords: ['Place/Srbija/Niš', 'Event/Fashion show'],
  event: 'Textile Cluster Fashion Show',
  city: 'Niš',
  venue: 'Dom omladine',
  country: 'Srbija',
  dateCreated: '2024-05-17T14:30:00',
  dateOffset: '+02:00',
};

type Format = 'jpeg' | 'webp' | 'avif';

const blank = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#888' } });
const plainJpeg = await blank().jpeg().toBuffer();
const exifJpeg = await blank()
  .withExif({ IFD0: { Make: 'X' } })
  .jpeg()
  .toBuffer();

/** The markers of the segments before the image data, in file order. */
function markers(jpeg: Buffer): number[] {
  const found: number[] = [];
  for (let pos = 2; jpeg[pos + 1] !== 0xda; pos += 2 + jpeg.readUInt16BE(pos + 2)) {
    found.push(jpeg[pos + 1]!);
  }
  return found;
}

let count = 0;
/** Exports as the exporter does: XMP through sharp, IIM spliced into the JPEG afterwards. */
async function exportImage(fields: EmbeddedFields, format: Format, image = blank()) {
  let data: Buffer = await image.withXmp(xmpPacket(fields)).toFormat(format).toBuffer();
  const segment = format === 'jpeg' ? iptcSegment(fields) : null;
  if (segment) data = insertJpegSegment(data, segment);
  const path = join(dir, `${++count}.${format}`);
  writeFileSync(path, data);
  return path;
}

function writeJpeg(data: Buffer): string {
  const path = join(dir, `${++count}.jpeg`);
  writeFileSync(path, data);
  return path;
}

/** -validate adds exiftool's conformance checks (IIM lengths, xpacket wrapper) to its warnings. */
function exiftool(path: string): ExiftoolTags {
  const out = execFileSync('exiftool', ['-json', '-G1', '-a', '-all', '-validate', path], {
    encoding: 'utf8',
  });
  return (JSON.parse(out) as ExiftoolTags[])[0]!;
}

function expectClean(tags: ExiftoolTags): void {
  expect(tags['ExifTool:Warning']).toBeUndefined();
  expect(tags['ExifTool:Validate']).toBe('OK');
}

function expectXmp(tags: ExiftoolTags, f: EmbeddedFields): void {
  expect(tags['XMP-dc:Title']).toBe(f.title);
  expect(tags['XMP-dc:Description']).toBe(f.caption);
  expect(tags['XMP-dc:Creator']).toBe(f.creator);
  expect(tags['XMP-photoshop:Credit']).toBe(f.credit);
  expect(tags['XMP-dc:Rights']).toBe(f.copyright);
  expect(tags['XMP-dc:Subject']).toEqual(f.keywords);
  expect(tags['XMP-iptcExt:Event']).toBe(f.event);
  expect(tags['XMP-photoshop:City']).toBe(f.city);
  expect(tags['XMP-iptcCore:Location']).toBe(f.venue);
  expect(tags['XMP-photoshop:Country']).toBe(f.country);
}

function expectIptc(tags: ExiftoolTags, f: EmbeddedFields): void {
  expect(tags['IPTC:CodedCharacterSet']).toBe('UTF8');
  expect(tags['IPTC:ObjectName']).toBe(f.title);
  expect(tags['IPTC:Caption-Abstract']).toBe(f.caption);
  expect(tags['IPTC:By-line']).toBe(f.creator);
  expect(tags['IPTC:Credit']).toBe(f.credit);
  expect(tags['IPTC:CopyrightNotice']).toBe(f.copyright);
  expect(tags['IPTC:Keywords']).toEqual(f.keywords);
  expect(tags['IPTC:City']).toBe(f.city);
  expect(tags['IPTC:Sub-location']).toBe(f.venue);
  expect(tags['IPTC:Country-PrimaryLocationName']).toBe(f.country);
  // Photoshop and Lightroom trust IIM and XMP as in sync only when the digests match.
  expect(tags['Photoshop:IPTCDigest']).toMatch(/^[0-9a-f]{32}$/);
  expect(tags['File:CurrentIPTCDigest']).toBe(tags['Photoshop:IPTCDigest']);
}

const descriptive = (tags: ExiftoolTags) =>
  Object.keys(tags).filter((k) => /^(XMP-(?!x:)|IPTC:|Photoshop:)/.test(k));

describe.each<Format>(['jpeg', 'webp', 'avif'])('metadata embedded in %s', (format) => {
  it('reads back every field, Cyrillic and diacritics intact, without warnings', async () => {
    const tags = exiftool(await exportImage(full, format));
    expectClean(tags);
    expectXmp(tags, full);
    expect(tags['XMP-lr:HierarchicalSubject']).toEqual(['Place|Srbija|Niš', 'Event|Fashion show']);
    expect(tags['XMP-photoshop:DateCreated']).toBe('2024:05:17 14:30:00+02:00');
    expect(tags['XMP-xmp:CreateDate']).toBe('2024:05:17 14:30:00+02:00');
    if (format === 'jpeg') {
      expectIptc(tags, full);
      expect(tags['IPTC:DateCreated']).toBe('2024:05:17');
      expect(tags['IPTC:TimeCreated']).toBe('14:30:00+02:00');
    } else {
      expect(Object.keys(tags).filter((k) => k.startsWith('IPTC:'))).toEqual([]);
    }
  });
});

describe('embedded metadata edge cases', () => {
  it('escapes markup characters in XMP and keeps them verbatim in IIM', async () => {
    const hostile = `<b>&"'`;
    const fields: EmbeddedFields = {
      ...full,
      title: hostile,
      caption: `a < b && c > "d" 'e' </x:xmpmeta> ]]> <!-- x -->`,
      creator: hostile,
      keywords: [hostile, 'Ниш'],
      city: `&amp; stays &amp;`,
    };
    const packet = xmpPacket(fields);
    expect(XMLValidator.validate(packet)).toBe(true);
    // Characters XML cannot carry at all are dropped rather than invalidating the packet.
    const controls = xmpPacket({ ...empty, event: 'Show\u0001\ud800', city: '\u0002' });
    expect(XMLValidator.validate(controls)).toBe(true);
    expect(controls).toContain('<rdf:li xml:lang="x-default">Show</rdf:li>');
    expect(controls).not.toContain('photoshop:City');
    const tags = exiftool(await exportImage(fields, 'jpeg'));
    expectClean(tags);
    expectXmp(tags, fields);
    expectIptc(tags, fields);
  });

  it('truncates IIM at a character boundary and keeps XMP whole', async () => {
    const caption = 'a' + 'Ш'.repeat(2999);
    const title = 'ab' + 'e\u0301'.repeat(30);
    const tags = exiftool(await exportImage({ ...full, caption, title }, 'jpeg'));
    expectClean(tags);
    expect(tags['XMP-dc:Description']).toBe(caption);
    expect(tags['XMP-dc:Title']).toBe(title);
    // 2000 bytes would end inside a two-byte 'Ш'; 64 would split an accent from its letter.
    expect(tags['IPTC:Caption-Abstract']).toBe('a' + 'Ш'.repeat(999));
    expect(tags['IPTC:ObjectName']).toBe('ab' + 'e\u0301'.repeat(20));
  });

  it('writes 500 keywords to both, each IIM keyword within 64 bytes', async () => {
    const keywords = Array.from(
      { length: 500 },
      (_, i) => `Кључна реч ${1000 + i} ${'ш'.repeat(30)}`,
    );
    const fields = { ...full, keywords };
    // libvips leaves out a JPEG's XMP over 60,000 bytes without an error.
    expect(Buffer.byteLength(xmpPacket(fields))).toBeLessThan(60_000);
    const tags = exiftool(await exportImage(fields, 'jpeg'));
    expectClean(tags);
    expect(tags['XMP-dc:Subject']).toEqual(keywords);
    const iim = tags['IPTC:Keywords'] as string[];
    expect(iim).toHaveLength(500);
    iim.forEach((k, i) => {
      expect(keywords[i]!.startsWith(k)).toBe(true);
      expect(Buffer.byteLength(k)).toBe(63);
    });
    expect(tags['File:CurrentIPTCDigest']).toBe(tags['Photoshop:IPTCDigest']);
  });

  it('drops the keywords that would not fit in one APP13 segment', () => {
    const keywords = Array.from({ length: 1200 }, (_, i) => `${i} ${'ш'.repeat(40)}`);
    const segment = iptcSegment({ ...empty, caption: 'x'.repeat(3000), keywords })!;
    expect(segment.length).toBeLessThanOrEqual(65_535);
    expect(segment.readUInt16BE(2)).toBe(segment.length - 2);
    const tags = exiftool(writeJpeg(insertJpegSegment(plainJpeg, segment)));
    expectClean(tags);
    const iim = tags['IPTC:Keywords'] as string[];
    expect(iim.length).toBeGreaterThan(800);
    expect(iim.length).toBeLessThan(1200);
    iim.forEach((k, i) => expect(keywords[i]!.startsWith(k)).toBe(true));
    expect(tags['File:CurrentIPTCDigest']).toBe(tags['Photoshop:IPTCDigest']);
  });

  it('writes nothing for all-empty fields', async () => {
    const packet = xmpPacket({ ...empty, title: '  ', keywords: [''] });
    expect(XMLValidator.validate(packet)).toBe(true);
    expect(packet).toMatch(/<rdf:Description rdf:about=""[^>]*\/>/);
    expect(iptcSegment({ ...empty, caption: ' ', keywords: [' '] })).toBeNull();
    const tags = exiftool(await exportImage(empty, 'jpeg'));
    expectClean(tags);
    expect(descriptive(tags)).toEqual([]);
  });

  it('leaves the IIM time out when the offset is unknown', async () => {
    const tags = exiftool(await exportImage({ ...full, dateOffset: null }, 'jpeg'));
    expectClean(tags);
    expect(tags['XMP-photoshop:DateCreated']).toBe('2024:05:17 14:30:00');
    expect(tags['IPTC:DateCreated']).toBe('2024:05:17');
    expect(tags['IPTC:TimeCreated']).toBeUndefined();
  });

  it('inserts IIM after EXIF and XMP, keeping both readable', async () => {
    const image = blank().withExif({ IFD0: { Make: 'X' } });
    const path = await exportImage(full, 'jpeg', image);
    const tags = exiftool(path);
    expectClean(tags);
    expect(tags['IFD0:Make']).toBe('X');
    expectXmp(tags, full);
    expectIptc(tags, full);
    const withIim = insertJpegSegment(exifJpeg, iptcSegment(full)!);
    expect(markers(withIim).slice(0, 2)).toEqual([0xe1, 0xed]);
    expect(markers(insertJpegSegment(plainJpeg, iptcSegment(full)!))[0]).toBe(0xed);
  });

  it('refuses a buffer that is not a JPEG', async () => {
    const png = await blank().png().toBuffer();
    const segment = iptcSegment(full)!;
    expect(() => insertJpegSegment(png, segment)).toThrow(/not a JPEG/);
    expect(() => insertJpegSegment(Buffer.alloc(0), segment)).toThrow(/not a JPEG/);
    expect(() => insertJpegSegment(exifJpeg.subarray(0, 40), segment)).toThrow(/truncated/);
  });
});
