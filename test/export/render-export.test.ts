import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { noFields, type EmbeddedFields } from '../../electron/export/embedded-fields';
import {
  packetFor,
  renderExport,
  type RenderExportTask,
} from '../../electron/export/render-export';
import { exiftoolRead } from '../helpers/exiftool';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

const fixtures = fileURLToPath(new URL('../fixtures/photos/', import.meta.url));
afterAll(removeTempDirs);

const fields: EmbeddedFields = {
  ...noFields,
  title: 'Naslov',
  caption: 'Модна ревија',
  credit: 'Klaster Jug',
};

const task = (absPath: string, outPath: string, f = fields): RenderExportTask => ({
  absPath,
  format: 'jpeg',
  orientation: 1,
  outPath,
  settings: {
    size: { fit: 'long-edge', longEdge: 300 },
    format: 'jpeg',
    quality: 80,
    sharpen: true,
    watermark: { kind: 'none' },
  },
  metadata: { fields: f, camera: null },
});

describe('renderExport', () => {
  it('keeps an XMP packet too large for a JPEG by shedding keywords, where libvips would drop it whole', async () => {
    const keywords = Array.from({ length: 3000 }, (_, i) => `ključna reč broj ${i} — кључна реч`);
    const many = { ...fields, keywords, hierarchicalKeywords: keywords.map((k) => `Teme/${k}`) };
    expect(Buffer.byteLength(packetFor(many, 'webp'))).toBeGreaterThan(200_000);
    expect(Buffer.byteLength(packetFor(many, 'jpeg'))).toBeLessThan(60_000);
    const out = join(tempDir(), 'many.jpg');
    const source = join(fixtures, 'cameras', 'tanners_ridge.jpg');
    expect(await renderExport(task(source, out, many))).toMatchObject({ ok: true, width: 300 });
    const t = exiftoolRead([out]).values().next().value!;
    expect(t['XMP-dc:Title']).toBe('Naslov');
    expect((t['XMP-dc:Subject'] as string[]).length).toBeGreaterThan(100);
  });

  it('reports a missing original as offline and a damaged one as damaged, writing nothing', async () => {
    const dir = tempDir();
    expect(await renderExport(task(join(dir, 'gone.jpg'), join(dir, 'a.jpg')))).toMatchObject({
      ok: false,
      code: 'OFFLINE',
    });
    const broken = join(dir, 'broken.jpg');
    copyFileSync(join(fixtures, 'broken', 'corrupted.jpg'), broken);
    expect(await renderExport(task(broken, join(dir, 'b.jpg')))).toMatchObject({
      ok: false,
      code: 'DAMAGED',
    });
    await expect(sharp(join(dir, 'b.jpg')).metadata()).rejects.toThrow();
  });

  it('converts a wide-gamut original to sRGB and embeds no profile', async () => {
    const dir = tempDir();
    const p3 = join(dir, 'p3.jpg');
    // sRGB's pure green, stored in Display P3 numbers (which give it a good deal of red).
    await sharp({ create: { width: 64, height: 64, channels: 3, background: '#00ff00' } })
      .withIccProfile('p3')
      .jpeg({ quality: 95 })
      .toFile(p3);
    const out = join(dir, 'srgb.jpg');
    expect(await renderExport(task(p3, out))).toMatchObject({ ok: true });
    const t = exiftoolRead([out]).values().next().value!;
    expect(Object.keys(t).filter((k) => k.startsWith('ICC'))).toEqual([]);
    const original = await sharp(p3).stats();
    const converted = await sharp(out).stats();
    // Back in sRGB numbers: the red the P3 numbers carry is gone.
    expect(original.channels[0]!.mean).toBeGreaterThan(60);
    expect(converted.channels[0]!.mean).toBeLessThan(10);
  });
});
