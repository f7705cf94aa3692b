import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/dispatch';
import { createKadarApi } from '../../electron/api/kadar-api';
import { cacheDirFor } from '../../electron/catalog/default-paths';
import { readKadarLayer } from '../../electron/longevity/sidecars/sidecar-xmp';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { exiftoolRead, requireExiftool } from '../helpers/exiftool';
import { catalogCli } from '../helpers/run-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';
import { sampleOpened } from '../helpers/sample-opened';

requireExiftool();
const invitation = fileURLToPath(
  new URL('../../assets/sample/documents/invitation-fashion-show-stip.pdf', import.meta.url),
);
const keywordsFixture = fileURLToPath(
  new URL('../fixtures/photos/iptc-xmp/Photoshop (3).jpg', import.meta.url),
);
let dir: string;
let catalog: string;
let library: string;

const { json } = catalogCli(() => catalog);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Listing {
  photos: Json;
  events: Json;
  projects: Json;
  tags: Json;
  people: Json;
  organisations: Json;
}

/**
 * The four listings with row ids (which a rebuilt catalog numbers afresh) replaced by what
 * they name: a photo by its path, an event by its title, a tag by its path, and so on.
 */
async function listing(): Promise<Listing> {
  const photos = await json<{ id: number; relPath: string; folderId: number }[]>(
    'photos',
    '--json',
  );
  const events = await json<{ id: number; title: string }[]>('events', '--json');
  const projects = await json<{ id: number; name: string }[]>('projects', '--json');
  const tags = await json<{ id: number; path: string }[]>('tags', '--json');
  const organisations = await json<{ id: number; name: string }[]>('organisations', '--json');
  const people = await json<{ id: number; name: string }[]>('people', '--json');
  const names: Record<string, Map<number, string>> = {
    photo: new Map(photos.map((p) => [p.id, p.relPath])),
    event: new Map(events.map((e) => [e.id, e.title])),
    project: new Map(projects.map((p) => [p.id, p.name])),
    tag: new Map(tags.map((t) => [t.id, t.path])),
    organisation: new Map(organisations.map((o) => [o.id, o.name])),
    person: new Map(people.map((p) => [p.id, p.name])),
    folder: new Map(photos.map((p) => [p.folderId, p.relPath.replace(/[^/]*$/, '')])),
  };
  const kindOf = (key: string, owner: string): string | null => {
    if (key === 'id') return owner;
    const m =
      /^(photo|event|project|tag|parent|cover(?:Photo)?|organiser|organisation|folder)Ids?$/.exec(
        key,
      );
    if (!m) return null;
    const aliases: Record<string, string> = { parent: 'tag', organiser: 'organisation' };
    return aliases[m[1]!] ?? (m[1]!.startsWith('cover') ? 'photo' : m[1]!);
  };
  const named = (value: Json, owner: string): Json => {
    if (Array.isArray(value)) return value.map((v) => named(v, owner));
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, Json> = {};
    for (const [key, v] of Object.entries(value)) {
      if (key === 'addedAt' || key === 'indexedAt') continue;
      const kind = kindOf(key, owner);
      const name = (id: Json) =>
        typeof id === 'number' ? (names[kind!]?.get(id) ?? `${kind}#${id}`) : id;
      out[key] = kind ? (Array.isArray(v) ? v.map(name).sort() : name(v)) : named(v, owner);
    }
    return out;
  };
  const sorted = (items: unknown[], owner: string, key: string) =>
    (named(items as Json[], owner) as Record<string, Json>[]).sort((a, b) =>
      JSON.stringify(a[key]).localeCompare(JSON.stringify(b[key])),
    );
  return {
    photos: sorted(photos, 'photo', 'id'),
    events: sorted(events, 'event', 'id'),
    projects: sorted(projects, 'project', 'id'),
    tags: sorted(tags, 'tag', 'id'),
    people: sorted(people, 'person', 'name'),
    organisations: sorted(organisations, 'organisation', 'id'),
  };
}

