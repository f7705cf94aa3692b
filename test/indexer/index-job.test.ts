import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createImageService } from '../../electron/api/image-service';
import { assignPhotos, createEvent } from '../../electron/catalog/events-repo';
import { editPhotos } from '../../electron/catalog/photo-edits';
import { runEdit } from '../../electron/edits/history';
import { folderTree } from '../../electron/catalog/folders-repo';
import { countPhotos, getPhoto, listPhotos, photoDays } from '../../electron/catalog/photos-repo';
import { getRoot, listRoots } from '../../electron/catalog/roots-repo';
import { addPhotoTag, ensureTagPath, photoTagPaths } from '../../electron/catalog/tags-repo';
import { cachedImagePath, hasCachedImage } from '../../electron/catalog/thumbnail-cache';
import { isImageFileName } from '../../electron/indexer/sniff-format';
import type { IndexProgress } from '../../shared/api/progress-schema';
import { repoFixtures } from '../helpers/fixtures';
import { snapshotFiles } from '../helpers/originals';
import { copyFixtures, removeTempDirs, tempDir } from '../helpers/temp-dir';
import { openTestLibrary, type TestLibrary } from '../helpers/test-library';

const libraries: TestLibrary[] = [];
function library(): TestLibrary {
  const lib = openTestLibrary();
  libraries.push(lib);
  return lib;
}
afterEach(async () => {
  for (const lib of libraries.splice(0)) await lib.close();
});
afterAll(removeTempDirs);

function imageFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(join(d, e.name), r);
      else if (isImageFileName(e.name)) out.push(r);
    }
  };
  walk(dir, '');
  return out.sort();
}

const idOf = (lib: TestLibrary, relPath: string): number =>
  [...lib.paths()].find(([, p]) => p === relPath)?.[0] ?? Number.NaN;

