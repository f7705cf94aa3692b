import {
  rmSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/dispatch';
import { createKadarApi, type KadarApi } from '../../electron/api/kadar-api';
import { parseNews } from '../../electron/archive/news/parse-news';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { PresetSettings } from '../../shared/api/domains/export-presets';
import {
  exiftoolRead,
  exiftoolWrite,
  requireExiftool,
  type ExiftoolTags,
} from '../helpers/exiftool';
import { makeTiffRaw } from '../helpers/make-raw';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';
import type { ExportProgress } from '../../shared/api/domains/export';

const sample = fileURLToPath(new URL('../../assets/sample/photos/', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/photos/', import.meta.url));
let api: KadarApi;
let library: string;
let out: string;
let stip: number;
let nis: number;
let project: number;
const shown: string[] = [];

const call = <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> =>
  callApi(api.handlers, method, input);
const photo = (name: string) =>
  (api.db.prepare('SELECT id FROM photos WHERE file_name = ?').get(name) as { id: number }).id;

/** Runs an export to its end and returns it with its files. */
async function exported(input: MethodInput<'export.start'>) {
  const { exportId } = await call('export.start', input);
  await api.exporting.finished(exportId);
  return call('export.get', { exportId });
}
const website = (source: MethodInput<'export.start'>['source'], dir: string) =>
  exported({ source, presetName: 'Website', outDir: join(out, dir) });
const tags = (file: string): ExiftoolTags => exiftoolRead([file]).values().next().value!;
const groups = (t: ExiftoolTags) => new Set(Object.keys(t).map((k) => k.split(':')[0]!));

async function preset(name: string, change: Partial<PresetSettings>) {
  const base = (await call('presets.list', {})).find((p) => p.name === 'Website')!.settings;
  return call('presets.save', { name, settings: { ...base, ...change } });
}

beforeAll(async () => {
  requireExiftool();
  const dir = tempDir();
  library = join(dir, 'library');
  out = join(dir, 'out');
  mkdirSync(out);
  cpSync(sample, library, { recursive: true, preserveTimestamps: true });
  const extra = join(library, 'extra');
  mkdirSync(extra);
  for (const f of [
    'gps/DSCN0010.jpg',
    'cameras/Olympus PEN E-P3.jpg',
    'orientation/landscape_6.jpg',
    'broken/corrupted.jpg',
  ])
    cpSync(join(fixtures, f), join(extra, f.split('/')[1]!));
  // A RAW file shot upright: its embedded preview is what an export can use.
  const preview = await sharp({
    create: { width: 1200, height: 800, channels: 3, background: '#3060a0' },
  })
    .jpeg()
    .toBuffer();
  writeFileSync(
    join(extra, 'DSC_0099.NEF'),
    makeTiffRaw({
      make: 'NIKON CORPORATION',
      model: 'NIKON D750',
      orientation: 6,
      dateTimeOriginal: '2015:11:28 19:00:00',
      preview,
      thumbnail: await sharp(preview).resize(160).jpeg().toBuffer(),
    }),
  );
  // A camera that records its owner, as some set up by an office do.
  exiftoolWrite(join(extra, 'DSCN0010.jpg'), ['-ExifIFD:OwnerName=Ana Petrović']);
  // As the desktop app runs it, with "Show in folder" recorded instead of shown.
  api = createKadarApi({
    catalogPath: join(dir, 'catalog.sqlite'),
    threads: 2,
    shell: { kind: 'electron', showInFolder: (path) => void shown.push(path) },
  });
  await call('roots.add', { path: library });
  await call('index.start', {});
  await api.indexing.idle();

  const ids = [
    'DSC_2208.JPG',
    'DSC_2211.JPG',
    'IMG_5218.JPG',
    'DSCN0010.jpg',
    'Olympus PEN E-P3.jpg',
    'landscape_6.jpg',
  ].map(photo);
  stip = (
    await call('events.create', {
      title: 'Модна ревија Штип',
      startsOn: '2015-11-28',
      venue: 'Dom na kultura',
      city: 'Štip',
      photoIds: ids,
    })
  ).id;
  nis = (
    await call('events.create', {
      title: 'Obuka Niš',
      startsOn: '2015-11-19',
      endsOn: '2015-11-20',
      city: 'Niš',
      photoIds: ['DSC_0412.JPG', 'DSC_0415.JPG', 'IMG_20151120_101530.jpg'].map(photo),
    })
  ).id;
  project = (
    await call('projects.create', {
      name: 'Moda i tekstil',
      programme: 'Interreg IPA',
      startsOn: '2015-01-01',
      endsOn: '2016-12-31',
      credit: 'Klaster Jug',
      copyright: '© Klaster Jug 2015',
    })
  ).id;
  await call('projects.linkEvents', { projectId: project, eventIds: [stip, nis] });
  await call('photos.caption', {
    ids,
    caption: '{event}, {city}, {date}. Фото: {seq}',
  });
  await call('tags.add', { photoIds: ids, paths: ['Place/Štip', 'Moda'] });
}, 60_000);
afterAll(async () => {
  await api.close();
  removeTempDirs();
});

describe('an event exported with the Website preset', () => {
  let result: Awaited<ReturnType<typeof website>>;
  beforeAll(async () => {
    result = await website({ kind: 'event', id: stip }, 'stip');
  }, 60_000);

  it('names the files from the event, numbered in capture order, and never upscales', () => {
    expect(result.status).toBe('done');
    expect(result.files.map((f) => f.fileName)).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => `modna-revija-stip-00${n}.jpg`).slice(0, result.files.length),
    );
    for (const f of result.files) {
      const t = tags(f.path);
      expect([t['File:ImageWidth'], t['File:ImageHeight']]).toEqual([f.width, f.height]);
      expect(Math.max(f.width, f.height)).toBeLessThanOrEqual(2048);
      expect(f.bytes).toBe(readFileSync(f.path).length);
    }
    // The damaged original is not in the event; the five others are, none larger than it was.
    expect(result.files).toHaveLength(6);
    const olympus = result.files.find((f) => f.photoId === photo('Olympus PEN E-P3.jpg'))!;
    expect(Math.max(olympus.width, olympus.height)).toBeLessThanOrEqual(2048);
  });

  it('bakes the orientation in', () => {
    const turned = result.files.find((f) => f.photoId === photo('landscape_6.jpg'))!;
    expect([turned.width, turned.height]).toEqual([600, 450]);
    expect(tags(turned.path)['IFD0:Orientation'] ?? 1).toBe(1);
  });

  it('embeds caption, credit, copyright and keywords as XMP and IPTC, and drops GPS, serials and the owner', async () => {
    const photos = new Map(
      (await call('photos.get', { ids: result.files.map((f) => f.photoId!) })).map((p) => [
        p.id,
        p,
      ]),
    );
    // The project's credit stands in for photos without their own.
    expect([...photos.values()].map((p) => p.credit)).toContain('Klaster Jug');
    for (const f of result.files) {
      const t = tags(f.path);
      const p = photos.get(f.photoId!)!;
      expect(t['XMP-dc:Description']).toMatch(
        /^Модна ревија Штип, Štip, \d+\.\d+\.\d{4}\. Фото: \d$/,
      );
      expect(t['IPTC:Caption-Abstract']).toBe(t['XMP-dc:Description']);
      expect(p.credit).not.toBeNull();
      expect(t['XMP-photoshop:Credit']).toBe(p.credit);
      expect(t['IPTC:Credit']).toBe(p.credit);
      expect(p.copyright).not.toBeNull();
      expect(t['XMP-dc:Rights']).toBe(p.copyright);
      expect(t['IPTC:CopyrightNotice']).toBe(p.copyright);
      expect(t['XMP-dc:Subject']).toEqual(expect.arrayContaining(['Štip', 'Moda']));
      expect(t['IPTC:Keywords']).toEqual(expect.arrayContaining(['Štip', 'Moda']));
      expect(t['XMP-iptcExt:Event']).toBe('Модна ревија Штип');
      expect(t['XMP-photoshop:City']).toBe('Štip');
      expect(groups(t)).not.toContain('GPS');
      expect(Object.keys(t).filter((k) => /GPS|Serial|Owner/i.test(k))).toEqual([]);
      expect(groups(t)).not.toContain('IFD1');
    }
    const originals = exiftoolRead([join(library, 'extra')]);
    const gps = [...originals.values()].find((t) => t['GPS:GPSLatitude'] != null);
    expect(gps, 'the fixture has GPS').toBeDefined();
    expect(
      Object.keys(tags(join(library, 'extra', 'Olympus PEN E-P3.jpg'))).some((k) =>
        /Serial/.test(k),
      ),
    ).toBe(true);
  });

  it("keeps the camera's settings under the default policy", () => {
    const t = tags(result.files.find((f) => f.photoId === photo('DSC_2208.JPG'))!.path);
    expect(t['IFD0:Model']).toBe('NIKON D70');
    expect(t['ExifIFD:DateTimeOriginal']).toBe('2015:11:28 18:03:12');
  });

  it('writes the gallery, gallery.json, captions.csv and a news text that the news import reads back', () => {
    const dir = result.outDir;
    expect(readdirSync(dir).sort()).toEqual(
      [
        'assets',
        'captions.csv',
        'gallery.json',
        'index.html',
        'news.txt',
        ...result.files.map((f) => f.fileName),
      ].sort(),
    );
    expect(result.gallery).toBe(join(dir, 'index.html'));
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    for (const f of result.files) expect(html).toContain(`href="${f.fileName}"`);
    const json = JSON.parse(readFileSync(join(dir, 'gallery.json'), 'utf8')) as {
      title: string;
      sections: { photos: { file: string; caption: string; width: number }[] }[];
    };
    expect(json.title).toBe('Модна ревија Штип');
    expect(json.sections[0]!.photos.map((p) => p.file)).toEqual(
      result.files.map((f) => f.fileName),
    );
    const csv = readFileSync(join(dir, 'captions.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFfile,title,caption,credit,date\r\n')).toBe(true);
    expect(csv).toContain(
      'modna-revija-stip-003.jpg,,"Модна ревија Штип, Štip, 28.11.2015. Фото: 1",Kadar sample archive,2015-11-28 18:03:12',
    );
    const news = parseNews(readFileSync(join(dir, 'news.txt'), 'utf8'));
    expect(news.title).toBe('Модна ревија Штип');
    expect(news.events[0]).toMatchObject({ startsOn: '2015-11-28', city: 'Štip' });
    expect(news.photoNames).toEqual(result.files.map((f) => f.fileName));
  });

  it('shows the gallery in its folder in the desktop app', async () => {
    expect(await call('shell.showExport', { exportId: result.id })).toEqual({ shown: true });
    expect(shown).toEqual([join(result.outDir, 'index.html')]);
  });

  it('leaves nothing beside the folder it made', () => {
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

describe('presets', () => {
  it('strips everything under the strip policy, and keeps only credit, copyright and caption under credit-only', async () => {
    await preset('Bare', { metadata: 'strip' });
    await preset('Credit', {
      metadata: 'credit-only',
      size: { fit: 'box', width: 300, height: 300 },
    });
    const ids = [photo('DSC_2208.JPG')];
    const bare = await exported({
      source: { kind: 'photos', ids },
      presetName: 'bare',
      outDir: join(out, 'bare'),
    });
    const t = tags(bare.files[0]!.path);
    expect(
      [...groups(t)].filter(
        (g) => !['SourceFile', 'ExifTool', 'System', 'File', 'JFIF', 'Composite'].includes(g),
      ),
    ).toEqual([]);
    const credit = await exported({
      source: { kind: 'photos', ids },
      presetName: 'CREDIT',
      outDir: join(out, 'credit'),
    });
    const c = tags(credit.files[0]!.path);
    expect([credit.files[0]!.width, credit.files[0]!.height]).toEqual([300, 200]);
    expect(c['XMP-dc:Description']).toContain('Модна ревија');
    expect(c['XMP-photoshop:Credit']).toBe('Kadar sample archive');
    expect(c['XMP-dc:Rights']).toEqual(expect.any(String));
    expect(c['XMP-dc:Subject']).toBeUndefined();
    expect(c['IFD0:Model']).toBeUndefined();
    expect(groups(c)).not.toContain('IFD0');
  });

  it('writes WebP and AVIF with the XMP, from a HEIC too', async () => {
    await preset('Web small', {
      format: 'webp',
      quality: 70,
      size: { fit: 'long-edge', longEdge: 400 },
      fileName: '{original}',
    });
    await preset('Avif small', {
      format: 'avif',
      quality: 50,
      size: { fit: 'long-edge', longEdge: 400 },
      fileName: '{date}-{title}',
    });
    const ids = [photo('DSC_2208.JPG'), photo('IMG_2682.HEIC')];
    const webp = await exported({
      source: { kind: 'photos', ids },
      presetName: 'web small',
      outDir: join(out, 'webp'),
    });
    expect(webp.skipped).toEqual([]);
    expect(webp.files.map((f) => f.fileName)).toEqual(['DSC_2208.webp', 'IMG_2682.webp']);
    const avif = await exported({
      source: { kind: 'photos', ids },
      presetName: 'avif small',
      outDir: join(out, 'avif'),
    });
    expect(avif.files.map((f) => f.fileName)).toEqual([
      '2015-11-28.avif',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}\.avif$/) as string,
    ]);
    for (const f of [...webp.files, ...avif.files]) {
      const t = tags(f.path);
      expect(Math.max(f.width, f.height)).toBe(400);
      expect(t['File:FileType']).toMatch(f.fileName.endsWith('webp') ? /WEBP/ : /AVIF/);
      expect(groups(t)).not.toContain('GPS');
    }
    expect(tags(webp.files[0]!.path)['XMP-photoshop:Credit']).toBe('Kadar sample archive');
  });

  it('draws a text or PNG watermark where the preset puts it', async () => {
    const logo = join(tempDir(), 'logo.png');
    await sharp({ create: { width: 200, height: 100, channels: 4, background: '#ff0000' } })
      .png()
      .toFile(logo);
    await preset('Marked', {
      size: { fit: 'long-edge', longEdge: 800 },
      watermark: { kind: 'image', path: logo, position: 'bottom-right', size: 20, opacity: 1 },
    });
    const ids = [photo('DSC_2208.JPG')];
    await preset('Plain 800', { size: { fit: 'long-edge', longEdge: 800 } });
    const plain = await exported({
      source: { kind: 'photos', ids },
      presetName: 'Plain 800',
      outDir: join(out, 'plain'),
    });
    const marked = await exported({
      source: { kind: 'photos', ids },
      presetName: 'Marked',
      outDir: join(out, 'marked'),
    });
    // stats() describes its input, so the patch is cut out first.
    const patch = async (file: string, left: number, top: number) => {
      const cut = await sharp(file).extract({ left, top, width: 20, height: 20 }).toBuffer();
      return (await sharp(cut).stats()).channels.map((c) => c.mean);
    };
    const { width, height } = marked.files[0]!;
    // The logo is 20 % of the width (160 × 80), a small margin in from the bottom-right corner.
    const [r, g, b] = await patch(marked.files[0]!.path, width - 60, height - 60);
    expect(r).toBeGreaterThan(200);
    expect(g! + b!).toBeLessThan(80);
    const away = await patch(marked.files[0]!.path, 10, 10);
    const before = await patch(plain.files[0]!.path, 10, 10);
    away.forEach((mean, i) => expect(Math.abs(mean - before[i]!)).toBeLessThan(3));
    await preset('Text mark', {
      size: { fit: 'long-edge', longEdge: 800 },
      watermark: {
        kind: 'text',
        text: '© Klaster Jug',
        position: 'top-left',
        size: 30,
        opacity: 1,
      },
    });
    const text = await exported({
      source: { kind: 'photos', ids },
      presetName: 'Text mark',
      outDir: join(out, 'text'),
    });
    const bright = async (file: string) => {
      const cut = await sharp(file)
        .extract({ left: 0, top: 0, width: 300, height: 80 })
        .greyscale()
        .toBuffer();
      return (await sharp(cut).stats()).channels[0]!.max;
    };
    expect(await bright(text.files[0]!.path)).toBeGreaterThan(240);
    expect(await bright(plain.files[0]!.path)).toBeLessThan(await bright(text.files[0]!.path));
  });

  it('refuses an impossible preset with the field it is about, and writes nothing', async () => {
    const settings = (await call('presets.list', {}))[0]!.settings;
    await expect(
      call('presets.save', { name: 'X', settings: { ...settings, quality: 0 } }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('quality') as string,
    });
    await expect(
      call('presets.save', { name: 'X', settings: { ...settings, fileName: '{evnt}-{seq}' } }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/fileName.*Unknown variable \{evnt\}/) as string,
    });
    await expect(
      call('presets.save', { name: 'X', settings: { ...settings, fileName: 'a/{seq}' } }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('fileName') as string,
    });
    await expect(call('presets.save', { name: 'website', settings })).rejects.toMatchObject({
      message: expect.stringContaining('already a preset named') as string,
    });
    await preset('Lost logo', {
      watermark: {
        kind: 'image',
        path: join(out, 'no-logo.png'),
        position: 'center',
        size: 10,
        opacity: 0.5,
      },
    });
    await expect(
      call('export.start', {
        source: { kind: 'event', id: stip },
        presetName: 'Lost logo',
        outDir: join(out, 'never'),
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('settings.watermark.path') as string,
    });
    expect(existsSync(join(out, 'never'))).toBe(false);
  });

  it('are edits: a change and a delete are undone', async () => {
    const before = await call('presets.list', {});
    const saved = await preset('Undone', { quality: 60 });
    await call('presets.delete', { id: saved.id });
    await call('history.undo', {});
    expect((await call('presets.list', {})).find((p) => p.id === saved.id)?.settings.quality).toBe(
      60,
    );
    await call('history.undo', {});
    expect(await call('presets.list', {})).toEqual(before);
  });
});

describe('a project exported', () => {
  it('has its events as sections in date order, each numbered from 001', async () => {
    const result = await website({ kind: 'project', id: project }, 'project');
    const json = JSON.parse(readFileSync(join(result.outDir, 'gallery.json'), 'utf8')) as {
      title: string;
      subtitle: string;
      sections: { title: string; subtitle: string; photos: { file: string }[] }[];
    };
    expect(json.title).toBe('Moda i tekstil');
    expect(json.subtitle).toBe('Interreg IPA · 2015–2016');
    expect(json.sections.map((s) => [s.title, s.subtitle, s.photos[0]!.file])).toEqual([
      ['Obuka Niš', '19–20.11.2015 · Niš', 'obuka-nis-001.jpg'],
      ['Модна ревија Штип', '28.11.2015 · Dom na kultura, Štip', 'modna-revija-stip-001.jpg'],
    ]);
    const html = readFileSync(join(result.outDir, 'index.html'), 'utf8');
    expect(html.indexOf('Obuka Niš')).toBeLessThan(html.indexOf('Модна ревија Штип'));
  });
});

describe('bad input', () => {
  it('refuses a non-empty folder unless told to replace it, and replaces it whole', async () => {
    const dir = join(out, 'busy');
    mkdirSync(dir);
    writeFileSync(join(dir, 'old.txt'), 'old');
    await expect(
      call('export.start', {
        source: { kind: 'event', id: nis },
        presetName: 'Website',
        outDir: dir,
      }),
    ).rejects.toMatchObject({
      code: 'OUTPUT_NOT_EMPTY',
      message: expect.stringContaining(dir) as string,
    });
    expect(readdirSync(dir)).toEqual(['old.txt']);
    const replaced = await exported({
      source: { kind: 'event', id: nis },
      presetName: 'Website',
      outDir: dir,
      force: true,
    });
    expect(replaced.status).toBe('done');
    expect(readdirSync(dir)).not.toContain('old.txt');
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('refuses a folder whose parent is missing, or that cannot be written, and a source that does not exist', async () => {
    const start = (
      outDir: string,
      source: MethodInput<'export.start'>['source'] = { kind: 'event', id: nis },
    ) => call('export.start', { source, presetName: 'Website', outDir });
    await expect(start(join(out, 'no', 'such'))).rejects.toMatchObject({
      code: 'FOLDER_NOT_FOUND',
    });
    await expect(start('/proc/kadar-export')).rejects.toMatchObject({ code: 'OUTPUT_UNWRITABLE' });
    await expect(start(join(out, 'x'), { kind: 'event', id: 999 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(start(join(out, 'x'), { kind: 'photos', ids: [999] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(existsSync(join(out, 'x'))).toBe(false);
  });

  it('never exports into a library folder or replaces one, even when told to', async () => {
    for (const outDir of [join(library, '2015'), join(library, 'web'), library])
      await expect(
        call('export.start', {
          source: { kind: 'event', id: nis },
          presetName: 'Website',
          outDir,
          force: true,
        }),
      ).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('a library folder') as string,
      });
    expect(existsSync(join(library, 'web'))).toBe(false);
  });

  it('skips an offline or damaged original, lists it, and exports the rest', async () => {
    const moved = join(library, '2015', '2015-11-24 Furniture-RE Vranje', 'DSC_1120.JPG');
    const ids = [photo('DSC_1120.JPG'), photo('corrupted.jpg'), photo('P1000123.JPG')];
    renameSync(moved, `${moved}.away`);
    try {
      const result = await exported({
        source: { kind: 'photos', ids },
        presetName: 'Website',
        outDir: join(out, 'partial'),
      });
      expect(result.status).toBe('done');
      expect(result.files.map((f) => f.photoId)).toEqual([photo('P1000123.JPG')]);
      expect(result.skipped.map((s) => [s.fileName, s.code])).toEqual(
        expect.arrayContaining([
          ['DSC_1120.JPG', 'OFFLINE'],
          ['corrupted.jpg', 'DAMAGED'],
        ]),
      );
      expect(result.skipped.find((s) => s.code === 'OFFLINE')!.message).toContain('not connected');
    } finally {
      renameSync(`${moved}.away`, moved);
    }
  });

  it('fails whole when no photo can be exported, leaving nothing', async () => {
    const result = await exported({
      source: { kind: 'photos', ids: [photo('corrupted.jpg')] },
      presetName: 'Website',
      outDir: join(out, 'none'),
    });
    expect(result).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('None of the 1 photos') as string,
    });
    expect(existsSync(join(out, 'none'))).toBe(false);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('exports a RAW file from its embedded picture, turned upright', async () => {
    const result = await exported({
      source: { kind: 'photos', ids: [photo('DSC_0099.NEF')] },
      presetName: 'Website',
      outDir: join(out, 'raw'),
    });
    expect(result.skipped).toEqual([]);
    expect(result.files.map((f) => [f.width, f.height])).toEqual([[800, 1200]]);
    expect(tags(result.files[0]!.path)['IFD0:Model']).toBe('NIKON D750');
  });

  it('reports progress with done, total, rate and time left', async () => {
    const seen: ExportProgress[] = [];
    const off = api.onEvent((event, payload) => {
      if (event === 'export.progress') seen.push(payload as ExportProgress);
    });
    const result = await exported({
      source: { kind: 'project', id: project },
      presetName: 'Newsletter',
      outDir: join(out, 'progress'),
    });
    off();
    expect(seen.every((p) => p.exportId === result.id && p.total === 9)).toBe(true);
    expect(seen[0]).toMatchObject({ phase: 'images', done: 0 });
    expect(seen.at(-1)).toMatchObject({ phase: 'done', done: 9, skipped: 0 });
    expect(seen.map((p) => p.phase)).toContain('gallery');
    for (const p of seen) {
      expect(p.rate).toBeGreaterThanOrEqual(0);
      expect(p.etaSeconds === null || p.etaSeconds >= 0).toBe(true);
    }
  });

  it('fails whole when writing fails part-way (a full disk, a drive gone), leaving nothing', async () => {
    const target = join(out, 'lost');
    const { exportId } = await call('export.start', {
      source: { kind: 'project', id: project },
      presetName: 'Full-size copy',
      outDir: target,
    });
    // The hidden folder vanishes under the export, as a write to a full or removed drive fails.
    const staging = readdirSync(out).find((n) => n.startsWith('.lost.kadar-export-'))!;
    rmSync(join(out, staging), { recursive: true });
    await api.exporting.finished(exportId);
    const record = await call('export.get', { exportId });
    expect(record).toMatchObject({ status: 'failed', files: [] });
    expect(record.error).toMatch(/ENOENT|no such file/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('cancels: nothing appears and nothing is left behind', async () => {
    const { exportId } = await call('export.start', {
      source: { kind: 'project', id: project },
      presetName: 'Full-size copy',
      outDir: join(out, 'cancelled'),
    });
    await call('export.cancel', { exportId });
    await api.exporting.finished(exportId);
    expect((await call('export.get', { exportId })).status).toBe('cancelled');
    expect(existsSync(join(out, 'cancelled'))).toBe(false);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

describe('export history', () => {
  it("lists an event's, a project's and a photo's exports, marks photos changed since, and exports again", async () => {
    const first = await website({ kind: 'event', id: nis }, 'history');
    const ofEvent = await call('export.history', { eventId: nis });
    expect(ofEvent[0]).toMatchObject({
      id: first.id,
      changedCount: 0,
      presetName: 'Website',
      outDir: join(out, 'history'),
    });
    expect(
      (await call('export.history', { projectId: project })).every(
        (e) => e.source.kind === 'project',
      ),
    ).toBe(true);
    const one = photo('DSC_0412.JPG');
    expect((await call('export.history', { photoId: one })).map((e) => e.id)).toContain(first.id);

    // Under the Newsletter's credit-only policy a title is not embedded, but the gallery's page
    // shows it: an edited title is a change too.
    const newsletter = await exported({
      source: { kind: 'event', id: nis },
      presetName: 'Newsletter',
      outDir: join(out, 'history-newsletter'),
    });
    await call('photos.edit', { ids: [photo('DSC_0415.JPG')], set: { title: 'Naslov' } });
    expect((await call('export.get', { exportId: newsletter.id })).changedCount).toBe(1);
    await call('history.undo', {});
    expect((await call('export.get', { exportId: newsletter.id })).changedCount).toBe(0);

    await call('photos.edit', { ids: [one], set: { caption: 'A new caption' } });
    expect((await call('export.history', { eventId: nis }))[0]!.changedCount).toBe(1);
    const files = (await call('export.get', { exportId: first.id })).files;
    expect(files.filter((f) => f.changed).map((f) => f.photoId)).toEqual([one]);

    await expect(call('export.again', { exportId: first.id })).rejects.toMatchObject({
      code: 'OUTPUT_NOT_EMPTY',
    });
    const again = await call('export.again', { exportId: first.id, force: true });
    await api.exporting.finished(again.exportId);
    const redone = await call('export.get', { exportId: again.exportId });
    expect(redone).toMatchObject({ status: 'done', changedCount: 0, outDir: first.outDir });
    // What the folder holds now is the new export: the old one is marked replaced, not changed.
    const listed = await call('export.history', { eventId: nis });
    expect(listed.find((e) => e.id === first.id)).toMatchObject({
      replacedBy: again.exportId,
      changedCount: 0,
    });
    expect(tags(redone.files.find((f) => f.photoId === one)!.path)['XMP-dc:Description']).toBe(
      'A new caption',
    );
  });
});

describe('a saved gallery', () => {
  it('keeps its own order and cover, exports in that order, and its edits are undone', async () => {
    const order = ['IMG_5218.JPG', 'DSC_0412.JPG', 'DSC_2208.JPG'].map(photo);
    const gallery = await call('galleries.create', { name: 'Za sajt', photoIds: order });
    expect(gallery).toMatchObject({ photoCount: 3, coverPhotoId: order[0] });
    await call('galleries.add', { id: gallery.id, photoIds: [order[1]!, photo('P1000123.JPG')] });
    const reordered = [photo('P1000123.JPG'), ...order];
    await call('galleries.reorder', { id: gallery.id, photoIds: reordered });
    await call('galleries.setCover', { id: gallery.id, photoId: order[2]! });
    expect(await call('galleries.get', { id: gallery.id })).toMatchObject({
      photoIds: reordered,
      coverPhotoId: order[2],
    });
    await expect(
      call('galleries.reorder', { id: gallery.id, photoIds: order }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    const result = await exported({
      source: { kind: 'gallery', id: gallery.id },
      presetName: 'Newsletter',
      outDir: join(out, 'gallery'),
    });
    expect(result.files.map((f) => f.photoId)).toEqual(reordered);
    const json = JSON.parse(readFileSync(join(result.outDir, 'gallery.json'), 'utf8')) as {
      title: string;
      cover: string;
    };
    expect(json).toMatchObject({ title: 'Za sajt', cover: result.files[3]!.fileName });
    expect((await call('export.history', { galleryId: gallery.id }))[0]!.id).toBe(result.id);

    await call('history.undo', {});
    await call('history.undo', {});
    expect(await call('galleries.get', { id: gallery.id })).toMatchObject({
      photoIds: [...order, photo('P1000123.JPG')],
      coverPhotoId: order[0],
    });
    // Taking a photo out leaves a gap in the numbers; a move after it still lands where asked.
    const spare = await call('galleries.create', {
      name: 'Gaps',
      photoIds: [...reordered, photo('DSC_2211.JPG')],
    });
    await call('galleries.remove', { id: spare.id, photoIds: [order[0]!] });
    // [P, 0412, 2208, 2211] numbered 1, 3, 4, 5: 2208 moves after 2211; 0412 keeps its place.
    const moved = [reordered[0]!, order[1]!, photo('DSC_2211.JPG'), order[2]!];
    await call('galleries.reorder', { id: spare.id, photoIds: moved });
    expect((await call('galleries.get', { id: spare.id })).photoIds).toEqual(moved);
    // Numbered afresh, so no two photos tie (ties would fall back to the order of their ids).
    expect(
      api.db
        .prepare('SELECT position FROM gallery_photos WHERE gallery_id = ? ORDER BY position')
        .pluck()
        .all(spare.id),
    ).toEqual([1, 2, 3, 4]);
    await call('galleries.delete', { id: spare.id });
  });
});