afterAll(removeTempDirs);
beforeAll(async () => {
  dir = tempDir();
  catalog = join(dir, 'catalog.sqlite');
  library = join(dir, 'Kadar sample archive');
  // The sample archive (events, projects, partners, organisations, documents) and, beside its
  // photos, one whose file has keywords of its own.
  const api = createKadarApi({ catalogPath: catalog, threads: 2 });
  const call = <M extends MethodName>(m: M, input: MethodInput<M>): Promise<MethodOutput<M>> =>
    callApi(api.handlers, m, input);
  const sampleDone = sampleOpened(api);
  await call('sample.open', {});
  await sampleDone;
  mkdirSync(join(library, 'Extra'));
  cpSync(keywordsFixture, join(library, 'Extra', 'keywords.jpg'));
  await call('index.start', {});
  await api.indexing.idle();

  const byName = async (name: string) =>
    (
      await call('photos.get', {
        ids: (await call('photos.ids', { search: name, sort: 'takenAt', order: 'asc' })).ids,
      })
    )[0]!;
  const fashion = await byName('DSC_2208');
  const training = await byName('DSC_0412');
  const extra = await byName('keywords');
  const rootId = fashion.rootId;
  await call('photos.edit', {
    ids: [fashion.id],
    set: {
      title: 'Модна ревија, финале',
      caption: 'Štip, 28 November',
      rating: 5,
      label: 'red',
      flag: 'pick',
    },
  });
  await call('photos.edit', {
    ids: [training.id],
    set: { flag: 'reject', rating: 3, caption: '' },
  });
  await call('tags.add', {
    photoIds: [fashion.id, training.id],
    paths: ['Place/Štip', 'People/Models'],
  });
  const fileTag = (await call('tags.list', {})).find((t) => t.path === 'test keyword 1')!;
  await call('tags.remove', { photoIds: [extra.id], tagIds: [fileTag.id] });
  const person = await call('people.create', { name: 'Ана Стојановска', role: 'Designer' });
  await call('people.tag', { photoIds: [fashion.id], personIds: [person.id] });
  // A photo in no event until now: its event comes back from its sidecar and the folder's file.
  await call('events.assignPhotos', { eventId: fashion.eventId!, photoIds: [extra.id] });
  const gallery = await call('galleries.create', {
    name: 'Newsletter, December',
    photoIds: [extra.id, fashion.id],
  });
  expect(gallery).toBeDefined();
  await call('sidecars.set', { rootId, naming: 'lightroom' });
  await api.close();
}, 120_000);