describe('indexing a folder', () => {
  it('catalogues every image once, records broken files with their error, and reads nothing the second time', async () => {
    const before = snapshotFiles([repoFixtures]);
    const lib = library();
    const expected = imageFilesUnder(repoFixtures);
    const progress: IndexProgress[] = [];
    const first = await lib.index([repoFixtures], { onProgress: (p) => progress.push(p) });
    expect(first.status).toBe('completed');
    // Progress streams while the run goes: counts only grow, the rate and ETA become known.
    expect(progress.length).toBeGreaterThan(5);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.found).toBeGreaterThanOrEqual(progress[i - 1]!.found);
      expect(progress[i]!.done + progress[i]!.failed).toBeGreaterThanOrEqual(
        progress[i - 1]!.done + progress[i - 1]!.failed,
      );
    }
    expect(progress.some((p) => p.phase === 'indexing' && p.rate > 0 && p.etaSeconds != null)).toBe(
      true,
    );
    expect(progress.at(-1)).toMatchObject({
      phase: 'done',
      found: expected.length,
      done: first.added - first.failed,
      failed: first.failed,
    });
    expect(first.found).toBe(expected.length);
    expect(first.added).toBe(expected.length);
    expect([...lib.paths().values()].sort()).toEqual(expected);
    // Broken files are in the catalog with their reason, and listed in the run summary.
    const broken = listPhotos(lib.db, { hasError: true, limit: 1000 }).items;
    expect(broken.map((p) => p.relPath).sort()).toEqual(
      first.failures.map((f) => f.path.slice(repoFixtures.length)).sort(),
    );
    expect(broken.map((p) => p.fileName)).toEqual(
      expect.arrayContaining(['empty.jpg', 'README.jpg', 'corrupted.jpg']),
    );
    for (const photo of broken) expect(photo.error).toMatch(/\w{4,}/);
    // Every readable photo has its thumbnail in the cache, named by content.
    for (const photo of listPhotos(lib.db, { hasError: false, limit: 1000 }).items) {
      expect(photo.hasThumbnail).toBe(true);
      expect(hasCachedImage(cachedImagePath(lib.cacheDir, 'thumbs', photo.fingerprint!))).toBe(
        true,
      );
    }

    const rows = lib.db.prepare('SELECT id, indexed_at FROM photos ORDER BY id').all();
    const second = await lib.index([repoFixtures]);
    expect(second).toMatchObject({
      status: 'completed',
      added: 0,
      updated: 0,
      moved: 0,
      missing: 0,
      unchanged: expected.length,
      failed: 0,
    });
    expect(lib.db.prepare('SELECT id, indexed_at FROM photos ORDER BY id').all()).toEqual(rows);
    expect(lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(snapshotFiles([repoFixtures])).toEqual(before);
  });

  it('keeps ids, tags, events and metadata when files are moved and renamed', async () => {
    const dir = copyFixtures(repoFixtures);
    const lib = library();
    await lib.index([dir]);
    const renamed = idOf(lib, 'gps/DSCN0010.jpg');
    const moved = idOf(lib, 'iptc-xmp/issue-exifr-59.jpg');
    const inFolder = idOf(lib, 'orientation/landscape_3.jpg');
    const tag = ensureTagPath(lib.db, ['Projects', 'Furniture-RE']);
    addPhotoTag(lib.db, renamed, tag);
    const event = runEdit(lib.db, 'test', (edit) => {
      const id = createEvent(edit, {
        title: 'Furniture-RE info day',
        startsOn: '2015-11-24',
        city: 'Vranje',
      });
      assignPhotos(edit, id, [renamed, moved]);
      editPhotos(edit, [moved], { title: 'Info dan, Vranje', rating: 4 });
      return id;
    }).result;
    const caption = getPhoto(lib.db, moved)!.keywords;

    renameSync(join(dir, 'gps/DSCN0010.jpg'), join(dir, 'gps/Vranje info dan 001.jpg'));
    mkdirSync(join(dir, '2015/2015-11-24 Vranje'), { recursive: true });
    renameSync(
      join(dir, 'iptc-xmp/issue-exifr-59.jpg'),
      join(dir, '2015/2015-11-24 Vranje/DSC_2208.JPG'),
    );
    renameSync(join(dir, 'orientation'), join(dir, '2015/orientation tests'));

    const summary = await lib.index();
    expect(summary).toMatchObject({ status: 'completed', added: 0, missing: 0, moved: 10 });
    const paths = lib.paths();
    expect(paths.get(renamed)).toBe('gps/Vranje info dan 001.jpg');
    expect(paths.get(moved)).toBe('2015/2015-11-24 Vranje/DSC_2208.JPG');
    expect(paths.get(inFolder)).toBe('2015/orientation tests/landscape_3.jpg');
    expect(photoTagPaths(lib.db, renamed)).toContainEqual(['Projects', 'Furniture-RE']);
    expect(
      listPhotos(lib.db, { eventId: event })
        .items.map((p) => p.id)
        .sort(),
    ).toEqual([renamed, moved].sort());
    expect(getPhoto(lib.db, moved)).toMatchObject({
      keywords: caption,
      title: 'Info dan, Vranje',
      rating: 4,
      edited: ['title', 'rating'],
      eventId: event,
      fileName: 'DSC_2208.JPG',
      namePrefix: 'DSC_',
      nameNumber: 2208,
      missing: false,
    });
    // The event's town finds the photos under their new names.
    expect(
      listPhotos(lib.db, { search: 'Врање' })
        .items.map((p) => p.id)
        .sort(),
    ).toEqual([renamed, moved].sort());
    expect(folderTree(lib.db, listRoots(lib.db)[0]!.id).map((f) => f.relPath)).not.toContain(
      'orientation',
    );
  });

  it('recognises a moved photo by its fingerprint, tells a copy from it, and re-makes deleted thumbnails', async () => {
    const dir = copyFixtures(repoFixtures);
    const lib = library();
    await lib.index([dir]);
    const moved = idOf(lib, 'gps/DSCN0010.jpg');
    const stays = idOf(lib, 'cameras/tanners_ridge.jpg');
    const tag = ensureTagPath(lib.db, ['Projects', 'Furniture-RE']);
    addPhotoTag(lib.db, moved, tag);
    const before = getPhoto(lib.db, stays)!.fingerprint!;
    expect(before).toMatch(/^[0-9a-f]{16}$/);

    renameSync(join(dir, 'gps/DSCN0010.jpg'), join(dir, 'gps/Vranje info dan 001.jpg'));
    // Same size and content as a photo that did not move: a copy, not that photo.
    copyFileSync(join(dir, 'cameras/tanners_ridge.jpg'), join(dir, 'cameras/copy.jpg'));

    expect(await lib.index()).toMatchObject({ moved: 1, added: 1, missing: 0 });
    expect(lib.paths().get(moved)).toBe('gps/Vranje info dan 001.jpg');
    expect(photoTagPaths(lib.db, moved)).toContainEqual(['Projects', 'Furniture-RE']);
    expect(getPhoto(lib.db, stays)!.fingerprint).toBe(before);

    // A thumbnail deleted from the cache is made again under the same name.
    const images = createImageService(lib.db, lib.cacheDir, () => lib.pool);
    rmSync(cachedImagePath(lib.cacheDir, 'thumbs', before));
    expect(await images('thumb', stays)).toMatchObject({
      path: cachedImagePath(lib.cacheDir, 'thumbs', before),
    });
    expect(await images('preview', stays)).not.toBeNull();
    // A file that changed without a rescan is not shown as the photo the catalog describes.
    execFileSync('exiftool', [
      '-q',
      '-overwrite_original',
      '-XMP-dc:Description=Modna revija',
      join(dir, 'cameras/tanners_ridge.jpg'),
    ]);
    rmSync(cachedImagePath(lib.cacheDir, 'thumbs', before));
    expect(await images('thumb', stays)).toBeNull();
  });

  it('marks vanished files missing without losing them, and takes them back when they return', async () => {
    const dir = copyFixtures(repoFixtures);
    const lib = library();
    const first = await lib.index([dir]);
    const id = idOf(lib, 'iptc-xmp/iptc-agency-photographer-example.jpg');
    const keep = join(tempDir(), 'keep.jpg');
    copyFileSync(join(dir, 'iptc-xmp/iptc-agency-photographer-example.jpg'), keep);
    const stat = statSync(join(dir, 'iptc-xmp/iptc-agency-photographer-example.jpg'));
    rmSync(join(dir, 'iptc-xmp/iptc-agency-photographer-example.jpg'));

    expect(await lib.index()).toMatchObject({ missing: 1, added: 0 });
    const gone = getPhoto(lib.db, id)!;
    expect(gone).toMatchObject({ missing: true, city: 'Washington', title: 'drp2091169d' });
    expect(countPhotos(lib.db, {})).toBe(first.added);
    expect(countPhotos(lib.db, { missing: true })).toBe(1);

    copyFileSync(keep, join(dir, 'iptc-xmp/iptc-agency-photographer-example.jpg'));
    utimesSync(join(dir, 'iptc-xmp/iptc-agency-photographer-example.jpg'), stat.atime, stat.mtime);
    expect(await lib.index()).toMatchObject({ restored: 1, missing: 0, added: 0, updated: 0 });
    expect(getPhoto(lib.db, id)!.missing).toBe(false);
  });

  it('re-reads a changed file or sidecar and keeps the photo', async () => {
    const dir = copyFixtures(repoFixtures);
    const lib = library();
    await lib.index([dir]);
    const id = idOf(lib, 'cameras/tanners_ridge.jpg');
    const sidecarPhoto = idOf(lib, 'sidecar/IMG_5910.jpg');
    addPhotoTag(lib.db, id, ensureTagPath(lib.db, ['Best of 2023']));
    execFileSync('exiftool', [
      '-q',
      '-overwrite_original',
      '-XMP-dc:Description=Modna revija, Štip',
      join(dir, 'cameras/tanners_ridge.jpg'),
    ]);
    execFileSync('exiftool', [
      '-q',
      '-overwrite_original',
      '-XMP-photoshop:City=Leskovac',
      join(dir, 'sidecar/IMG_5910.xmp'),
    ]);

    expect(await lib.index()).toMatchObject({ updated: 2, added: 0, moved: 0 });
    expect(getPhoto(lib.db, id)!.caption).toBe('Modna revija, Štip');
    expect(getPhoto(lib.db, sidecarPhoto)!.city).toBe('Leskovac');
    expect(photoTagPaths(lib.db, id)).toContainEqual(['Best of 2023']);
    expect(listPhotos(lib.db, { search: 'stip' }).items.map((p) => p.id)).toEqual([id]);
  });

  it("shows a changed file's new values and keeps what people typed over them", async () => {
    const dir = copyFixtures(repoFixtures);
    const lib = library();
    await lib.index([dir]);
    const id = idOf(lib, 'cameras/tanners_ridge.jpg');
    runEdit(lib.db, 'test', (edit) =>
      editPhotos(edit, [id], { title: 'Fashion show, backstage', rating: 5 }),
    );
    execFileSync('exiftool', [
      '-q',
      '-overwrite_original',
      '-XMP-dc:Title=DSC_2208',
      '-XMP-dc:Description=Modna revija, Štip',
      '-XMP-xmp:Rating=2',
      join(dir, 'cameras/tanners_ridge.jpg'),
    ]);

    expect(await lib.index()).toMatchObject({ updated: 1 });
    expect(getPhoto(lib.db, id)).toMatchObject({
      title: 'Fashion show, backstage',
      caption: 'Modna revija, Štip',
      rating: 5,
      fromFile: { title: 'DSC_2208', caption: 'Modna revija, Štip', rating: 2 },
      edited: ['title', 'rating'],
    });
    // Both what the file says and what the person typed find it.
    for (const words of ['backstage', 'revija stip'])
      expect(listPhotos(lib.db, { search: words }).items.map((p) => p.id)).toEqual([id]);
    // Dropping the person's value shows the file's again.
    runEdit(lib.db, 'test', (edit) => editPhotos(edit, [id], { title: null }));
    expect(getPhoto(lib.db, id)).toMatchObject({ title: 'DSC_2208', edited: ['rating'] });
    expect(listPhotos(lib.db, { search: 'backstage' }).items).toEqual([]);
  });

  it('marks a root offline when its drive is gone, and keeps all its photos', async () => {
    const dir = copyFixtures(repoFixtures);
    const lib = library();
    const first = await lib.index([dir]);
    const root = listRoots(lib.db)[0]!;
    renameSync(dir, `${dir}-unplugged`);
    const summary = await lib.index();
    expect(summary.issues).toEqual([expect.objectContaining({ path: dir, code: 'ROOT_OFFLINE' })]);
    expect(getRoot(lib.db, root.id)).toMatchObject({
      status: 'offline',
      photoCount: first.added,
      missingCount: 0,
    });

    // An empty mount point is an unmounted drive too, not a folder whose photos were deleted.
    mkdirSync(dir);
    await lib.index();
    expect(getRoot(lib.db, root.id)).toMatchObject({ status: 'offline', missingCount: 0 });

    rmSync(dir, { recursive: true });
    renameSync(`${dir}-unplugged`, dir);
    expect(await lib.index()).toMatchObject({ unchanged: first.added, missing: 0 });
    expect(getRoot(lib.db, root.id)!.status).toBe('online');
  });

  it('skips hidden and system folders and its own cache, and follows symlinks without looping', async () => {
    const dir = tempDir();
    const outside = tempDir();
    const photo = join(repoFixtures, 'gps/DSCN0010.jpg');
    for (const sub of [
      '.thumbnails',
      '@eaDir',
      '$RECYCLE.BIN',
      'System Volume Information',
      'events',
    ]) {
      mkdirSync(join(dir, sub), { recursive: true });
      copyFileSync(photo, join(dir, sub, 'DSC_0001.JPG'));
    }
    copyFileSync(join(repoFixtures, 'gps/Kodak_CX7530.jpg'), join(outside, 'linked.jpg'));
    symlinkSync(outside, join(dir, 'events', 'linked folder'));
    symlinkSync(dir, join(dir, 'events', 'loop'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'events', 'dangling'));
    writeFileSync(join(dir, 'events', 'notes.txt'), 'not a photo');
    writeFileSync(join(dir, 'events', '._DSC_0001.JPG'), 'macOS resource fork');
    const lib = openTestLibrary(join(dir, 'events'));
    libraries.push(lib);
    mkdirSync(lib.cacheDir, { recursive: true });
    copyFileSync(photo, join(lib.cacheDir, 'cached.jpg'));

    const summary = await lib.index([dir]);
    expect(summary.status).toBe('completed');
    expect([...lib.paths().values()].sort()).toEqual([
      'events/DSC_0001.JPG',
      'events/linked folder/linked.jpg',
    ]);
    expect(summary.issues).toEqual([
      expect.objectContaining({ code: 'ENOENT', path: join(dir, 'events', 'dangling') }),
    ]);
  });

  it('takes over library folders inside a newly added one, keeping their photos', async () => {
    const dir = copyFixtures(repoFixtures);
    const lib = library();
    await lib.index([join(dir, 'gps')]);
    const before = lib.paths();
    const summary = await lib.index([dir]);
    expect(listRoots(lib.db).map((r) => r.path)).toEqual([dir]);
    expect(summary.added).toBe(imageFilesUnder(dir).length - before.size);
    const after = lib.paths();
    for (const [id, rel] of before) expect(after.get(id)).toBe(`gps/${rel}`);
    expect(lib.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('stops when cancelled, keeps what it finished, and the next run completes without duplicates', async () => {
    const dir = tempDir();
    const sources = imageFilesUnder(repoFixtures).filter((p) => !p.startsWith('broken/'));
    for (let copy = 0; copy < 4; copy++) {
      for (const rel of sources) {
        const target = join(dir, `set${copy}`, rel);
        mkdirSync(join(target, '..'), { recursive: true });
        // Distinct bytes per copy, so each is a photo of its own and not a moved one.
        writeFileSync(
          target,
          Buffer.concat([readFileSync(join(repoFixtures, rel)), Buffer.from(`copy ${copy}`)]),
        );
      }
    }
    const total = sources.length * 4;
    const lib = library();
    const controller = new AbortController();
    let doneAtCancel = 0;
    const cancelled = await lib.index([dir], {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 20 && !controller.signal.aborted) {
          doneAtCancel = p.done + p.failed;
          controller.abort();
        }
      },
    });
    expect(cancelled.status).toBe('cancelled');
    const kept = countPhotos(lib.db, {});
    expect(kept).toBeGreaterThanOrEqual(20);
    // The files being read when it was cancelled are kept, and none is handed out after: at
    // most those beside the one whose result cancelled it.
    expect(kept).toBeLessThan(doneAtCancel + lib.pool.filesAtOnce);
    expect(kept).toBeLessThan(total);
    expect(countPhotos(lib.db, { missing: true })).toBe(0);
    expect(listRoots(lib.db)[0]!.lastScanCompletedAt).toBeNull();

    const resumed = await lib.index();
    expect(resumed).toMatchObject({
      status: 'completed',
      added: total - kept,
      unchanged: kept,
      missing: 0,
    });
    expect(countPhotos(lib.db, {})).toBe(total);
    expect(lib.db.prepare('SELECT count(DISTINCT rel_path) AS n FROM photos').get()).toEqual({
      n: total,
    });
    // Damaged files are decoded again alone, under the decoders' exclusive lock: a cancel
    // that killed a thread mid-decode would have left that lock held for good.
    const damaged = await lib.index([join(repoFixtures, 'broken')]);
    expect(damaged.status).toBe('completed');
    expect(damaged.failed).toBeGreaterThan(0);
  });

  it('answers the queries the library browser makes', async () => {
    const lib = library();
    await lib.index([repoFixtures]);
    const days = photoDays(lib.db, {});
    expect(days.reduce((n, d) => n + d.count, 0)).toBe(countPhotos(lib.db, {}));
    expect(days.find((d) => d.day === '2008-10-22')?.count).toBe(1);
    const page1 = listPhotos(lib.db, { limit: 7, sort: 'takenAt', order: 'asc' });
    const page2 = listPhotos(lib.db, {
      limit: 7,
      sort: 'takenAt',
      order: 'asc',
      cursor: page1.nextCursor!,
    });
    const all = listPhotos(lib.db, { limit: 14, sort: 'takenAt', order: 'asc' });
    expect([...page1.items, ...page2.items].map((p) => p.id)).toEqual(all.items.map((p) => p.id));
    const takenAt = all.items.map((p) => p.takenAt);
    expect(takenAt).toEqual([...takenAt].sort());
    expect(
      listPhotos(lib.db, { from: '2008-10', to: '2008-10', limit: 100 }).items.map(
        (p) => p.fileName,
      ),
    ).toEqual(['DSCN0010.jpg']);
    expect(
      listPhotos(lib.db, { hasGps: true, limit: 100 }).items.every((p) => p.gpsLatitude != null),
    ).toBe(true);
    const washington = listPhotos(lib.db, { search: 'lincoln memorial' }).items;
    expect(washington.map((p) => p.fileName)).toEqual(['iptc-agency-photographer-example.jpg']);
  });
});
