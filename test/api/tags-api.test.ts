import { cpSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/dispatch';
import { createKadarApi, type KadarApi } from '../../electron/api/kadar-api';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

const sample = fileURLToPath(new URL('../../assets/sample/photos/', import.meta.url));
let api: KadarApi;
let library: string;

const call = <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> =>
  callApi(api.handlers, method, input);
const photo = (name: string) =>
  (api.db.prepare('SELECT id FROM photos WHERE file_name = ?').get(name) as { id: number }).id;
const photos = (names: string[]) => names.map(photo);
const get = async (name: string) => (await call('photos.get', { ids: [photo(name)] }))[0]!;
const find = async (filter: MethodInput<'photos.ids'>) =>
  (await call('photos.ids', { ...filter, sort: 'takenAt', order: 'asc' })).ids;
const tag = async (path: string) => (await call('tags.list', {})).find((t) => t.path === path);
const rescan = async () => {
  await call('index.start', {});
  await api.indexing.idle();
};
const stip = ['DSC_2208.JPG', 'DSC_2211.JPG', 'IMG_5218.JPG'];

beforeAll(async () => {
  library = join(tempDir(), 'library');
  cpSync(sample, library, { recursive: true, preserveTimestamps: true });
  api = createKadarApi({ catalogPath: join(tempDir(), 'catalog.sqlite'), threads: 2 });
  await call('roots.add', { path: library });
  await rescan();
});
afterAll(async () => {
  await api.close();
  removeTempDirs();
});

describe('tags', () => {
  it("shows a file's keywords as tags from the file", async () => {
    expect(await get('DSC_2208.JPG')).toMatchObject({
      tags: ['fashion show', 'textile'],
      keywords: ['fashion show', 'textile'],
      edited: [],
    });
    expect(await tag('textile')).toMatchObject({ source: 'file', photoCount: 1, parentId: null });
  });

  it('tags a selection by path in one undoable step, making the levels it lacks', async () => {
    const result = await call('tags.add', { photoIds: photos(stip), paths: ['Sector/Textile'] });
    expect(result.changed).toBe(3);
    const textile = (await tag('Sector/Textile'))!;
    expect(textile).toMatchObject({ name: 'Textile', photoCount: 3, source: 'user' });
    expect((await tag('Sector'))!.id).toBe(textile.parentId);
    expect(await get('IMG_5218.JPG')).toMatchObject({
      tags: ['fashion show', 'Sector/Textile'],
      keywords: ['fashion show', 'Textile'],
      fromFile: { keywords: ['fashion show'] },
      edited: ['keywords'],
    });
    // With or without the tags below it; and by search.
    const sector = (await tag('Sector'))!.id;
    expect(await find({ tagId: sector })).toEqual(photos(stip));
    expect(await find({ tagId: sector, tagExact: true })).toEqual([]);
    expect(await find({ search: 'sector' })).toEqual(photos(stip));
    const history = await call('history.list', { limit: 1 });
    expect(history[0]!.label).toBe('Tag 3 photos “Sector/Textile”');
    await call('history.undo', {});
    expect(await tag('Sector/Textile')).toBeUndefined();
    expect((await get('IMG_5218.JPG')).tags).toEqual(['fashion show']);
    await call('history.redo', {});
    expect((await tag('Sector/Textile'))!.photoCount).toBe(3);
  });

  it('removes a file keyword as an edit that a rescan keeps, never touching the file', async () => {
    const fashion = (await tag('fashion show'))!.id;
    const before = execFileSync(
      'exiftool',
      ['-s3', '-Keywords', join(library, '2015', '2015-11-28 Modna revija Štip', 'IMG_5218.JPG')],
      { encoding: 'utf8' },
    );
    await call('tags.remove', { photoIds: photos(['IMG_5218.JPG']), tagIds: [fashion] });
    expect((await get('IMG_5218.JPG')).tags).toEqual(['Sector/Textile']);
    // The file is read again (its time changed), and the removal holds.
    const now = new Date();
    utimesSync(join(library, '2015', '2015-11-28 Modna revija Štip', 'IMG_5218.JPG'), now, now);
    await rescan();
    expect((await get('IMG_5218.JPG')).tags).toEqual(['Sector/Textile']);
    expect(await get('IMG_5218.JPG')).toMatchObject({ fromFile: { keywords: ['fashion show'] } });
    expect(
      execFileSync(
        'exiftool',
        ['-s3', '-Keywords', join(library, '2015', '2015-11-28 Modna revija Štip', 'IMG_5218.JPG')],
        { encoding: 'utf8' },
      ),
    ).toBe(before);
    // Put back by the person, it is theirs now (it stays even if the file drops it).
    await call('tags.add', { photoIds: photos(['IMG_5218.JPG']), tagIds: [fashion] });
    expect(
      (await call('tags.ofPhotos', { ids: photos(['IMG_5218.JPG']) })).map((t) => [
        t.path,
        t.fromFile,
      ]),
    ).toEqual([
      ['fashion show', 0],
      ['Sector/Textile', 0],
    ]);
  });

  it('renames, moves and merges tags; their photos follow, and search finds the new names', async () => {
    const textile = (await tag('Sector/Textile'))!.id;
    await call('tags.rename', { id: textile, name: 'Tekstil' });
    expect(await find({ search: 'tekstil' })).toEqual(expect.arrayContaining(photos(stip)));
    expect((await get('DSC_2208.JPG')).tags).toContain('Sector/Tekstil');
    const sector = (await tag('Sector'))!.id;
    await expect(call('tags.move', { id: sector, parentId: textile })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await call('tags.add', { photoIds: photos(['DSC_1120.JPG']), paths: ['Industry/Tekstil'] });
    await call('tags.move', { id: sector, parentId: (await tag('Industry'))!.id });
    expect((await get('DSC_2208.JPG')).tags).toContain('Industry/Sector/Tekstil');
    // Merging "Industry/Sector/Tekstil" into "Industry/Tekstil": every photo keeps one tag.
    const into = (await tag('Industry/Tekstil'))!.id;
    const merged = await call('tags.merge', {
      id: (await tag('Industry/Sector/Tekstil'))!.id,
      intoId: into,
    });
    expect(merged.photoCount).toBe(4);
    expect(await tag('Industry/Sector/Tekstil')).toBeUndefined();
    expect(await find({ tagId: into })).toEqual(photos(['DSC_1120.JPG', ...stip]));
    // Each was one step: undo the merge, the move, the tagging and the rename.
    for (let i = 0; i < 4; i++) await call('history.undo', {});
    expect((await get('DSC_2208.JPG')).tags).toContain('Sector/Textile');
    expect(await tag('Industry')).toBeUndefined();
    // Only the file's Cyrillic keyword "текстил" says it now.
    expect(await find({ search: 'tekstil' })).toEqual(photos(['DSC_2211.JPG']));
  });

  it("shows a file's new keywords and caption after it changes on disk, keeping the person's edits", async () => {
    const file = join(library, '2015', '2015-11-28 Modna revija Štip', 'DSC_2211.JPG');
    await call('tags.add', { photoIds: photos(['DSC_2211.JPG']), paths: ['Mine/Kept'] });
    await call('photos.edit', { ids: photos(['DSC_2211.JPG']), set: { title: 'My title' } });
    execFileSync('exiftool', [
      '-q',
      '-overwrite_original',
      '-IPTC:Keywords=runway',
      '-XMP-dc:Subject=runway',
      '-IPTC:Caption-Abstract=New caption in the file',
      '-XMP-dc:Description=New caption in the file',
      '-XMP-dc:Title=A title in the file',
      file,
    ]);
    await rescan();
    const after = await get('DSC_2211.JPG');
    expect(after.tags).toEqual(expect.arrayContaining(['Mine/Kept', 'runway', 'Sector/Textile']));
    expect(after.tags).not.toContain('модна ревија');
    expect(after).toMatchObject({
      caption: 'New caption in the file',
      title: 'My title',
      fromFile: { title: 'A title in the file', keywords: ['runway'] },
    });
    expect(await find({ search: 'runway' })).toEqual(photos(['DSC_2211.JPG']));
  });

  it('refuses names that clash or are not names, and unknown ids, changing nothing', async () => {
    const steps = (await call('history.list', { limit: 200 })).length;
    const sector = (await tag('Sector'))!.id;
    await expect(call('tags.rename', { id: sector, name: 'a/b' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(
      call('tags.rename', { id: (await tag('training'))!.id, name: 'sector' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('merge') as string,
    });
    await expect(call('tags.add', { photoIds: [999999], paths: ['X'] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      call('tags.remove', { photoIds: photos(stip), tagIds: [999999] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await call('history.list', { limit: 200 })).length).toBe(steps);
  });

  it('finds untagged photos and photos with no caption', async () => {
    const all = await find({});
    const tagged = new Set(
      (await call('photos.get', { ids: all })).filter((p) => p.tags.length).map((p) => p.id),
    );
    expect(await find({ untagged: true })).toEqual(all.filter((id) => !tagged.has(id)));
    await call('photos.edit', { ids: photos(['DSC_2208.JPG']), set: { caption: '' } });
    expect(await find({ noCaption: true })).toContain(photo('DSC_2208.JPG'));
    expect(await find({ noCaption: true })).not.toContain(photo('DSC_2211.JPG'));
  });

  it('deletes a tag and those below it; undo brings them back on their photos', async () => {
    const sector = (await tag('Sector'))!.id;
    await call('tags.delete', { id: sector });
    expect(await tag('Sector/Textile')).toBeUndefined();
    expect((await get('DSC_2208.JPG')).tags).not.toContain('Sector/Textile');
    // Undone row by row, last first: the child tag comes back after its parent.
    await call('history.undo', {});
    expect((await get('DSC_2208.JPG')).tags).toContain('Sector/Textile');
  });
});

describe('saved searches and project credits', () => {
  it('keeps a search whose photos follow the catalog, undoably', async () => {
    const saved = await call('searches.save', {
      name: 'Textile picks',
      filter: { search: 'textile' },
    });
    expect(saved).toMatchObject({ name: 'Textile picks', filter: { search: 'textile' } });
    const before = await find(saved.filter);
    await call('tags.add', { photoIds: photos(['DSC_1120.JPG']), paths: ['Textile'] });
    expect(before).not.toContain(photo('DSC_1120.JPG'));
    const after = await find(saved.filter);
    expect(after).toContain(photo('DSC_1120.JPG'));
    expect(after).toHaveLength(before.length + 1);
    await call('searches.rename', { id: saved.id, name: 'Textile' });
    expect((await call('searches.list', {})).map((s) => s.name)).toEqual(['Textile']);
    await call('searches.delete', { id: saved.id });
    expect(await call('searches.list', {})).toEqual([]);
    await call('history.undo', {});
    expect((await call('searches.list', {})).map((s) => s.name)).toEqual(['Textile']);
    await expect(call('searches.save', { name: ' ', filter: {} })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it("fills a project's creator, credit and copyright into its photos that do not say their own", async () => {
    const show = await call('events.create', {
      title: 'Show',
      startsOn: '2015-11-28',
      photoIds: photos(stip),
    });
    const project = await call('projects.create', {
      name: 'Textile',
      credit: 'Textile Cluster',
      copyright: '© Textile Cluster 2015',
      creator: 'Office',
    });
    await call('projects.linkEvents', { projectId: project.id, eventIds: [show.id] });
    // The sample's files name their creator and credit, so only the copyright is the project's.
    expect(await get('DSC_2208.JPG')).toMatchObject({
      creator: 'Kadar sample archive',
      credit: 'Kadar sample archive',
      copyright: '© Textile Cluster 2015',
    });
    expect((await get('DSC_1120.JPG')).copyright).toBeNull();
  });
});
