import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { exiftoolWrite, requireExiftool } from '../helpers/exiftool';
import { repoFixtures } from '../helpers/fixtures';
import { catalogCli } from '../helpers/run-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

requireExiftool();
afterAll(removeTempDirs);
const dir = tempDir();
mkdirSync(join(dir, 'photos'));
const { json } = catalogCli(() => join(dir, 'catalog.sqlite'));

// The built command bundles exifr from its patched source (patches/, build-node.ts).
it('keeps XMP text that looks like a number as written, in the built command too', async () => {
  const photo = join(dir, 'photos', 'a.jpg');
  copyFileSync(join(repoFixtures, 'no-exif/noexif.jpg'), photo);
  exiftoolWrite(photo, ['-XMP-dc:Title=007', '-XMP-dc:Subject=28.10', '-XMP-dc:Subject=2015']);
  await json('index', join(dir, 'photos'), '--json', '--progress', 'none');
  const [p] = await json<{ title: string; keywords: string[] }[]>('photos', '--json');
  expect([p!.title, p!.keywords]).toEqual(['007', ['28.10', '2015']]);
});
