import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { getPhoto } from '../../electron/catalog/photos-repo';
import {
  endExiftoolFallback,
  exiftoolFallbackUse,
  readWithExiftool,
} from '../../electron/indexer/exiftool-fallback';
import { exiftoolWrite, requireExiftool } from '../helpers/exiftool';
import { repoFixtures } from '../helpers/fixtures';
import { processPath } from '../helpers/process-path';
import { parseJson, runCli } from '../helpers/run-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';
import { openTestLibrary } from '../helpers/test-library';

requireExiftool();
const cacheDir = tempDir();
afterAll(async () => {
  await endExiftoolFallback();
  removeTempDirs();
});

/** A JPEG exifr finds nothing in and exiftool reads whole: its EXIF header is "Exif\0\xff". */
async function unreadableByExifr(dir: string, name = 'odd-exif.jpg'): Promise<string> {
  const file = join(dir, name);
  const image = sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } });
  writeFileSync(file, await image.jpeg().toBuffer());
  exiftoolWrite(file, ['-Make=Kadar', '-Model=K-1', '-DateTimeOriginal=2015:11:28 18:03:12']);
  const bytes = readFileSync(file);
  bytes[bytes.indexOf('Exif\0\0') + 5] = 0xff;
  writeFileSync(file, bytes);
  return file;
}

/** A camera-like JPEG: EXIF with make, model, date, orientation and GPS. */
async function cameraJpeg(dir: string, name: string): Promise<string> {
  const file = join(dir, name);
  const image = sharp({ create: { width: 64, height: 48, channels: 3, background: '#996633' } });
  writeFileSync(file, await image.jpeg().toBuffer());
  exiftoolWrite(file, [
    '-Make=NIKON CORPORATION',
    '-Model=NIKON D750',
    '-DateTimeOriginal=2015:11:28 18:03:12',
    '-Orientation#=6',
    '-GPSLatitude=41.73',
    '-GPSLatitudeRef=N',
    '-GPSLongitude=22.19',
    '-GPSLongitudeRef=E',
    '-XMP-dc:Subject=Štip',
  ]);
  return file;
}

/**
 * The fallback's processes (exiftool, which names itself by its script, and its watchdog) whose
 * parent is `parent` (1: orphans).
 */
function exiftoolProcesses(parent: number): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter(
      (m): m is RegExpExecArray =>
        m != null && /exiftool-vendored\.pl\/bin\/exiftool|-stay_open|getppid/.test(m[3]!),
    )
    .filter((m) => Number(m[2]) === parent)
    .map((m) => Number(m[1]));
}

/** Indexes `file`, checking that exiftool read it (once), and returns what was read. */
async function readByFallback(file: string) {
  const before = exiftoolFallbackUse.reads;
  const { fields } = await processPath(file, cacheDir);
  expect(exiftoolFallbackUse.reads).toBe(before + 1);
  return fields;
}

