import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processPath } from '../helpers/process-path';
import { readMetadata } from '../../electron/indexer/read-metadata';
import { exiftoolWrite, requireExiftool } from '../helpers/exiftool';
import { repoFixtures } from '../helpers/fixtures';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

// What other tools (Lightroom, digiKam, Photo Mechanic, Windows) write, in the languages the
// organisation works in: exiftool writes it into copies of a plain fixture.
requireExiftool();
const dir = tempDir();
afterAll(removeTempDirs);

function copyOf(name: string, source = 'no-exif/noexif.jpg'): string {
  const path = join(dir, name);
  copyFileSync(join(repoFixtures, source), path);
  return path;
}

function read(path: string, sidecarPath: string | null = null) {
  return processPath(path, join(dir, 'cache'), sidecarPath);
}

describe('metadata written by other tools', () => {
  it('reads Cyrillic and Serbian Latin from UTF-8 IPTC, XMP and EXIF', async () => {
    const path = copyOf('cyrillic.jpg');
    exiftoolWrite(path, [
      '-IPTC:CodedCharacterSet=UTF8',
      '-IPTC:City=Ниш',
      '-IPTC:Caption-Abstract=Модна ревија, Штип',
      '-IPTC:Keywords=Штип',
      '-IPTC:Keywords=Niš',
      '-IPTC:By-line=Đorđe Petrović',
      '-XMP-dc:Title=Уводни тренинг о кластерима',
      '-XMP-iptcExt:Event=Textile Cluster Fashion Show',
      '-XMP-lr:HierarchicalSubject=Места|Србија|Ниш',
      '-EXIF:ImageDescription=Опис',
    ]);
    const { fields, hierarchicalKeywords } = await read(path);
    expect(fields.city).toBe('Ниш');
    expect(fields.caption).toBe('Модна ревија, Штип');
    expect(fields.keywords).toEqual(['Штип', 'Niš']);
    expect(fields.creator).toBe('Đorđe Petrović');
    expect(fields.title).toBe('Уводни тренинг о кластерима');
    expect(fields.event).toBe('Textile Cluster Fashion Show');
    expect(hierarchicalKeywords).toEqual([['Места', 'Србија', 'Ниш']]);
  });

  it('keeps XMP text that looks like a number as it was written', async () => {
    const path = copyOf('numbers.jpg');
    exiftoolWrite(path, [
      '-XMP-dc:Title=007',
      '-XMP-dc:Description=1.50',
      '-XMP-photoshop:City=True',
      '-XMP-dc:Subject=007',
      '-XMP-dc:Subject=28.10',
      '-XMP-dc:Subject=2015',
      '-XMP-dc:Subject=0x1F',
      '-XMP-dc:Subject=Infinity',
      '-XMP-lr:HierarchicalSubject=Year|2015.10',
      '-XMP-xmp:Rating=4',
    ]);
    const { fields, hierarchicalKeywords } = await read(path);
    expect(fields.title).toBe('007');
    expect(fields.caption).toBe('1.50');
    expect(fields.city).toBe('True');
    expect(fields.keywords).toEqual(['007', '28.10', '2015', '0x1F', 'Infinity']);
    expect(hierarchicalKeywords).toEqual([['Year', '2015.10']]);
    // What is a number stays one.
    expect(fields.rating).toBe(4);
  });

  it('reads IPTC written in a Windows code page without a character set', async () => {
    const path = copyOf('cp1252.jpg');
    exiftoolWrite(path, [
      '-charset',
      'iptc=cp1252',
      '-IPTC:City=Niš',
      '-IPTC:Caption-Abstract=Žena i škola',
    ]);
    const { fields } = await read(path);
    expect(fields.city).toBe('Niš');
    expect(fields.caption).toBe('Žena i škola');
  });

  it('ignores zero and blank dates and falls back to the next date', async () => {
    const path = copyOf('zero-date.jpg');
    exiftoolWrite(path, [
      '-n',
      '-EXIF:DateTimeOriginal=0000:00:00 00:00:00',
      '-EXIF:CreateDate=2015:11:28 18:03:12',
      '-EXIF:OffsetTimeDigitized=+01:00',
    ]);
    const { fields } = await read(path);
    expect(fields).toMatchObject({
      takenAt: '2015-11-28T18:03:12',
      takenAtOffset: '+01:00',
      takenAtSource: 'CreateDate',
    });

    const blank = copyOf('blank-date.jpg');
    exiftoolWrite(blank, ['-n', '-EXIF:DateTimeOriginal=                   ']);
    expect((await read(blank)).fields.takenAtSource).toBe('FileTime');
  });

  it('takes the date from a phone file name when the file has none', async () => {
    const path = copyOf('IMG_20151128_180312.jpg');
    expect((await read(path)).fields).toMatchObject({
      takenAt: '2015-11-28T18:03:12',
      takenAtSource: 'FileName',
      namePrefix: 'IMG_',
    });
  });

  it('reads digiKam tag paths, Windows XP tags and Microsoft ratings', async () => {
    const path = copyOf('digikam.jpg');
    exiftoolWrite(path, [
      '-XMP-digiKam:TagsList=Projekti/Balkan Cluster',
      '-XMP-digiKam:TagsList=Mesta/Leskovac',
      '-EXIF:XPKeywords=Leskovac;Furniture-RE',
      '-EXIF:XPTitle=Info dan',
      '-XMP-microsoft:RatingPercent=75',
    ]);
    const { fields, hierarchicalKeywords } = await read(path);
    expect(hierarchicalKeywords).toEqual([
      ['Projekti', 'Balkan Cluster'],
      ['Mesta', 'Leskovac'],
    ]);
    expect(fields.keywords).toEqual(['Leskovac', 'Furniture-RE']);
    expect(fields.title).toBe('Info dan');
    expect(fields.rating).toBe(4);
  });

  it('lets an XMP sidecar override what the file says', async () => {
    const path = copyOf('DSC_2208.JPG', 'sidecar/IMG_5910.jpg');
    const sidecar = join(dir, 'DSC_2208.xmp');
    copyFileSync(join(repoFixtures, 'sidecar/IMG_5910.xmp'), sidecar);
    exiftoolWrite(sidecar, [
      '-XMP-dc:Description=Furniture-RE info dan, Vranje',
      '-XMP-photoshop:City=Vranje',
    ]);
    const { fields } = await read(path, sidecar);
    expect(fields.caption).toBe('Furniture-RE info dan, Vranje');
    expect(fields.city).toBe('Vranje');
    expect(fields.make).toBe('Canon');
    expect(fields.namePrefix).toBe('DSC_');
    expect(fields.nameNumber).toBe(2208);
    expect(fields.warnings).toEqual([]);
  });

  it('reads the XMP chunk of a WebP', async () => {
    const path = copyOf('event.webp', 'formats/HTC Desire.webp');
    exiftoolWrite(path, ['-XMP-dc:Title=Info dan Vranje', '-XMP-photoshop:City=Врање']);
    const { fields } = await read(path);
    expect(fields).toMatchObject({
      title: 'Info dan Vranje',
      city: 'Врање',
      make: 'HTC',
      warnings: [],
    });
  });

  it('never throws on garbage, whatever the name says', async () => {
    const garbage = Buffer.alloc(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 251;
    for (const format of ['jpeg', 'png', 'tiff', 'webp', 'heif', 'raw'] as const) {
      const meta = await readMetadata(garbage, format);
      expect(meta.make).toBeNull();
    }
    const path = join(dir, 'noise.jpg');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10]), garbage]),
    );
    const { fields } = await read(path);
    expect(fields.errorCode).toBe('DAMAGED');
    expect(readFileSync(path).length).toBe(4102);
  });
});
