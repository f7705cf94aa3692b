import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, expect, it, vi } from 'vitest';
import type * as Fallback from '../../electron/indexer/exiftool-fallback';
import { exiftoolWrite, requireExiftool } from '../helpers/exiftool';
import { processPath } from '../helpers/process-path';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

// exiftool itself failing (no perl on the machine, a crash, a timeout).
vi.mock('../../electron/indexer/exiftool-fallback', async (original) => ({
  ...(await original<typeof Fallback>()),
  readWithExiftool: () => Promise.reject(new Error('spawn perl ENOENT')),
}));

requireExiftool();
afterAll(removeTempDirs);

it('makes a failure of the exiftool fallback a warning on the file, never an error', async () => {
  const dir = tempDir();
  const file = join(dir, 'odd-exif.jpg');
  const image = sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } });
  writeFileSync(file, await image.jpeg().toBuffer());
  exiftoolWrite(file, ['-Make=Kadar', '-Model=K-1']);
  const bytes = readFileSync(file);
  bytes[bytes.indexOf('Exif\0\0') + 5] = 0xff; // exifr finds nothing in it
  writeFileSync(file, bytes);
  const { fields: f } = await processPath(file, tempDir());
  expect(f.errorCode).toBeNull();
  expect(f.thumbKey).toBe(f.fingerprint);
  expect(f.make).toBeNull();
  expect(f.warnings).toEqual(['exiftool could not read the file either (spawn perl ENOENT).']);
});
