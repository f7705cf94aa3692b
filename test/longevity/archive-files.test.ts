import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../../electron/catalog/open-catalog';
import { addLibraryRoot } from '../../electron/catalog/library-roots';
import { createEvent, listEvents } from '../../electron/catalog/events-repo';
import { runEdit } from '../../electron/edits/history';
import { buildArchive } from '../../electron/longevity/archive/build-archive';
import {
  archiveFileName,
  importArchiveFiles,
  withArchiveFiles,
} from '../../electron/longevity/folder-archive';
import type { IndexSummary } from '../../shared/api/progress-schema';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

afterAll(removeTempDirs);

/** A folder whose kadar-archive.json says the event `uid` is called `title`, as of `at`. */
function folderWithFile(title: string, at: string, extra: Record<string, unknown> = {}) {
  const source = openCatalog(join(tempDir(), 'source.sqlite'));
  runEdit(source, 'event', (edit) =>
    createEvent(edit, { title, startsOn: '2015-11-28', city: 'Štip' }),
  );
  source
    .prepare(
      `UPDATE events SET uid = '0123456789abcdef0123456789abcdef', created_at = '2015-11-01T00:00:00.000Z'`,
    )
    .run();
  const doc = { ...buildArchive(source, { photos: false }, new Date(at)), ...extra };
  source.close();
  const folder = join(tempDir(), 'folder');
  mkdirSync(folder);
  writeFileSync(join(folder, archiveFileName), JSON.stringify(doc));
  return folder;
}

const summary: IndexSummary = {
  runId: 1,
  status: 'completed',
  seconds: 0,
  found: 0,
  added: 0,
  updated: 0,
  unchanged: 0,
  moved: 0,
  missing: 0,
  restored: 0,
  failed: 0,
  failures: [],
  issues: [],
};

describe("library folders' kadar-archive.json, read when a folder is first indexed", () => {
  it('takes the newest file first; an older one only adds what it lacks', async () => {
    const older = folderWithFile('Old title', '2026-01-01T00:00:00.000Z');
    const newer = folderWithFile('New title', '2026-06-01T00:00:00.000Z');
    const db = openCatalog(join(tempDir(), 'rebuilt.sqlite'));
    const ids = [addLibraryRoot(db, newer).rootId, addLibraryRoot(db, older).rootId];
    const read = await importArchiveFiles(db, ids);
    expect(read.imported).toHaveLength(2);
    expect(listEvents(db).map((e) => e.title)).toEqual(['New title']);
    db.close();
  });

  it('never changes what the catalog has: a folder indexed later with an older file', async () => {
    const folder = folderWithFile('Old title', '2026-01-01T00:00:00.000Z');
    const db = openCatalog(join(tempDir(), 'catalog.sqlite'));
    runEdit(db, 'event', (edit) =>
      createEvent(edit, { title: 'Renamed since', startsOn: '2015-11-28' }),
    );
    db.prepare(`UPDATE events SET uid = '0123456789abcdef0123456789abcdef'`).run();
    const rootId = addLibraryRoot(db, folder).rootId;
    await importArchiveFiles(db, [rootId]);
    expect(listEvents(db).map((e) => e.title)).toEqual(['Renamed since']);
    db.close();
  });

  it('is not read again for a folder the catalog has indexed, and a damaged one is an issue', async () => {
    const folder = folderWithFile('Old title', '2026-01-01T00:00:00.000Z');
    const db = openCatalog(join(tempDir(), 'catalog.sqlite'));
    const rootId = addLibraryRoot(db, folder).rootId;
    db.prepare(`UPDATE roots SET last_scan_completed_at = '2026-11-30T10:00:00Z'`).run();
    expect((await importArchiveFiles(db, [rootId])).imported).toEqual([]);
    expect(listEvents(db)).toEqual([]);

    const damaged = folderWithFile('x', '2026-01-01T00:00:00.000Z', { version: 99 });
    const other = addLibraryRoot(db, damaged).rootId;
    const before = await importArchiveFiles(db, [other]);
    const after = await withArchiveFiles(db, before, summary);
    expect(after.issues).toEqual([
      expect.objectContaining({ path: join(damaged, archiveFileName), code: 'INVALID_INPUT' }),
    ]);
    expect(listEvents(db)).toEqual([]);
    db.close();
  });
});