describe('the exiftool fallback', () => {
  it('reads a file exifr finds nothing in, by exiftool, and says so', async () => {
    const f = await readByFallback(await unreadableByExifr(tempDir()));
    expect([f.make, f.model, f.takenAt, f.takenAtSource]).toEqual([
      'Kadar',
      'K-1',
      '2015-11-28T18:03:12',
      'DateTimeOriginal',
    ]);
    expect(f.warnings).toEqual(['Read with exiftool, as exifr found no metadata.']);
    expect(f.error).toBeNull();
  });

  it('reads a file exifr fails on, by exiftool, and says why', async () => {
    // A camera JPEG whose Make entry points far outside the file: exifr gives up on the whole
    // block; exiftool warns about that tag and reads the rest.
    const file = await cameraJpeg(tempDir(), 'DSC_0002.JPG');
    const bytes = readFileSync(file);
    const tiff = bytes.indexOf('Exif\0\0') + 6;
    expect(bytes.toString('latin1', tiff, tiff + 2)).toBe('MM');
    const ifd0 = tiff + bytes.readUInt32BE(tiff + 4);
    const entries = bytes.readUInt16BE(ifd0);
    const make = Array.from({ length: entries }, (_, i) => ifd0 + 2 + i * 12).find(
      (e) => bytes.readUInt16BE(e) === 0x010f,
    )!;
    bytes.writeUInt32BE(0x7ffffff0, make + 8);
    writeFileSync(file, bytes);

    const f = await readByFallback(file);
    expect([f.model, f.takenAt, f.takenAtSource, f.orientation]).toEqual([
      'NIKON D750',
      '2015-11-28T18:03:12',
      'DateTimeOriginal',
      6,
    ]);
    expect([f.gpsLatitude, f.gpsLongitude]).toEqual([41.73, 22.19]);
    expect(f.warnings).toEqual([
      expect.stringMatching(
        /^Read with exiftool, as exifr could not read it: .*Invalid TIFF value offset/,
      ),
    ]);
    expect(f.error).toBeNull();
  });

  it('reads a file whose EXIF block exifr drops without a word, by exiftool', async () => {
    // One EXIF value (ExposureTime) points far outside the file: exifr leaves out the whole
    // EXIF block, date included, and reports nothing.
    const file = await cameraJpeg(tempDir(), 'DSC_0003.JPG');
    exiftoolWrite(file, ['-ExposureTime=1/125', '-ISO=800']);
    const bytes = readFileSync(file);
    const tiff = bytes.indexOf('Exif\0\0') + 6;
    const entryOf = (ifd: number, tag: number) =>
      Array.from({ length: bytes.readUInt16BE(ifd) }, (_, i) => ifd + 2 + i * 12).find(
        (e) => bytes.readUInt16BE(e) === tag,
      )!;
    const ifd0 = tiff + bytes.readUInt32BE(tiff + 4);
    const exifIfd = tiff + bytes.readUInt32BE(entryOf(ifd0, 0x8769) + 8);
    bytes.writeUInt32BE(0x7ffffff0, entryOf(exifIfd, 0x829a) + 8);
    writeFileSync(file, bytes);

    const f = await readByFallback(file);
    expect([f.takenAt, f.takenAtSource, f.iso]).toEqual([
      '2015-11-28T18:03:12',
      'DateTimeOriginal',
      800,
    ]);
    expect(f.warnings).toEqual(['Read with exiftool, as exifr dropped the EXIF block.']);
  });

  it('says when exiftool found nothing either, rather than that it read the file', async () => {
    // An EXIF segment whose TIFF header is garbage: exifr fails on it, exiftool reads nothing.
    const file = join(tempDir(), 'garbage-exif.jpg');
    const plain = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#369' } })
      .jpeg()
      .toBuffer();
    const body = Buffer.concat([Buffer.from('Exif\0\0'), Buffer.from('XX\0*junk junk junk')]);
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, body.length + 2]), body]);
    writeFileSync(file, Buffer.concat([plain.subarray(0, 2), app1, plain.subarray(2)]));
    const { fields: f } = await processPath(file, cacheDir);
    expect(f.warnings.at(-1)).toMatch(/^exiftool found no metadata in it either/);
    expect(f.warnings.join('\n')).not.toMatch(/Read with exiftool/);
    expect(f.error).toBeNull();
  });

  it('merges as the exifr path does: the camera by exiftool, what people wrote by exifr and the sidecar', async () => {
    const dir = tempDir();
    const file = join(dir, 'DSC_0004.JPG');
    const image = sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } });
    writeFileSync(file, await image.jpeg().toBuffer());
    // IPTC in UTF-8 without a character set (exiftool reads it as a Windows code page), and
    // the time zone only in XMP.
    exiftoolWrite(file, [
      '-Make=Kadar',
      '-Model=K-1',
      '-Software=Kadar test',
      '-Orientation#=1',
      '-DateTimeOriginal=2015:11:28 18:03:12',
      '-charset',
      'iptc=UTF8',
      '-IPTC:Keywords=Niš',
      '-IPTC:Keywords=Čačak',
      '-XMP-exif:DateTimeOriginal=2015:11:28 18:03:12+01:00',
    ]);
    // The Software entry points far outside the file: exifr gives up on the EXIF block.
    const bytes = readFileSync(file);
    const tiff = bytes.indexOf('Exif\0\0') + 6;
    const le = bytes.toString('latin1', tiff, tiff + 2) === 'II';
    const u16 = (at: number) => (le ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
    const u32 = (at: number) => (le ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
    const ifd0 = tiff + u32(tiff + 4);
    const software = Array.from({ length: u16(ifd0) }, (_, k) => ifd0 + 2 + k * 12).find(
      (e) => u16(e) === 0x0131,
    )!;
    if (le) bytes.writeUInt32LE(0x7ffffff0, software + 8);
    else bytes.writeUInt32BE(0x7ffffff0, software + 8);
    writeFileSync(file, bytes);
    // A sidecar that says what the camera did not (another tool's), and what a person wrote.
    const sidecar = join(dir, 'DSC_0004.JPG.xmp');
    writeFileSync(
      sidecar,
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:tiff="http://ns.adobe.com/tiff/1.0/"
          xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"
          tiff:Make="Sidecar" tiff:Orientation="6">
          <dc:title><rdf:Alt><rdf:li xml:lang="x-default">From the sidecar</rdf:li></rdf:Alt></dc:title>
        </rdf:Description></rdf:RDF></x:xmpmeta>`,
    );
    const before = exiftoolFallbackUse.reads;
    const { fields: f } = await processPath(file, cacheDir, sidecar);
    expect(exiftoolFallbackUse.reads).toBe(before + 1);
    expect([f.make, f.model, f.orientation]).toEqual(['Kadar', 'K-1', 1]);
    expect([f.takenAt, f.takenAtOffset]).toEqual(['2015-11-28T18:03:12', '+01:00']);
    expect(f.title).toBe('From the sidecar');
    expect(f.keywords).toEqual(['Niš', 'Čačak']);
  });

  it('never runs for camera JPEGs, phone JPEGs or JPEGs without metadata', async () => {
    const dir = tempDir();
    const files = [await cameraJpeg(dir, 'DSC_0001.JPG')];
    const plain = join(dir, 'whatsapp.jpg');
    writeFileSync(
      plain,
      await sharp({ create: { width: 9, height: 9, channels: 3, background: '#fff' } })
        .jpeg()
        .toBuffer(),
    );
    files.push(plain);
    for (const folder of ['cameras', 'gps', 'phones', 'iptc-xmp', 'orientation', 'no-exif']) {
      for (const name of readdirSync(join(repoFixtures, folder)))
        if (/\.jpe?g$/i.test(name)) files.push(join(repoFixtures, folder, name));
    }
    const before = exiftoolFallbackUse.reads;
    for (const file of files) {
      const { fields: f } = await processPath(file, cacheDir);
      expect(f.warnings.join('\n'), file).not.toMatch(/exiftool/);
    }
    expect(files.length).toBeGreaterThan(30);
    expect(exiftoolFallbackUse.reads).toBe(before);
  });

  it('rejects, rather than throwing anything odd, for a file exiftool cannot read', async () => {
    await expect(readWithExiftool(join(tempDir(), 'gone.jpg'))).rejects.toThrow();
  });

  it('in an index job, runs in the pool’s thread for its workers and leaves no process behind', async () => {
    await endExiftoolFallback(); // this thread's own reader, from the tests above
    const dir = tempDir();
    mkdirSync(join(dir, 'photos'));
    await unreadableByExifr(join(dir, 'photos'));
    await cameraJpeg(join(dir, 'photos'), 'DSC_0002.JPG');
    copyFileSync(join(repoFixtures, 'cameras/Canon_40D.jpg'), join(dir, 'photos/Canon_40D.jpg'));
    const lib = openTestLibrary(dir);
    try {
      const summary = await lib.index([join(dir, 'photos')]);
      expect(summary).toMatchObject({ status: 'completed', added: 3, failed: 0 });
      const byName = new Map([...lib.paths()].map(([id, rel]) => [rel, getPhoto(lib.db, id)!]));
      const odd = byName.get('odd-exif.jpg')!;
      expect([odd.make, odd.model, odd.takenAt]).toEqual(['Kadar', 'K-1', '2015-11-28T18:03:12']);
      expect(odd.warnings).toEqual(['Read with exiftool, as exifr found no metadata.']);
      expect(byName.get('DSC_0002.JPG')!.warnings).toEqual([]);
      // The job ends the exiftool process it started (the pool lives on).
      expect(exiftoolProcesses(process.pid)).toEqual([]);
    } finally {
      await lib.close();
    }
    expect(exiftoolProcesses(process.pid)).toEqual([]);
  });

  it('without perl on the computer, says so on each file and completes the run', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'photos'));
    await unreadableByExifr(join(dir, 'photos'), 'a.jpg');
    await unreadableByExifr(join(dir, 'photos'), 'b.jpg');
    const catalog = join(dir, 'c.sqlite');
    const run = await runCli(
      ['--catalog', catalog, 'index', join(dir, 'photos'), '--json', '--progress', 'none'],
      { timeout: 60_000, env: { ...process.env, PATH: join(dir, 'no-programs-here') } },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(parseJson<{ added: number; failed: number }>(run)).toMatchObject({
      added: 2,
      failed: 0,
    });
    const photos = parseJson<{ warnings: string[] }[]>(
      await runCli(['--catalog', catalog, 'photos', '--json']),
    );
    expect(photos.map((p) => p.warnings.at(-1))).toEqual([
      'exiftool could not read the file either (perl, which runs exiftool, was not found on this computer).',
      'exiftool could not read the file either (perl, which runs exiftool, was not found on this computer).',
    ]);
  });

  it('lets `kadar index` exit on its own, with no exiftool process left', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'photos'));
    await unreadableByExifr(join(dir, 'photos'));
    const orphansBefore = new Set(exiftoolProcesses(1));
    const run = await runCli(
      [
        '--catalog',
        join(dir, 'c.sqlite'),
        'index',
        join(dir, 'photos'),
        '--json',
        '--progress',
        'none',
      ],
      { timeout: 60_000 },
    );
    expect(run.signal).toBeNull();
    expect(run.code).toBe(0);
    expect(parseJson<{ added: number; failed: number }>(run)).toMatchObject({
      added: 1,
      failed: 0,
    });
    // Ending exiftool takes a moment after Node has asked it to; then nothing may be left.
    const orphans = () => exiftoolProcesses(1).filter((pid) => !orphansBefore.has(pid));
    for (let wait = 0; wait < 20 && orphans().length; wait++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(orphans()).toEqual([]);
  });
});
