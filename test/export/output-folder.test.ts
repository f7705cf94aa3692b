import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutputFolder, makeStaging, placeOutput } from '../../electron/export/output-folder';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

afterAll(removeTempDirs);

describe('the output folder', () => {
  it('is never a library folder, inside one, or one holding the catalog, even when told to replace', () => {
    const dir = tempDir();
    const library = join(dir, 'Photos');
    mkdirSync(join(library, '2015'), { recursive: true });
    const guarded = [
      { path: library, what: 'a library folder' },
      { path: join(dir, 'kadar', 'catalog.sqlite'), what: 'the catalog' },
    ];
    for (const outDir of [library, join(library, '2015'), join(library, 'new'), dir])
      expect(() => checkOutputFolder(outDir, true, guarded)).toThrow(
        expect.objectContaining({
          code: 'INVALID_INPUT',
          message: expect.stringContaining('outDir:') as string,
        }),
      );
    expect(checkOutputFolder(join(dir, 'web'), true, guarded).outDir).toBe(join(dir, 'web'));
    // A sibling whose name only starts like a library folder's is fine.
    expect(() => checkOutputFolder(join(dir, 'Photos-web'), false, guarded)).not.toThrow();
  });

  it('replaces nothing that arrived in an empty folder while the export ran', () => {
    const dir = tempDir();
    const outDir = join(dir, 'web');
    mkdirSync(outDir);
    const folder = checkOutputFolder(outDir, false);
    makeStaging(folder);
    writeFileSync(join(folder.stagingDir, 'a.jpg'), 'new');
    writeFileSync(join(outDir, 'draft.docx'), 'someone saved this meanwhile');
    expect(() => placeOutput(folder)).toThrow(
      expect.objectContaining({ code: 'OUTPUT_NOT_EMPTY' }),
    );
    expect(readdirSync(outDir)).toEqual(['draft.docx']);
  });

  it('puts a replaced folder back when the new one cannot be moved in', () => {
    const dir = tempDir();
    const outDir = join(dir, 'web');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'old.jpg'), 'old');
    const folder = checkOutputFolder(outDir, true);
    // No staging folder: the rename into place fails, as a locked or vanished folder would.
    expect(() => placeOutput(folder)).toThrow();
    expect(readdirSync(outDir)).toEqual(['old.jpg']);
    expect(readdirSync(dir)).toEqual(['web']);
    expect(existsSync(`${folder.stagingDir}.old`)).toBe(false);
  });
});
