import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/dispatch';
import { createKadarApi, type KadarApi } from '../../electron/api/kadar-api';
import { readKadarLayer } from '../../electron/longevity/sidecars/sidecar-xmp';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';
import { sampleOpened } from '../helpers/sample-opened';

/**
 * Which sidecars each kind of edit marks as owed, one edit at a time: a sidecar is rebuilt
 * whole from the catalog, so a test that makes several edits before writing would pass with
 * most of the marking missing. The marks are read when the edit announces itself, before the
 * writer (which waits for edits to settle) can clear them.
 */

let api: KadarApi;
let dir: string;
let reader: Database.Database;
const call = <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> =>
  callApi(api.handlers, method, input);

const ids = new Map<string, number>();
const names = new Map<number, string>();
const id = (name: string) => ids.get(name)!;

/** Writes what is owed until nothing is, then makes `edit` and returns the photos it marked. */
async function marked(edit: () => Promise<unknown>): Promise<string[]> {
  await call('sidecars.write', {});
  await call('sidecars.write', {});
  const owed = () => reader.prepare('SELECT photo_id FROM sidecar_dirty').pluck().all() as number[];
  expect(owed()).toEqual([]);
  const seen = new Set<number>();
  const stop = api.onEvent((event) => {
    if (event === 'catalog.changed') for (const photo of owed()) seen.add(photo);
  });
  try {
    await edit();
  } finally {
    stop();
  }
  return [...seen].map((photo) => names.get(photo)!).sort();
}

const eventOf = async (name: string) =>
  (await call('photos.get', { ids: [id(name)] }))[0]!.eventId!;
const photosOfEvent = async (eventId: number) =>
  (
    await call('photos.get', {
      ids: (await call('photos.ids', { eventId, sort: 'takenAt', order: 'asc' })).ids,
    })
  )
    .map((p) => basename(p.relPath))
    .sort();

beforeAll(async () => {
  dir = tempDir();
  const catalogPath = join(dir, 'catalog.sqlite');
  api = createKadarApi({ catalogPath, threads: 2 });
  const sampleDone = sampleOpened(api);
  await call('sample.open', {});
  await sampleDone;
  const all = (await call('photos.ids', { sort: 'takenAt', order: 'asc' })).ids;
  for (const photo of await call('photos.get', { ids: all })) {
    ids.set(basename(photo.relPath), photo.id);
    names.set(photo.id, basename(photo.relPath));
  }
  // A person named by the file (another tool's sidecar), whom a person can then take off.
  const [vranje] = await call('photos.get', { ids: [id('DSC_1120.JPG')] });
  writeFileSync(
    join(dir, 'Kadar sample archive', vranje!.relPath.replace(/\.[^.]+$/, '.xmp')),
    `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">
<Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Marko Ilić</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImage>
</rdf:Description></rdf:RDF></x:xmpmeta>`,
  );
  await call('index.start', {});
  await api.indexing.idle();
  await call('sidecars.set', { rootId: vranje!.rootId, naming: 'digikam' });
  reader = new Database(catalogPath, { readonly: true });
}, 120_000);
afterAll(async () => {
  reader?.close();
  await api.close();
  removeTempDirs();
});

