import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../../electron/catalog/open-catalog';
import { addLibraryRoot } from '../../electron/catalog/library-roots';
import { createEvent, listEvents } from '../../electron/catalog/events-repo';
import { createProject } from '../../electron/catalog/projects-repo';
import { runEdit } from '../../electron/edits/history';
import { buildArchive } from '../../electron/longevity/archive/build-archive';
import { writeArchiveFiles } from '../../electron/longevity/archive-files';
import {
  archiveFileName,
  importArchiveFiles,
  withArchiveFiles,
} from '../../electron/longevity/folder-archive';
import { emptyIndexSummary } from '../../shared/api/progress-schema';
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

const summary = emptyIndexSummary(1, 'completed');

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

  it('folders indexed one run after another: a newer file replaces what an older one made, an older one fills in what is missing', async () => {
    const older = folderWithFile('Old title', '2026-01-01T00:00:00.000Z');
    const newer = folderWithFile('New title', '2026-06-01T00:00:00.000Z');
    // The newer file does not know the town (as an event a sidecar made would not).
    const file = join(newer, archiveFileName);
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { events: { city: string | null }[] };
    doc.events[0]!.city = null;
    writeFileSync(file, JSON.stringify(doc));

    const events = (db: ReturnType<typeof openCatalog>) =>
      listEvents(db).map((e) => ({ title: e.title, city: e.city }));
    // The older folder first, then the newer one, each in a run of its own.
    let db = openCatalog(join(tempDir(), 'rebuilt.sqlite'));
    await importArchiveFiles(db, [addLibraryRoot(db, older).rootId]);
    expect(events(db)).toEqual([{ title: 'Old title', city: 'Štip' }]);
    await importArchiveFiles(db, [addLibraryRoot(db, newer).rootId]);
    expect(events(db)).toEqual([{ title: 'New title', city: null }]);
    db.close();

    // The other way round: the older file only fills in the town.
    db = openCatalog(join(tempDir(), 'rebuilt.sqlite'));
    await importArchiveFiles(db, [addLibraryRoot(db, newer).rootId]);
    await importArchiveFiles(db, [addLibraryRoot(db, older).rootId]);
    expect(events(db)).toEqual([{ title: 'New title', city: 'Štip' }]);
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

describe("a folder's kadar-archive.json that is older than the catalog, or cannot be taken in", () => {
  it('brings a project back without a code another project has been given since', async () => {
    const source = openCatalog(join(tempDir(), 'source.sqlite'));
    runEdit(source, 'project', (edit) =>
      createProject(edit, { name: 'Cluster training', code: 'IPA-17' }),
    );
    const folder = join(tempDir(), 'folder');
    mkdirSync(folder);
    writeFileSync(
      join(folder, archiveFileName),
      JSON.stringify(buildArchive(source, { photos: false })),
    );
    source.close();
    const db = openCatalog(join(tempDir(), 'catalog.sqlite'));
    runEdit(db, 'project', (edit) => createProject(edit, { name: 'Fashion week', code: 'IPA-17' }));
    const read = await importArchiveFiles(db, [addLibraryRoot(db, folder).rootId]);
    expect(read.failures).toEqual([]);
    expect(db.prepare(`SELECT name, code FROM projects ORDER BY name`).all()).toEqual([
      { name: 'Cluster training', code: null },
      { name: 'Fashion week', code: 'IPA-17' },
    ]);
    db.close();
  });

  it('takes the sidecar setting of its own folder only, not of the other folders it names', async () => {
    const [own, other] = [join(tempDir(), 'own'), join(tempDir(), 'other')];
    for (const f of [own, other]) mkdirSync(f);
    const source = openCatalog(join(tempDir(), 'source.sqlite'));
    addLibraryRoot(source, own);
    addLibraryRoot(source, other);
    source.prepare(`UPDATE roots SET sidecars = 'lightroom'`).run();
    const doc = { ...buildArchive(source, { photos: false }), folder: own };
    source.close();
    writeFileSync(join(own, archiveFileName), JSON.stringify(doc));
    const db = openCatalog(join(tempDir(), 'catalog.sqlite'));
    await importArchiveFiles(db, [addLibraryRoot(db, own).rootId]);
    const roots = db.prepare(`SELECT path, sidecars FROM roots`).all();
    expect(roots).toHaveLength(2);
    expect(roots).toEqual(
      expect.arrayContaining([
        { path: own, sidecars: 'lightroom' },
        { path: other, sidecars: null },
      ]),
    );
    db.close();
  });

  it('fills a project in without a code another project has', async () => {
    // The newer file: P without a code, Q with X. The older one: P with X.
    const folder = (name: string, at: string, projects: { name: string; code?: string }[]) => {
      const source = openCatalog(join(tempDir(), 'source.sqlite'));
      runEdit(source, 'project', (edit) => {
        for (const p of projects) createProject(edit, p);
      });
      source
        .prepare(`UPDATE projects SET uid = substr(lower(hex(name)) || '${'0'.repeat(32)}', 1, 32)`)
        .run();
      const dir = join(tempDir(), name);
      mkdirSync(dir);
      writeFileSync(
        join(dir, archiveFileName),
        JSON.stringify(buildArchive(source, { photos: false }, new Date(at))),
      );
      source.close();
      return dir;
    };
    const newer = folder('newer', '2026-06-01T00:00:00.000Z', [
      { name: 'P' },
      { name: 'Q', code: 'X' },
    ]);
    const older = folder('older', '2026-01-01T00:00:00.000Z', [{ name: 'P', code: 'X' }]);
    const db = openCatalog(join(tempDir(), 'catalog.sqlite'));
    expect((await importArchiveFiles(db, [addLibraryRoot(db, newer).rootId])).failures).toEqual([]);
    expect((await importArchiveFiles(db, [addLibraryRoot(db, older).rootId])).failures).toEqual([]);
    expect(db.prepare(`SELECT name, code FROM projects ORDER BY name`).all()).toEqual([
      { name: 'P', code: null },
      { name: 'Q', code: 'X' },
    ]);
    db.close();
  });

  it('is kept beside the file the catalog writes there next', async () => {
    const folder = folderWithFile('Fashion show', '2026-01-01T00:00:00.000Z');
    const file = join(folder, archiveFileName);
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { events: { startsOn: string }[] };
    doc.events[0]!.startsOn = 'the 28th';
    const text = JSON.stringify(doc);
    writeFileSync(file, text);
    const db = openCatalog(join(tempDir(), 'catalog.sqlite'));
    const rootId = addLibraryRoot(db, folder).rootId;
    const after = await withArchiveFiles(db, await importArchiveFiles(db, [rootId]), summary);
    const kept = readdirSync(folder).filter((n) => n.startsWith('kadar-archive.not-imported-'));
    expect(kept).toHaveLength(1);
    expect(after.issues).toEqual([
      expect.objectContaining({
        path: file,
        code: 'INVALID_INPUT',
        message: expect.stringMatching(
          new RegExp(`events\\.0\\.startsOn.* It is kept as ${kept[0]!.replace(/\./g, '\\.')}\\.$`),
        ) as string,
      }),
    ]);
    db.prepare(
      `UPDATE roots SET sidecars = 'digikam', last_scan_completed_at = '2026-11-30T10:00:00Z'`,
    ).run();
    expect(writeArchiveFiles(db).written).toEqual([file]);
    expect(readFileSync(join(folder, kept[0]!), 'utf8')).toBe(text);
    db.close();
  });
});

describe("writing library folders' kadar-archive.json", () => {
  function catalogWithFolders(...names: string[]) {
    const db = openCatalog(join(tempDir(), 'catalog.sqlite'));
    const folders = names.map((name) => {
      const folder = join(tempDir(), name);
      mkdirSync(folder);
      addLibraryRoot(db, folder);
      return folder;
    });
    db.prepare(`UPDATE roots SET sidecars = 'digikam'`).run();
    return { db, folders };
  }
  const indexed = (db: ReturnType<typeof openCatalog>, folder: string) =>
    db
      .prepare(`UPDATE roots SET last_scan_completed_at = ? WHERE path = ?`)
      .run('2026-11-30T10:00:00Z', folder);

  it('writes only into folders the catalog has indexed: another may know more', () => {
    const { db, folders } = catalogWithFolders('indexed', 'learnt-of');
    indexed(db, folders[0]!);
    writeFileSync(join(folders[1]!, archiveFileName), '{"its own": "file"}');
    expect(writeArchiveFiles(db)).toEqual({
      written: [join(folders[0]!, archiveFileName)],
      failed: [],
    });
    expect(readFileSync(join(folders[1]!, archiveFileName), 'utf8')).toBe('{"its own": "file"}');
    db.close();
  });

  it("leaves a newer Kadar's file as it is, and keeps an unreadable one beside the new", () => {
    const { db, folders } = catalogWithFolders('newer', 'damaged');
    for (const f of folders) indexed(db, f);
    const newer = JSON.stringify({ format: 'kadar-archive', version: 2, more: 'than we know' });
    writeFileSync(join(folders[0]!, archiveFileName), newer);
    writeFileSync(join(folders[1]!, archiveFileName), '{"format": "kadar-arch');
    const result = writeArchiveFiles(db);
    expect(result.written).toEqual([join(folders[1]!, archiveFileName)]);
    expect(result.failed).toEqual([
      {
        path: join(folders[0]!, archiveFileName),
        message: expect.stringContaining('A newer Kadar') as string,
      },
    ]);
    expect(readFileSync(join(folders[0]!, archiveFileName), 'utf8')).toBe(newer);
    const kept = readdirSync(folders[1]!).find((n) => n.startsWith('kadar-archive.unreadable-'));
    expect(readFileSync(join(folders[1]!, kept!), 'utf8')).toBe('{"format": "kadar-arch');
    db.close();
  });
});
