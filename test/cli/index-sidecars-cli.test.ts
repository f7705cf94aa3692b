import { mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexSummary } from '../../shared/api/progress-schema';
import { exiftoolRead, exiftoolWrite, requireExiftool } from '../helpers/exiftool';
import { catalogCli } from '../helpers/run-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

let catalog: string;
let library: string;

const { json } = catalogCli(() => catalog);

/** What the catalog still owes, read beside any Kadar process (none runs when this is called). */
function owed(): number {
  const db = new Database(catalog, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM sidecar_dirty').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

afterAll(removeTempDirs);
beforeAll(async () => {
  requireExiftool();
  const dir = tempDir();
  catalog = join(dir, 'catalog.sqlite');
  library = join(dir, 'library');
  mkdirSync(library);
  for (const [i, name] of ['DSC_2208.JPG', 'DSC_2209.JPG'].entries())
    writeFileSync(
      join(library, name),
      await sharp({
        create: { width: 16, height: 12, channels: 3, background: { r: i, g: 90, b: 40 } },
      })
        .jpeg()
        .toBuffer(),
    );
  await json('index', library, '--json', '--progress', 'none');
  await json('sidecars', 'on', '--root', '1', '--json');
}, 60_000);

describe('kadar index and rescan with sidecars on', () => {
  it('write the sidecars their run made owed before they end, not the next Kadar to run', async () => {
    const [photo] = await json<{ id: number; fileName: string }[]>('photos', '--json');
    await json('rate', '--photos', String(photo!.id), '--stars', '4', '--json');
    const sidecar = join(library, `${photo!.fileName}.xmp`);
    expect(exiftoolRead([sidecar]).get(sidecar)?.['XMP-xmp:Rating']).toBe(4);

    // Another tool (digiKam, say) adds a keyword to the sidecar; the rescan reads it, which
    // changes what the sidecar has to say in Kadar's terms and leaves it owed.
    exiftoolWrite(sidecar, ['-XMP-dc:Subject+=Leskovac']);
    const later = statSync(sidecar).mtimeMs / 1000 + 5;
    utimesSync(sidecar, later, later);
    const summary = await json<IndexSummary>('rescan', '--json', '--progress', 'none');
    expect(summary).toMatchObject({ status: 'completed', updated: 1, issues: [] });

    expect(owed()).toBe(0);
    const tags = exiftoolRead([sidecar]).get(sidecar)!;
    expect(tags['XMP-xmp:Rating']).toBe(4);
    expect(tags['XMP-dc:Subject']).toBe('Leskovac');
    // What the command wrote is what the next rescan finds: nothing to read again.
    const again = await json<IndexSummary>('rescan', '--json', '--progress', 'none');
    expect(again).toMatchObject({ status: 'completed', updated: 0, unchanged: 2, issues: [] });
  });
});