describe('sidecars owed after one edit', () => {
  it.each([
    ['rating', { rating: 3 }],
    ['flag', { flag: 'reject' }],
    ['label', { label: 'red' }],
    ['title', { title: 'Finale' }],
    ['caption', { caption: 'Niš, 2015' }],
  ] as const)("marks a photo whose %s is edited, and no other photo's", async (_, set) => {
    expect(await marked(() => call('photos.edit', { ids: [id('DSC_2211.JPG')], set }))).toEqual([
      'DSC_2211.JPG',
    ]);
  });

  it('marks photos a tag is added to or taken from', async () => {
    const two = [id('DSC_0412.JPG'), id('DSC_0415.JPG')];
    expect(await marked(() => call('tags.add', { photoIds: two, paths: ['Place/Niš'] }))).toEqual([
      'DSC_0412.JPG',
      'DSC_0415.JPG',
    ]);
    const tag = (await call('tags.list', {})).find((t) => t.path === 'Place/Niš')!;
    expect(
      await marked(() => call('tags.remove', { photoIds: [two[1]!], tagIds: [tag.id] })),
    ).toEqual(['DSC_0415.JPG']);
  });

  it('marks the photos that carry a renamed or moved tag, and those it was taken off', async () => {
    const show = (await call('tags.list', {})).find((t) => t.path === 'fashion show')!;
    // The file's keyword, taken off one of its two photos: the sidecar lists it as removed.
    expect(
      await marked(() =>
        call('tags.remove', { photoIds: [id('IMG_5218.JPG')], tagIds: [show.id] }),
      ),
    ).toEqual(['IMG_5218.JPG']);
    const both = ['DSC_2208.JPG', 'IMG_5218.JPG'];
    expect(await marked(() => call('tags.rename', { id: show.id, name: 'fashion shows' }))).toEqual(
      both,
    );
    const events = (await call('tags.add', { photoIds: [id('P1000123.JPG')], paths: ['Events'] }))
      .tagIds[0]!;
    expect(await marked(() => call('tags.move', { id: show.id, parentId: events }))).toEqual(both);
    // A rename of the tag above changes the path of the one below.
    expect(await marked(() => call('tags.rename', { id: events, name: 'Догађаји' }))).toEqual([
      'DSC_2208.JPG',
      'IMG_5218.JPG',
      'P1000123.JPG',
    ]);
    // Undo and redo replay the same rows.
    expect(await marked(() => call('history.undo', {}))).toEqual([
      'DSC_2208.JPG',
      'IMG_5218.JPG',
      'P1000123.JPG',
    ]);
    expect(await marked(() => call('history.redo', {}))).toEqual([
      'DSC_2208.JPG',
      'IMG_5218.JPG',
      'P1000123.JPG',
    ]);
    // And the sidecar then names the removed keyword by its new path.
    await call('sidecars.write', {});
    const [removedFrom] = await call('photos.get', { ids: [id('IMG_5218.JPG')] });
    const sidecar = join(dir, 'Kadar sample archive', `${removedFrom!.relPath}.xmp`);
    expect(readKadarLayer(readFileSync(sidecar, 'utf8'))?.removedTags).toEqual([
      'Догађаји/fashion shows',
    ]);
  });

  it('marks the photos of a merged or deleted tag', async () => {
    const tags = await call('tags.list', {});
    const furniture = tags.find((t) => t.path === 'furniture')!;
    const infoDay = tags.find((t) => t.path === 'info day')!;
    expect(
      await marked(() => call('tags.merge', { id: furniture.id, intoId: infoDay.id })),
    ).toEqual(['DSC_1120.JPG', 'P1000123.JPG']);
    const training = tags.find((t) => t.path === 'training')!;
    expect(await marked(() => call('tags.delete', { id: training.id }))).toEqual([
      'DSC_0412.JPG',
      'IMG_20151120_101530.jpg',
    ]);
  });

  it('marks the photos a person is tagged in, taken off, renamed in or deleted from', async () => {
    const person = await call('people.create', { name: 'Јелена Петровић' });
    const photo = id('DSC_7001.JPG');
    expect(
      await marked(() => call('people.tag', { photoIds: [photo], personIds: [person.id] })),
    ).toEqual(['DSC_7001.JPG']);
    expect(
      await marked(() =>
        call('people.update', { id: person.id, patch: { name: 'Jelena Petrović' } }),
      ),
    ).toEqual(['DSC_7001.JPG']);
    // Someone named in the file's own metadata, taken off it: the sidecar lists the removal.
    const fromFile = (await call('people.list', {})).find((p) => p.name === 'Marko Ilić')!;
    expect(
      await marked(() =>
        call('people.untag', { photoIds: [id('DSC_1120.JPG')], personIds: [fromFile.id] }),
      ),
    ).toEqual(['DSC_1120.JPG']);
    expect(
      await marked(() => call('people.update', { id: fromFile.id, patch: { name: 'Marko Ilic' } })),
    ).toEqual(['DSC_1120.JPG']);
    // Neither a person's role nor their organisation is in a sidecar.
    expect(
      await marked(() => call('people.update', { id: person.id, patch: { role: 'designer' } })),
    ).toEqual([]);
    expect(await marked(() => call('people.delete', { id: person.id }))).toEqual(['DSC_7001.JPG']);
  });

  it('marks the photos moved between events, and those of an event that changes', async () => {
    const stip = await eventOf('DSC_2208.JPG');
    const vranje = await eventOf('DSC_1120.JPG');
    expect(
      await marked(() =>
        call('events.assignPhotos', { eventId: vranje, photoIds: [id('IMG_5218.JPG')] }),
      ),
    ).toEqual(['IMG_5218.JPG']);
    expect(
      await marked(() =>
        call('events.assignPhotos', { eventId: null, photoIds: [id('IMG_5218.JPG')] }),
      ),
    ).toEqual(['IMG_5218.JPG']);
    const stipPhotos = await photosOfEvent(stip);
    for (const patch of [
      { title: 'Modna revija, Štip' },
      { venue: 'Dom na kultura' },
      { city: 'Штип' },
      { startsOn: '2015-11-27' },
      { endsOn: '2015-11-29' },
    ])
      expect(
        await marked(() => call('events.update', { id: stip, patch })),
        Object.keys(patch)[0],
      ).toEqual(stipPhotos);
    // The description is in the folder's archive file, not in the photos' sidecars.
    expect(
      await marked(() => call('events.update', { id: stip, patch: { description: 'Revija' } })),
    ).toEqual([]);
  });

  it('marks the photos of merged, split and deleted events', async () => {
    const leskovac = await eventOf('P1000123.JPG');
    const vranje = await eventOf('DSC_1120.JPG');
    expect(
      await marked(() => call('events.merge', { targetId: vranje, sourceIds: [leskovac] })),
      // The merged event's dates now cover both days: its own photo's sidecar says so too.
    ).toEqual(['DSC_1120.JPG', 'P1000123.JPG']);
    expect(
      await marked(() =>
        call('events.split', { id: vranje, photoIds: [id('P1000123.JPG')], title: 'Leskovac' }),
      ),
    ).toEqual(['P1000123.JPG']);
    const training = await eventOf('DSC_0412.JPG');
    const trainingPhotos = await photosOfEvent(training);
    expect(await marked(() => call('events.delete', { id: training }))).toEqual(trainingPhotos);
  });

  it("marks the photos of a project's events when the project changes or is linked", async () => {
    const assembly = await eventOf('DSC_7001.JPG');
    const assemblyPhotos = await photosOfEvent(assembly);
    const project = await call('projects.create', { name: 'Cluster assembly 2017' });
    expect(
      await marked(() =>
        call('projects.linkEvents', { projectId: project.id, eventIds: [assembly] }),
      ),
    ).toEqual(assemblyPhotos);
    for (const patch of [
      { name: 'Cluster assembly' },
      { code: 'CA-17' },
      { creator: 'Ana Jovanović' },
      { credit: 'Cluster House' },
      { copyright: '© Cluster House 2017' },
    ])
      expect(
        await marked(() => call('projects.update', { id: project.id, patch })),
        Object.keys(patch)[0],
      ).toEqual(assemblyPhotos);
    expect(
      await marked(() =>
        call('projects.update', { id: project.id, patch: { programme: 'Interreg' } }),
      ),
    ).toEqual([]);
    expect(
      await marked(() =>
        call('projects.unlinkEvents', { projectId: project.id, eventIds: [assembly] }),
      ),
    ).toEqual(assemblyPhotos);
    await call('projects.linkEvents', { projectId: project.id, eventIds: [assembly] });
    expect(await marked(() => call('projects.delete', { id: project.id }))).toEqual(assemblyPhotos);
  });
});
