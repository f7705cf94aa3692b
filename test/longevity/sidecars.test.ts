import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/dispatch';
import { createKadarApi, type KadarApi } from '../../electron/api/kadar-api';
import { readKadarLayer } from '../../electron/longevity/sidecars/sidecar-xmp';
import { writeFolderSidecars } from '../../electron/longevity/sidecars/write-sidecars';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { exiftoolRead, requireExiftool } from '../helpers/exiftool';
import { snapshotFiles } from '../helpers/originals';
import { repoFixtures } from '../helpers/fixtures';
import { copyFixtures, removeTempDirs, tempDir } from '../helpers/temp-dir';
import { sampleOpened } from '../helpers/sample-opened';

requireExiftool();
let api: KadarApi;
let dir: string;
let library: string;
let catalogPath: string;
const call = <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> =>
  callApi(api.handlers, method, input);

const open = async () => {
  api = createKadarApi({ catalogPath, threads: 2 });
  const sampleDone = sampleOpened(api);
  await call('sample.open', {});
  await sampleDone;
};

const photoNamed = async (name: string) => {
  const ids = (await call('photos.ids', { search: name, sort: 'takenAt', order: 'asc' })).ids;
  const [photo] = await call('photos.get', { ids });
  return photo!;
};
const xmpFiles = () =>
  readdirSync(library, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xmp'));

let originals: ReturnType<typeof snapshotFiles>;
// A sidecar digiKam wrote before Kadar was switched on: its own fields must stay.
const foreign = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 4.4.0-Exiv2">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:digiKam="http://www.digikam.org/ns/1.0/"
    xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"
    xmlns:acme="http://example.org/acme/1.0/"
   xmp:Rating="2"
   crs:Exposure2012="+0.35"
   acme:Reviewer="Jelena">
   <digiKam:TagsList>
    <rdf:Seq>
     <rdf:li>Old/Tag from digiKam</rdf:li>
    </rdf:Seq>
   </digiKam:TagsList>
   <acme:Notes>
    <rdf:Bag><rdf:li>kept</rdf:li><rdf:li>as it was</rdf:li></rdf:Bag>
   </acme:Notes>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;

beforeAll(async () => {
  dir = tempDir();
  catalogPath = join(dir, 'catalog.sqlite');
  library = join(dir, 'Kadar sample archive');
  await open();
  originals = snapshotFiles([library]);
}, 120_000);
afterAll(async () => {
  await api.close();
  removeTempDirs();
});

describe('XMP sidecars', () => {
  it('writes a sidecar for every described photo when switched on, which exiftool reads back', async () => {
    // Another tool's sidecar, named as Lightroom names them, read by a rescan before Kadar writes.
    const other = await photoNamed('DSC_2211');
    writeFileSync(join(library, other.relPath.replace(/\.[^.]+$/, '.xmp')), foreign);
    await call('index.start', {});
    await api.indexing.idle();
    const photo = await photoNamed('DSC_2208');
    const [tagged] = (
      await call('tags.add', { photoIds: [photo.id], paths: ['Place/Niš', 'Events/Модна ревија'] })
    ).tagIds;
    expect(tagged).toBeDefined();
    const person = await call('people.create', { name: 'Јелена Петровић' });
    await call('people.tag', { photoIds: [photo.id], personIds: [person.id] });
    await call('photos.edit', {
      ids: [photo.id],
      set: { title: 'Модна ревија у Нишу', caption: 'Finale, Niš 2015', rating: 4, label: 'green' },
    });
    const rootId = photo.rootId;
    const progress: { done: number; total: number; rate: number | null }[] = [];
    const stop = api.onEvent((event, payload) => {
      if (event === 'sidecars.progress') progress.push(payload as (typeof progress)[number]);
    });
    const set = await call('sidecars.set', { rootId, naming: 'digikam' });
    expect(set.pending).toBe(
      (await call('photos.ids', { sort: 'takenAt', order: 'asc' })).ids.length,
    );
    const summary = await call('sidecars.write', {});
    stop();
    expect(summary).toMatchObject({ failed: 0, cancelled: false });
    // The job said how far it was, from nothing to every photo owed one.
    expect(progress[0]).toMatchObject({ done: 0, total: set.pending });
    expect(progress.at(-1)).toMatchObject({ done: set.pending, total: set.pending });
    expect(progress.every((p, i) => i === 0 || p.done >= progress[i - 1]!.done)).toBe(true);

    // Every sample photo is in an event, so every one has a sidecar, named as digiKam does
    // unless it had one already.
    const names = xmpFiles();
    expect(names.length).toBe(10);
    expect(names.filter((n) => !/\.(jpe?g|heic)\.xmp$/i.test(n))).toEqual([
      other.relPath.replace(/\.[^.]+$/, '.xmp'),
    ]);
    const sidecar = join(library, `${photo.relPath}.xmp`);
    const tags = exiftoolRead([sidecar]).get(sidecar)!;
    const event = await call('events.get', { id: photo.eventId! });
    expect(tags).toMatchObject({
      'XMP-dc:Title': 'Модна ревија у Нишу',
      'XMP-dc:Description': 'Finale, Niš 2015',
      'XMP-xmp:Rating': 4,
      'XMP-xmp:Label': 'Green',
      'XMP-iptcExt:Event': event.title,
      // The file's own town stays (another tool's too); the event's venue fills in the empty one.
      'XMP-photoshop:City': photo.city ?? event.city,
      'XMP-iptcCore:Location': event.venue,
      'XMP-iptcExt:PersonInImage': 'Јелена Петровић',
    });
    expect(tags['XMP-dc:Subject']).toEqual(expect.arrayContaining(['Niš', 'Модна ревија']));
    expect(tags['XMP-lr:HierarchicalSubject']).toEqual(
      expect.arrayContaining(['Place|Niš', 'Events|Модна ревија']),
    );
    expect(tags['XMP-digiKam:TagsList']).toEqual(
      expect.arrayContaining(['Place/Niš', 'Events/Модна ревија']),
    );
    expect(tags['XMP-kadar:EventTitle']).toBe(event.title);
    expect(readKadarLayer(readFileSync(sidecar, 'utf8'))).toMatchObject({
      event: { title: event.title, startsOn: event.startsOn },
      edited: expect.arrayContaining(['title', 'caption', 'rating', 'label']) as string[],
      addedTags: ['Events/Модна ревија', 'Place/Niš'],
      addedPeople: ['Јелена Петровић'],
    });
    // The folder's archive file is there too.
    expect(existsSync(join(library, 'kadar-archive.json'))).toBe(true);
  });

  it('never touches the originals, and a rescan does not read the photos again', async () => {
    const now = snapshotFiles([library]);
    for (const [path, stamp] of originals) expect(now.get(path), path).toBe(stamp);
    await call('index.start', {});
    await api.indexing.idle();
    const state = await call('index.state', {});
    expect(state.lastSummary).toMatchObject({ added: 0, updated: 0, unchanged: 10 });
  });

  it('keeps sidecars current after edits, undo and an event rename', async () => {
    const photo = await photoNamed('DSC_2208');
    const sidecar = join(library, `${photo.relPath}.xmp`);
    await call('photos.edit', { ids: [photo.id], set: { flag: 'reject' } });
    await call('sidecars.write', {});
    expect(exiftoolRead([sidecar]).get(sidecar)!['XMP-xmp:Rating']).toBe(-1);
    await call('history.undo', {});
    await call('sidecars.write', {});
    expect(exiftoolRead([sidecar]).get(sidecar)!['XMP-xmp:Rating']).toBe(4);
    await call('events.update', { id: photo.eventId!, patch: { title: 'Fashion show, Niš' } });
    await call('sidecars.write', {});
    expect(exiftoolRead([sidecar]).get(sidecar)!['XMP-iptcExt:Event']).toBe('Fashion show, Niš');
    // Written by the app itself once edits settle, without being asked.
    await call('photos.edit', { ids: [photo.id], set: { caption: 'Written by itself' } });
    await expect
      .poll(() => exiftoolRead([sidecar]).get(sidecar)!['XMP-dc:Description'], { timeout: 10_000 })
      .toBe('Written by itself');
  });

  it('keeps sidecars current when a tag or a person is renamed, a project linked and the event moved', async () => {
    const photo = await photoNamed('DSC_2208');
    const sidecar = join(library, `${photo.relPath}.xmp`);
    const tag = (await call('tags.list', {})).find((t) => t.path === 'Place/Niš')!;
    await call('tags.rename', { id: tag.id, name: 'Ниш' });
    const person = (await call('people.list', {})).find((p) => p.name === 'Јелена Петровић')!;
    await call('people.update', { id: person.id, patch: { name: 'Jelena Petrović' } });
    const project = await call('projects.create', { name: 'Textile cluster 2015', code: 'TC-15' });
    await call('projects.linkEvents', { projectId: project.id, eventIds: [photo.eventId!] });
    await call('events.update', {
      id: photo.eventId!,
      patch: { startsOn: '2015-12-01', endsOn: '2015-12-02', venue: 'Dom omladine' },
    });
    // A run the app started by itself during the edits is waited for; the second call's run
    // began after the last edit.
    await call('sidecars.write', {});
    await call('sidecars.write', {});

    const tags = exiftoolRead([sidecar]).get(sidecar)!;
    expect(tags['XMP-lr:HierarchicalSubject']).toEqual(expect.arrayContaining(['Place|Ниш']));
    expect(tags['XMP-lr:HierarchicalSubject']).not.toContain('Place|Niš');
    expect(tags['XMP-digiKam:TagsList']).toEqual(expect.arrayContaining(['Place/Ниш']));
    expect(tags['XMP-dc:Subject']).toEqual(expect.arrayContaining(['Ниш']));
    expect(tags['XMP-iptcExt:PersonInImage']).toBe('Jelena Petrović');
    expect(tags['XMP-iptcCore:Location']).toBe('Dom omladine');
    expect(tags['XMP-kadar:EventStart']).toBe('2015-12-01');
    expect(readKadarLayer(readFileSync(sidecar, 'utf8'))).toMatchObject({
      event: {
        startsOn: '2015-12-01',
        endsOn: '2015-12-02',
        // Beside the sample's own project.
        projects: expect.arrayContaining([
          expect.objectContaining({ name: 'Textile cluster 2015', code: 'TC-15' }),
        ]) as unknown,
      },
      addedTags: ['Events/Модна ревија', 'Place/Ниш'],
      addedPeople: ['Jelena Petrović'],
    });
    // Each photo of the event carries the project, described by a person or not.
    const others = (
      await call('photos.ids', { eventId: photo.eventId!, sort: 'takenAt', order: 'asc' })
    ).ids;
    let checked = 0;
    for (const other of await call('photos.get', { ids: others })) {
      const path = join(library, `${other.relPath}.xmp`);
      if (!existsSync(path)) continue;
      checked++;
      expect(readKadarLayer(readFileSync(path, 'utf8'))?.event?.projects, other.relPath).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'Textile cluster 2015' })]),
      );
    }
    expect(checked).toBeGreaterThan(1);
  });

  it("keeps the folder's archive file current when an event or a project changes, with no photo touched", async () => {
    const photo = await photoNamed('DSC_2208');
    const archive = join(library, 'kadar-archive.json');
    const read = () =>
      JSON.parse(readFileSync(archive, 'utf8')) as {
        events: { title: string; description: string | null }[];
        projects: { name: string; partners: { organisation: string; role: string }[] }[];
        organisations: { uid: string; name: string; country: string | null }[];
      };
    const event = await call('events.get', { id: photo.eventId! });
    await call('events.update', {
      id: event.id,
      patch: { description: 'Revija mladih dizajnera, Dom omladine' },
    });
    const project = await call('projects.create', { name: 'Cross-border fashion network' });
    await call('projects.linkEvents', { projectId: project.id, eventIds: [event.id] });
    await call('projects.update', {
      id: project.id,
      patch: {},
      partners: [{ name: 'Klaster Modna Industrija', country: 'Serbia' }],
    });
    // Written by the app itself once the changes settle, without being asked.
    await expect
      .poll(() => read().events.find((e) => e.title === event.title)?.description, {
        timeout: 10_000,
      })
      .toBe('Revija mladih dizajnera, Dom omladine');
    // Partners name their organisation by its uid; the organisation is in the file too.
    const partnerOf = () => {
      const file = read();
      return file.projects
        .find((p) => p.name === project.name)
        ?.partners.map((partner) => ({
          role: partner.role,
          ...file.organisations.find((o) => o.uid === partner.organisation),
        }));
    };
    await expect.poll(partnerOf, { timeout: 10_000 }).toEqual([
      expect.objectContaining({
        role: 'partner',
        name: 'Klaster Modna Industrija',
        country: 'Serbia',
      }),
    ]);
  });

  it("merges into another tool's sidecar, keeping what Kadar does not know", async () => {
    const photo = await photoNamed('DSC_2211');
    const lightroomName = join(library, photo.relPath.replace(/\.[^.]+$/, '.xmp'));
    await call('photos.edit', { ids: [photo.id], set: { title: 'Merged' } });
    await call('sidecars.write', {});
    // Written into the sidecar the indexer reads (Lightroom's name), not beside it.
    expect(existsSync(join(library, `${photo.relPath}.xmp`))).toBe(false);
    const tags = exiftoolRead([lightroomName]).get(lightroomName)!;
    expect(tags).toMatchObject({
      'XMP-dc:Title': 'Merged',
      'XMP-crs:Exposure2012': '+0.35',
      'XMP-acme:Reviewer': 'Jelena',
      'XMP-acme:Notes': ['kept', 'as it was'],
    });
    // digiKam's rating was the file's value, and stays the photo's rating.
    expect(tags['XMP-xmp:Rating']).toBe(2);
    expect(tags['XMP-digiKam:TagsList']).toEqual(expect.arrayContaining(['Old/Tag from digiKam']));
  });

  it('keeps the mark of a sidecar that could not be written, and writes it later', async () => {
    const photo = await photoNamed('DSC_0412');
    const sidecar = join(library, `${photo.relPath}.xmp`);
    // Something in the way (as an unplugged drive or a full disk would be).
    rmSync(sidecar);
    mkdirSync(sidecar);
    await call('photos.edit', { ids: [photo.id], set: { caption: 'After the drive came back' } });
    const failed = await call('sidecars.write', {});
    expect(failed.failed).toBe(1);
    expect(failed.failures[0]).toEqual({
      path: join(library, photo.relPath),
      message: `Its sidecar ${photo.fileName}.xmp could not be read: a folder has that name.`,
    });
    expect((await call('sidecars.status', {})).roots[0]!.pending).toBe(1);
    rmSync(sidecar, { recursive: true });
    expect(await call('sidecars.write', {})).toMatchObject({ written: 1, failed: 0 });
    expect(exiftoolRead([sidecar]).get(sidecar)!['XMP-dc:Description']).toBe(
      'After the drive came back',
    );
  });

  it('stops writing when switched off; switched on again, brings what it wrote up to date', async () => {
    const photo = await photoNamed('DSC_2208');
    await call('sidecars.set', { rootId: photo.rootId, naming: null });
    await call('photos.edit', { ids: [photo.id], set: { caption: 'Not written' } });
    await call('sidecars.write', {});
    const sidecar = join(library, `${photo.relPath}.xmp`);
    expect(exiftoolRead([sidecar]).get(sidecar)!['XMP-dc:Description']).toBe('Written by itself');
    expect((await call('sidecars.status', {})).roots[0]).toMatchObject({
      naming: null,
      pending: 0,
    });
    // Cleared while off: switched on again, the sidecar must not keep the old caption.
    await call('photos.edit', { ids: [photo.id], set: { caption: null } });
    await call('sidecars.set', { rootId: photo.rootId, naming: 'digikam' });
    await call('sidecars.write', {});
    expect(exiftoolRead([sidecar]).get(sidecar)!['XMP-dc:Description']).toBe(
      (await photoNamed('DSC_2208')).caption ?? undefined,
    );
    expect(readKadarLayer(readFileSync(sidecar, 'utf8'))?.edited).not.toContain('caption');
  });

  it('writes no sidecar for a photo nobody described, until someone does', async () => {
    const folder = copyFixtures(join(repoFixtures, 'gps'));
    const own = createKadarApi({ catalogPath: join(tempDir(), 'catalog.sqlite'), threads: 2 });
    try {
      const ownCall = <M extends MethodName>(method: M, input: MethodInput<M>) =>
        callApi(own.handlers, method, input);
      const { rootId } = await ownCall('roots.add', { path: folder });
      await ownCall('index.start', { rootIds: [rootId] });
      await own.indexing.idle();
      const { ids } = await ownCall('photos.ids', { sort: 'takenAt', order: 'asc' });
      expect(ids.length).toBeGreaterThan(2);
      const described = (await ownCall('photos.get', { ids: [ids[0]!] }))[0]!;
      await ownCall('photos.edit', { ids: [described.id], set: { rating: 3 } });

      expect((await ownCall('sidecars.set', { rootId, naming: 'digikam' })).pending).toBe(1);
      expect(await ownCall('sidecars.write', {})).toMatchObject({ written: 1, failed: 0 });
      const written = () =>
        readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) =>
          f.endsWith('.xmp'),
        );
      expect(written()).toEqual([`${described.relPath}.xmp`]);

      // A tag given to a second photo gives it one.
      const second = (await ownCall('photos.get', { ids: [ids[1]!] }))[0]!;
      await ownCall('tags.add', { photoIds: [second.id], paths: ['Place/Štip'] });
      await ownCall('sidecars.write', {});
      expect(written().sort()).toEqual(
        [`${described.relPath}.xmp`, `${second.relPath}.xmp`].sort(),
      );
    } finally {
      await own.close();
    }
  });

  it("gives a JPEG beside a raw file a sidecar of its own, never the raw file's", () => {
    const dir = join(tempDir(), 'pair');
    mkdirSync(dir);
    for (const name of ['DSC_1.JPG', 'DSC_1.NEF']) writeFileSync(join(dir, name), '');
    writeFileSync(join(dir, 'DSC_1.xmp'), foreign);
    const content = {
      title: 'The JPEG only',
      caption: null,
      tagPaths: [],
      people: [],
      rating: 1,
      flag: null,
      label: null,
      event: null,
      city: null,
      venue: null,
      creator: null,
      credit: null,
      copyright: null,
      kadar: {
        event: null,
        edited: ['title', 'rating'],
        derived: [],
        stars: null,
        addedTags: [],
        removedTags: [],
        addedPeople: [],
        removedPeople: [],
      },
    };
    const [outcome] = writeFolderSidecars({
      dir,
      naming: 'lightroom',
      items: [{ photoId: 1, fileName: 'DSC_1.JPG', create: true, content }],
    });
    expect(outcome).toMatchObject({ status: 'written', path: join(dir, 'DSC_1.JPG.xmp') });
    expect(readFileSync(join(dir, 'DSC_1.xmp'), 'utf8')).toBe(foreign);
  });

  it('refuses a library folder that does not exist', async () => {
    await expect(call('sidecars.set', { rootId: 999, naming: 'digikam' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