describe('a catalog rebuilt from its folders', () => {
  it('gets back events, projects, tags, people, ratings, labels, titles and captions after the catalog is deleted', async () => {
    const before = await listing();
    expect(before.people).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Ана Стојановска', role: 'Designer' }),
      ]),
    );
    const fashion = (before.photos as { relPath: string }[]).find((p) =>
      p.relPath.endsWith('DSC_2208.JPG'),
    )!;
    // Named as Lightroom names them; exiftool reads them.
    const sidecar = join(library, fashion.relPath.replace(/\.JPG$/, '.xmp'));
    expect(existsSync(sidecar)).toBe(true);
    expect(exiftoolRead([sidecar]).get(sidecar)).toMatchObject({
      'XMP-dc:Title': 'Модна ревија, финале',
      'XMP-xmp:Rating': 5,
      'XMP-xmp:Label': 'Red',
      'XMP-kadar:Pick': true,
    });
    const archiveFile = JSON.parse(readFileSync(join(library, 'kadar-archive.json'), 'utf8')) as {
      events: unknown[];
      projects: unknown[];
    };
    expect(archiveFile.events).toHaveLength(5);
    expect(archiveFile.projects).toHaveLength(3);

    const documentTexts = () => {
      const db = new Database(catalog, { readonly: true });
      try {
        return db
          .prepare(
            `SELECT d.file_name FROM document_text t JOIN documents d ON d.id = t.document_id ORDER BY 1`,
          )
          .pluck()
          .all();
      } finally {
        db.close();
      }
    };
    const texts = documentTexts();
    expect(texts.length).toBeGreaterThan(0);

    for (const name of readdirSync(dir))
      if (name.startsWith('catalog.sqlite')) rmSync(join(dir, name));
    rmSync(cacheDirFor(catalog), { recursive: true, force: true });

    await json('index', library, '--json', '--progress', 'none');
    const after = await listing();
    // The documents' text is read from their files again: a word in them finds them.
    expect(documentTexts()).toEqual(texts);
    expect(after.events).toEqual(before.events);
    expect(after.projects).toEqual(before.projects);
    expect(after.tags).toEqual(before.tags);
    expect(after.people).toEqual(before.people);
    expect(after.organisations).toEqual(before.organisations);
    expect(after.photos).toEqual(before.photos);
    expect(readKadarLayer(readFileSync(sidecar, 'utf8'))?.event?.title).toBeTruthy();
    // The saved gallery comes back from the folder's file, in its order.
    const api = createKadarApi({ catalogPath: catalog, threads: 1 });
    try {
      const [gallery] = await callApi(api.handlers, 'galleries.list', {});
      expect(gallery?.name).toBe('Newsletter, December');
      const { photoIds } = await callApi(api.handlers, 'galleries.get', { id: gallery!.id });
      const photos = await callApi(api.handlers, 'photos.get', { ids: photoIds });
      expect(photos.map((p) => p.fileName)).toEqual(['keywords.jpg', 'DSC_2208.JPG']);
    } finally {
      await api.close();
    }
  });

  it('gets events back from the sidecars alone, each once, when the folder lost its archive file', async () => {
    const before = await listing();
    const withPhotos = new Set(
      (before.photos as { eventId: string | null }[]).map((p) => p.eventId).filter(Boolean),
    );
    const eventsOfPhotos = (before.events as { id: string }[]).filter((e) => withPhotos.has(e.id));
    expect(eventsOfPhotos.length).toBeGreaterThan(1);

    rmSync(join(library, 'kadar-archive.json'));
    for (const name of readdirSync(dir))
      if (name.startsWith('catalog.sqlite')) rmSync(join(dir, name));
    await json('index', library, '--json', '--progress', 'none');
    const after = await listing();

    // What a sidecar carries of its event: title, days, projects (name and code), and the uid
    // that makes the photos of one event find one event.
    const carried = (events: Json) =>
      (events as { id: string; startsOn: string; endsOn: string | null; projectIds: string[] }[])
        .map((e) => ({
          title: e.id,
          startsOn: e.startsOn,
          endsOn: e.endsOn,
          projects: e.projectIds,
        }))
        .sort((a, b) => a.title.localeCompare(b.title));
    expect(carried(after.events)).toEqual(carried(eventsOfPhotos as Json));
    const photoEvents = (listed: Listing) =>
      (listed.photos as { id: string; eventId: string | null }[]).map((p) => [p.id, p.eventId]);
    expect(photoEvents(after)).toEqual(photoEvents(before));
    // A project comes back with its name and code; what only the archive file carries (its
    // partners and period) does not, and is not made up either.
    const partnered = (listed: Listing) =>
      (listed.projects as { partners: unknown[]; startsOn: string | null }[]).filter(
        (p) => p.partners.length > 0 || p.startsOn != null,
      );
    expect(partnered(before).length).toBeGreaterThan(0);
    expect(partnered(after)).toEqual([]);
    const codes = (listed: Listing) =>
      (listed.projects as { id: string; code: string | null }[])
        .filter((p) =>
          (after.events as { projectIds: string[] }[]).some((e) => e.projectIds.includes(p.id)),
        )
        .map((p) => [p.id, p.code]);
    expect(codes(after)).toEqual(codes(before));
  });

  it('takes what a sidecar that arrives after its photo says, instead of writing it empty', async () => {
    const [root] = await json<{ id: number }[]>('roots', '--json');
    await json('sidecars', 'on', '--root', String(root!.id), '--naming', 'lightroom', '--json');
    const listed = () =>
      json<{ relPath: string; title: string | null; rating: number | null }[]>('photos', '--json');
    const fashion = (await listed()).find((p) => p.relPath.endsWith('DSC_2208.JPG'))!;
    expect(fashion.title).toBe('Модна ревија, финале');
    const sidecar = join(library, fashion.relPath.replace(/\.JPG$/, '.xmp'));
    const away = join(dir, 'DSC_2208.xmp');

    // The catalog is lost; a sync tool brings the photo back before its sidecar.
    cpSync(sidecar, away);
    rmSync(sidecar);
    for (const name of readdirSync(dir))
      if (name.startsWith('catalog.sqlite')) rmSync(join(dir, name));
    await json('index', library, '--json', '--progress', 'none');
    await json('sidecars', 'on', '--root', String(root!.id), '--naming', 'lightroom', '--json');
    const bare = (await listed()).find((p) => p.relPath === fashion.relPath)!;
    expect(bare.title).toBeNull();

    cpSync(away, sidecar);
    await json('rescan', '--json', '--progress', 'none');
    expect((await listed()).find((p) => p.relPath === fashion.relPath)).toMatchObject({
      title: 'Модна ревија, финале',
      rating: 5,
    });
    expect(exiftoolRead([sidecar]).get(sidecar)).toMatchObject({
      'XMP-dc:Title': 'Модна ревија, финале',
      'XMP-xmp:Rating': 5,
    });
  });

  it('finds its library folder at a new path: one folder, its setting and its documents', async () => {
    const status = () =>
      json<{ roots: { path: string; naming: string | null }[] }>('sidecars', '--json');
    expect((await status()).roots).toEqual([
      expect.objectContaining({ path: library, naming: 'lightroom' }),
    ]);
    // A document linked where it lies, inside the folder.
    const pdf = join(library, 'Documents', 'invitation, linked.pdf');
    mkdirSync(join(library, 'Documents'), { recursive: true });
    cpSync(invitation, pdf);
    const before = createKadarApi({ catalogPath: catalog, threads: 1 });
    try {
      const [event] = await callApi(before.handlers, 'events.list', {});
      await callApi(before.handlers, 'documents.attach', {
        owner: { eventId: event!.id },
        sources: [{ path: pdf, link: true }],
      });
    } finally {
      await before.close();
    }
    const [root] = await json<{ id: number }[]>('roots', '--json');
    await json('sidecars', 'on', '--root', String(root!.id), '--naming', 'lightroom', '--json');
    const file = JSON.parse(readFileSync(join(library, 'kadar-archive.json'), 'utf8')) as {
      folder?: string;
      documents: unknown[];
    };
    expect(file.folder).toBe(library);
    const links = (file.documents as { storage: { kind: string; root?: string } }[]).filter(
      (d) => d.storage.kind === 'link',
    );
    expect(links.length).toBeGreaterThan(0);
    for (const d of links) expect(d.storage.root).toBe(library);

    // Another machine: the same folder, mounted elsewhere; the catalog is lost.
    const moved = join(dir, 'Archive on the new machine');
    renameSync(library, moved);
    for (const name of readdirSync(dir))
      if (name.startsWith('catalog.sqlite')) rmSync(join(dir, name));
    await json('index', moved, '--json', '--progress', 'none');
    expect((await status()).roots).toEqual([
      expect.objectContaining({ path: moved, naming: 'lightroom' }),
    ]);
    const api = createKadarApi({ catalogPath: catalog, threads: 1 });
    try {
      const events = await callApi(api.handlers, 'events.list', {});
      const documents = (
        await Promise.all(
          events.map((e) => callApi(api.handlers, 'documents.list', { eventId: e.id })),
        )
      ).flat();
      const linked = documents.filter((d) => d.storage === 'link');
      expect(linked).toHaveLength(links.length);
      for (const d of linked)
        expect([d.path.startsWith(`${moved}/`), d.missing]).toEqual([true, false]);
    } finally {
      await api.close();
      renameSync(moved, library);
    }
  });
});
