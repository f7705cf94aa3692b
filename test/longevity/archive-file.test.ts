import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, dispatch } from '../../electron/api/dispatch';
import { createKadarApi, type KadarApi } from '../../electron/api/kadar-api';
import { importArchive } from '../../electron/longevity/archive/import-archive';
import type { ArchiveDocument } from '../../electron/longevity/archive/archive-schema';
import type {
  EventPayload,
  MethodInput,
  MethodName,
  MethodOutput,
} from '../../shared/api/contract';
import type { Photo } from '../../shared/api/photo-schema';
import { photoFileFields } from '../../shared/catalog/photo-fields';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

const sample = fileURLToPath(new URL('../../assets/sample/', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/photos/', import.meta.url));
const stip = ['DSC_2208.JPG', 'DSC_2211.JPG', 'IMG_5218.JPG'];
const nis = ['DSC_0412.JPG', 'DSC_0415.JPG', 'IMG_20151120_101530.jpg'];
// Photos whose files name keywords and a person, to take off.
const keywords = 'Photoshop (3).jpg';
const withPerson = 'iptc-staff-photographer-example.jpg';

let dir: string;
let library: string;
let original: KadarApi;
let exported: string;

const open = (name: string) =>
  createKadarApi({ catalogPath: join(dir, name, 'catalog.sqlite'), threads: 2 });
const caller =
  (api: KadarApi) =>
  <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> =>
    callApi(api.handlers, method, input);
const photoId = (api: KadarApi, name: string) =>
  (api.db.prepare('SELECT id FROM photos WHERE file_name = ?').get(name) as { id: number }).id;
const readDoc = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as ArchiveDocument;
const withoutTime = ({ exportedAt: _at, ...rest }: ArchiveDocument) => rest;

/** Every row of what an import writes, for "nothing changed". */
function tables(api: KadarApi) {
  const names = ['roots', 'folders', 'photos', 'organisations', 'people', 'tags', 'events']
    .concat(['projects', 'project_partners', 'project_events', 'documents', 'document_text'])
    .concat(['photo_tags', 'photo_people', 'photo_tag_removals', 'photo_people_removals'])
    .concat(['galleries', 'gallery_photos', 'saved_searches', 'export_presets', 'exports'])
    .concat(['export_files', 'cameras', 'edits']);
  return Object.fromEntries(
    names.map((t) => [t, api.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]),
  );
}

/** What a photo shows, without the catalog's own ids and times. */
function shown(api: KadarApi, photos: Photo[]) {
  const events = new Map(
    (api.db.prepare('SELECT id, uid FROM events').all() as { id: number; uid: string }[]).map(
      (e) => [e.id, e.uid],
    ),
  );
  return photos
    .map(
      ({
        id: _id,
        rootId: _root,
        folderId: _folder,
        eventId,
        projectIds,
        addedAt: _added,
        indexedAt: _indexed,
        ...rest
      }) => ({
        ...rest,
        event: eventId == null ? null : events.get(eventId),
        projects: projectIds.length,
      }),
    )
    .sort((a, b) => a.relPath.localeCompare(b.relPath));
}
async function allPhotos(api: KadarApi): Promise<Photo[]> {
  const page = await caller(api)('photos.page', { sort: 'name', order: 'asc', limit: 1000 });
  return page.items;
}

beforeAll(async () => {
  dir = tempDir();
  library = join(dir, 'library');
  cpSync(join(sample, 'photos'), library, { recursive: true, preserveTimestamps: true });
  mkdirSync(join(library, 'described'));
  for (const f of [`iptc-xmp/${keywords}`, `iptc-xmp/${withPerson}`])
    cpSync(join(fixtures, f), join(library, 'described', f.split('/')[1]!), {
      preserveTimestamps: true,
    });
  mkdirSync(join(library, 'Documents'));
  cpSync(
    join(sample, 'documents/agenda-cluster-training-nis.pdf'),
    join(library, 'Documents/agenda.pdf'),
  );

  original = open('original');
  const call = caller(original);
  const id = (name: string) => photoId(original, name);
  await call('roots.add', { path: library });
  await call('index.start', {});
  await original.indexing.idle();

  const cluster = await call('organisations.create', {
    name: 'Cluster House',
    shortName: 'CH',
    city: 'Niš',
    country: 'Serbia',
    website: 'https://example.org',
  });
  const textile = await call('organisations.create', { name: 'Textile Cluster', city: 'Štip' });
  const show = await call('events.create', {
    title: 'Modna revija',
    startsOn: '2015-11-28',
    endsOn: '2015-11-29',
    startTime: '18:00',
    endTime: '21:30',
    venue: 'Dom kulture',
    city: 'Štip',
    country: 'North Macedonia',
    organiserId: textile.id,
    description: 'A fashion show of the textile cluster.',
    photoIds: stip.map(id),
  });
  await call('events.update', { id: show.id, patch: { coverPhotoId: id(stip[1]!) } });
  const training = await call('events.create', {
    title: 'Niš training',
    startsOn: '2015-11-19',
    city: 'Niš',
    organiserId: cluster.id,
    photoIds: nis.map(id),
  });
  // Deleted: its tombstone goes into the file, so no older file can bring it back.
  const cancelled = await call('events.create', {
    title: 'Cancelled info day',
    startsOn: '2015-12-02',
  });
  await call('events.delete', { id: cancelled.id });
  // Merged into the show: where it went goes into the file, so a file naming it finds the show.
  const secondDay = await call('events.create', { title: 'Revija, day 2', startsOn: '2015-11-29' });
  await call('events.merge', { targetId: show.id, sourceIds: [secondDay.id] });
  const balkan = await call('projects.create', {
    name: 'Balkan Cluster',
    code: 'BC-1',
    programme: 'IPA Bulgaria–Serbia',
    startsOn: '2015-03-01',
    endsOn: '2016-08-31',
    description: 'Clusters across the border.',
    creator: 'Cluster House',
    credit: 'Balkan Cluster project',
    copyright: '© Cluster House',
    partners: [
      { organisationId: cluster.id, role: 'lead' },
      { organisationId: textile.id, role: 'partner' },
    ],
    eventIds: [training.id, show.id],
  });
  await call('projects.create', {
    name: 'Textile',
    startsOn: '2015-05-01',
    partners: [
      { organisationId: textile.id, role: 'lead' },
      { name: 'Business Support Centre Kyustendil', country: 'Bulgaria', role: 'associate' },
    ],
    eventIds: [show.id],
  });

  const ana = await call('people.create', {
    name: 'Ana Jović',
    organisationId: textile.id,
    role: 'Designer',
    notes: 'Showed the winter line.',
  });
  await call('people.tag', { photoIds: [id(stip[0]!), id(stip[2]!)], personIds: [ana.id] });
  await call('tags.add', {
    photoIds: stip.map(id),
    paths: ['Place/Štip', 'Sector/Textile/Fashion'],
  });
  await call('tags.add', { photoIds: [id(nis[0]!)], paths: ['Place/Niš'] });
  await call('photos.edit', {
    ids: [id(stip[0]!)],
    set: { title: 'The runway', caption: 'Models on the runway', rating: 5, flag: 'pick' },
  });
  await call('photos.edit', { ids: [id(nis[1]!)], set: { label: 'red', rating: 2 } });
  await call('photos.edit', { ids: [id(keywords)], set: { caption: '', flag: 'none' } });
  const fileKeyword = (await call('tags.list', {})).find((t) => t.path === 'test keyword 1')!;
  await call('tags.remove', { photoIds: [id(keywords)], tagIds: [fileKeyword.id] });
  const moore = (await call('people.list', {})).find((p) => p.name === 'Jim Moore')!;
  await call('people.untag', { photoIds: [id(withPerson)], personIds: [moore.id] });

  await call('documents.attach', {
    owner: { eventId: show.id },
    sources: [{ path: join(sample, 'documents/invitation-fashion-show-stip.pdf') }],
    title: 'Invitation',
  });
  await call('documents.attach', {
    owner: { projectId: balkan.id },
    sources: [{ path: join(library, 'Documents/agenda.pdf'), link: true }],
  });

  const gallery = await call('galleries.create', {
    name: 'Best of 2015',
    photoIds: [id(stip[2]!), id(nis[0]!), id(stip[0]!)],
  });
  await call('galleries.reorder', {
    id: gallery.id,
    photoIds: [id(stip[0]!), id(stip[2]!), id(nis[0]!)],
  });
  await call('galleries.setCover', { id: gallery.id, photoId: id(nis[0]!) });
  const place = (await call('tags.list', {})).find((t) => t.path === 'Place')!;
  await call('searches.save', {
    name: 'Good ones in places',
    filter: { tagId: place.id, minRating: 2, eventId: show.id, personId: ana.id },
  });
  const website = (await call('presets.list', {})).find((p) => p.name === 'Website')!;
  await call('presets.save', {
    name: 'Small squares',
    settings: { ...website.settings, size: { fit: 'box', width: 400, height: 400 }, quality: 70 },
  });
  mkdirSync(join(dir, 'web'));
  const { exportId } = await call('export.start', {
    source: { kind: 'gallery', id: gallery.id },
    presetName: 'Small squares',
    outDir: join(dir, 'web', 'best-of-2015'),
  });
  await original.exporting.finished(exportId);
  expect((await call('export.get', { exportId })).status).toBe('done');

  exported = join(dir, 'kadar-archive.json');
  await call('archive.export', { path: exported });
}, 120_000);

afterAll(async () => {
  await original.close();
  removeTempDirs();
});

describe('archive export', () => {
  it('writes every kind, named by uid, path and name, in a stable order', async () => {
    const doc = readDoc(exported);
    expect(doc.format).toBe('kadar-archive');
    expect(doc.version).toBe(1);
    expect(doc.roots).toEqual([{ path: library, name: 'library', sidecars: null }]);
    expect(doc.organisations.map((o) => o.name)).toEqual([
      'Business Support Centre Kyustendil',
      'Cluster House',
      'Textile Cluster',
    ]);
    const show = doc.events.find((e) => e.title === 'Modna revija')!;
    expect(show).toMatchObject({
      startsOn: '2015-11-28',
      endsOn: '2015-11-29',
      startTime: '18:00',
      endTime: '21:30',
      venue: 'Dom kulture',
      country: 'North Macedonia',
      organiser: doc.organisations.find((o) => o.name === 'Textile Cluster')!.uid,
      cover: { root: library, path: `2015/2015-11-28 Modna revija Štip/${stip[1]}` },
    });
    expect(
      doc.projects.find((p) => p.name === 'Balkan Cluster')!.partners.map((p) => p.role),
    ).toEqual(['lead', 'partner']);
    expect(doc.documents.map((d) => d.storage.kind).sort()).toEqual(['copy', 'link']);
    expect(doc.events.map((e) => e.title)).not.toContain('Cancelled info day');
    // In the file's order (by uid, which is random): compared as a set.
    expect(doc.deleted).toHaveLength(2);
    expect(doc.deleted).toEqual(
      expect.arrayContaining(
        ['cancelled', 'merged'].map((why) => ({
          kind: 'event',
          uid: expect.stringMatching(/^[0-9a-f]{32}$/) as string,
          deletedAt: expect.any(String) as string,
          mergedInto: why === 'merged' ? show.uid : null,
        })),
      ),
    );
    expect(doc.galleries[0]!.photos.map((p) => p.path.split('/').at(-1))).toEqual([
      stip[0],
      stip[2],
      nis[0],
    ]);
    expect(doc.savedSearches[0]!.filter).toEqual({
      minRating: 2,
      tag: 'Place',
      person: 'Ana Jović',
      event: show.uid,
    });
    expect(doc.exports).toHaveLength(1);
    expect(doc.exports[0]!.files).toHaveLength(3);
    const layer = (name: string) => doc.photos.find((p) => p.fileName === name)!.layer;
    expect(layer(keywords)).toMatchObject({
      caption: '',
      flag: '',
      removedTags: ['test keyword 1'],
    });
    expect(layer(withPerson).removedPeople).toEqual(['Jim Moore']);
    expect(layer(stip[0]!)).toMatchObject({
      title: 'The runway',
      rating: 5,
      flag: 'pick',
      addedPeople: ['Ana Jović'],
      event: show.uid,
    });
    // Every photo with something of a person's, or named by a gallery, cover or export.
    expect(doc.photos.map((p) => p.fileName).sort()).toEqual(
      [...stip, ...nis, keywords, withPerson].sort(),
    );

    // The same catalog gives the same file.
    const again = join(dir, 'again.json');
    await caller(original)('archive.export', { path: again });
    expect(withoutTime(readDoc(again))).toEqual(withoutTime(doc));
    expect(readdirSync(dir).filter((n) => n.includes('.partial'))).toEqual([]);
  });
});

describe('archive import', () => {
  let restored: KadarApi;
  const changes: EventPayload<'catalog.changed'>[] = [];
  beforeAll(() => {
    restored = open('restored');
    restored.onEvent((name, payload) => {
      if (name === 'catalog.changed') changes.push(payload as EventPayload<'catalog.changed'>);
    });
  });
  afterAll(() => restored.close());

  it('into a new catalog, gives a catalog whose export is the same file', async () => {
    const call = caller(restored);
    // Copied documents' bytes are not in the file: their folder goes along with it.
    cpSync(join(dir, 'original/catalog-documents'), join(dir, 'restored/catalog-documents'), {
      recursive: true,
    });
    const summary = await call('archive.import', { path: exported });
    const doc = readDoc(exported);
    expect(summary.counts.events).toEqual({ created: 2, matched: 0, updated: 0 });
    expect(summary.counts.photos).toEqual({ created: doc.photos.length, matched: 0, updated: 0 });
    // The three built-in presets the new catalog started with, brought to the file's.
    expect(summary.counts.exportPresets).toMatchObject({ created: 1, matched: 3 });
    expect(summary.unresolvedPhotoRefs).toBe(0);
    expect(summary.documentTexts).toBe(2);
    expect(changes.at(-1)).toMatchObject({ reason: 'import' });
    expect(await call('history.list', {})).toEqual([]);

    const back = join(dir, 'restored.json');
    await call('archive.export', { path: back });
    expect(withoutTime(readDoc(back))).toEqual(withoutTime(doc));
  });

  it('into a new catalog, gives back what the original lists, field by field', async () => {
    // Compared with the catalog it came from, not with a second export: a field the export
    // dropped would be missing from both files alike.
    const listed = async (api: KadarApi) => {
      const call = caller(api);
      const projects = await call('projects.list', {});
      return {
        events: await call('events.list', {}),
        projects: await Promise.all(projects.map((p) => call('projects.get', { id: p.id }))),
        people: await call('people.list', {}),
        organisations: await call('organisations.list', {}),
        galleries: await call('galleries.list', {}),
        searches: await call('searches.list', {}),
        presets: await call('presets.list', {}),
      };
    };
    // Row ids and the catalog's own times differ; everything a person gave must not. A link
    // (an organiser, a partner's organisation, a gallery's photos) is compared by what it
    // names; the ids of kinds not named here (folders, roots) are left out.
    const namer = async (api: KadarApi) => {
      const call = caller(api);
      const pairs = <T extends { id: number }>(rows: T[], name: (row: T) => string) =>
        new Map(rows.map((r) => [r.id, name(r)]));
      const byKind: Record<string, Map<number, string>> = {
        event: pairs(await call('events.list', {}), (e) => e.title),
        project: pairs(await call('projects.list', {}), (p) => p.name),
        organisation: pairs(await call('organisations.list', {}), (o) => o.name),
        person: pairs(await call('people.list', {}), (p) => p.name),
        gallery: pairs(await call('galleries.list', {}), (g) => g.name),
        tag: pairs(await call('tags.list', {}), (t) => t.path),
        photo: pairs(
          api.db.prepare('SELECT id, rel_path FROM photos').all() as {
            id: number;
            rel_path: string;
          }[],
          (p) => p.rel_path,
        ),
      };
      const aliases: Record<string, string> = {
        organiser: 'organisation',
        coverPhoto: 'photo',
        parent: 'tag',
        people: 'person',
      };
      const named = (value: unknown): unknown => {
        if (Array.isArray(value))
          return value
            .map(named)
            .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
        if (value === null || typeof value !== 'object') return value;
        const out: Record<string, unknown> = {};
        for (const [key, v] of Object.entries(value)) {
          if (key === 'id' || key.endsWith('At')) continue;
          const link = /^(.+?)Ids?$/.exec(key)?.[1];
          if (!link) {
            out[key] = named(v);
            continue;
          }
          const names = byKind[aliases[link] ?? link];
          if (!names) continue;
          const name = (id: unknown) => names.get(id as number) ?? `unknown ${link} ${String(id)}`;
          out[key] = Array.isArray(v) ? v.map(name).sort() : v == null ? v : name(v);
        }
        return out;
      };
      return named;
    };
    const [mine, theirs] = [await listed(original), await listed(restored)];
    expect(mine.people.some((p) => p.role && p.notes)).toBe(true);
    expect(mine.projects.some((p) => p.partners.length > 0 && p.startsOn)).toBe(true);
    const expected = (await namer(original))(mine);
    // Links are in what is compared, by name: a partner's organisation among them.
    expect(JSON.stringify(expected)).toMatch(/"organisationId":"[^"]+"/);
    expect((await namer(restored))(theirs)).toEqual(expected);
  });

  it('into a new catalog, gives back every column of what people made', () => {
    // Row by row, table by table, against the catalog it came from: a column a migration adds
    // is compared here at once (and a table must be named below), so a field the export or the
    // import drops cannot go unnoticed. Links are compared by what the archive names them by.
    const cols = (api: KadarApi, table: string) =>
      (api.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map(
        (c) => c.name,
      );
    const tablesOf = (api: KadarApi) =>
      api.db
        .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
        .pluck()
        .all() as string[];
    const rows = (api: KadarApi, table: string, where = 'true') => {
      const links = new Map(
        (
          api.db.prepare(`PRAGMA foreign_key_list(${table})`).all() as {
            from: string;
            table: string;
          }[]
        ).map((fk) => [fk.from, fk.table]),
      );
      const columns = cols(api, table)
        .filter((c) => c !== 'id' && !(notCompared[table] ?? {})[c])
        .map((c) => {
          const to = links.get(c);
          return to ? `(SELECT ${keyOf[to]} FROM ${to} k WHERE k.id = t.${c}) AS ${c}` : `t.${c}`;
        });
      return (
        api.db.prepare(`SELECT ${columns.join(', ')} FROM ${table} t WHERE ${where}`).all() as {
          [c: string]: unknown;
        }[]
      )
        .map((r) => JSON.stringify(r))
        .sort();
    };
    // Each compared table's rows, named as the archive names them.
    const keyOf: Record<string, string> = {
      roots: 'k.path',
      photos: `(SELECT path FROM roots WHERE id = k.root_id) || '/' || k.rel_path`,
      events: 'k.uid',
      projects: 'k.uid',
      organisations: 'k.uid',
      documents: 'k.uid',
      galleries: 'k.uid',
      tags: 'k.path',
      people: 'k.name',
      export_presets: 'k.name',
      exports: `k.started_at || ' ' || k.out_dir`,
    };
    const fromFile = 'read from the file again when the folder is indexed';
    const state = "the catalog's own state, not what people made";
    // Tables left out whole, and why.
    const notInArchive: Record<string, string> = {
      folders: 'made by indexing the folders',
      cameras: fromFile,
      photo_day_counts: 'counted from the photos',
      index_runs: state,
      scan_issues: state,
      sidecar_dirty: state,
      search_dirty: state,
      archive_dirty: state,
      restored_rows: state,
      settings: "this computer's: the second backup drive, notices (docs/archive-format.md)",
      edits: 'an import is a restore, not an edit, and leaves no step to undo',
    };
    // Columns left out of compared tables, and why.
    const notCompared: Record<string, Record<string, string>> = {
      roots: {
        status: state,
        added_at: state,
        last_scan_started_at: state,
        last_scan_completed_at: state,
      },
      photos: {
        // The file's values, as the field table names their columns.
        ...Object.fromEntries(Object.values(photoFileFields).map((f) => [f.column, fromFile])),
        folder_id: 'made by indexing the folders',
        file_name: fromFile,
        camera_id: fromFile,
        search_key: 'made from the others',
        added_at: state,
        indexed_at: state,
        missing_since: state,
      },
      photo_tags: { taken_at: 'the photo’s, for ordering', source: 'compared: only the person’s' },
      photo_people: { search_key: 'made from the name', source: 'compared: only the person’s' },
      exports: { staging_dir: state, pid: state },
      saved_searches: { filter: 'ids of each catalog: compared by what they name, above' },
    };
    // Rows of what people made: a photo nobody described is not in the archive (indexing
    // finds it); the links a person made to photos are compared in their own tables.
    const described = cols(original, 'photos').filter((c) => c.startsWith('user_'));
    const onlyUsers: Record<string, string> = {
      photos: `coalesce(${described.join(', ')}, event_id) IS NOT NULL`,
      photo_tags: "source = 'user'",
      photo_people: "source = 'user'",
    };
    const compared = tablesOf(original).filter((t) => !notInArchive[t] && !/_search(_|$)/.test(t));
    // Each of the person's own columns is set on some photo here, so each is compared.
    for (const c of described)
      expect(
        original.db.prepare(`SELECT count(*) FROM photos WHERE ${c} IS NOT NULL`).pluck().get(),
        c,
      ).toBeGreaterThan(0);
    // Every photo column is the person's (user_*), the row's id or a link, or named above: a
    // column a migration adds fails here until it is one of them.
    for (const c of cols(original, 'photos'))
      expect(
        c.startsWith('user_') ||
          ['id', 'rel_path', 'root_id', 'event_id'].includes(c) ||
          notCompared.photos![c],
        c,
      ).toBeTruthy();
    for (const table of compared) {
      const mine = rows(original, table, onlyUsers[table]);
      expect.soft(mine.length, `${table} has rows to compare`).toBeGreaterThan(0);
      expect.soft(rows(restored, table, onlyUsers[table]), table).toEqual(mine);
    }
  });

  it('a second time, changes nothing', async () => {
    const before = tables(restored);
    const summary = await caller(restored)('archive.import', { path: exported });
    for (const [kind, c] of Object.entries(summary.counts))
      expect({ kind, created: c.created, updated: c.updated }).toEqual({
        kind,
        created: 0,
        updated: 0,
      });
    expect(summary.counts.events.matched).toBe(2);
    expect(tables(restored)).toEqual(before);
  });

  it('then indexing the folder fills the placeholders and the person’s values stay', async () => {
    const call = caller(restored);
    const waiting = await allPhotos(restored);
    expect(waiting.every((p) => p.missing)).toBe(true);
    expect(waiting.find((p) => p.fileName === stip[0])).toMatchObject({
      title: 'The runway',
      width: null,
    });

    await call('index.start', {});
    await restored.indexing.idle();
    const [mine, theirs] = [await allPhotos(original), await allPhotos(restored)];
    expect(theirs.length).toBe(mine.length);
    expect(theirs.every((p) => !p.missing && p.width != null && p.hasThumbnail)).toBe(true);
    expect(shown(restored, theirs)).toEqual(shown(original, mine));
    // A word in the copied invitation (read again from its file) finds its event again.
    for (const api of [original, restored]) {
      const { ids } = await caller(api)('photos.ids', {
        search: 'Strengthening',
        sort: 'name',
        order: 'asc',
      });
      const name = (id: number) =>
        (
          api.db.prepare('SELECT file_name FROM photos WHERE id = ?').get(id) as {
            file_name: string;
          }
        ).file_name;
      expect(ids.map(name)).toEqual(stip);
    }

    // And the catalog says what the original says.
    const after = join(dir, 'after-index.json');
    await call('archive.export', { path: after });
    expect(withoutTime(readDoc(after))).toEqual(withoutTime(readDoc(exported)));
  });
});

describe('archive import of a library that moved', () => {
  it('finds the photos where they are now by their fingerprints', async () => {
    const gone = join(dir, 'old-drive', 'library');
    const file = join(dir, 'moved.json');
    writeFileSync(file, readFileSync(exported, 'utf8').replaceAll(library, gone));
    const api = open('moved');
    const call = caller(api);
    try {
      cpSync(join(dir, 'original/catalog-documents'), join(dir, 'moved/catalog-documents'), {
        recursive: true,
      });
      const summary = await call('archive.import', { path: file });
      expect(summary.counts.roots).toEqual({ created: 1, matched: 0, updated: 0 });
      expect((await call('roots.list', {}))[0]).toMatchObject({ path: gone, status: 'offline' });

      await call('roots.add', { path: library });
      await call('index.start', {});
      await api.indexing.idle();
      const here = (await allPhotos(api)).filter((p) => p.path.startsWith(library));
      expect(shown(api, here)).toEqual(shown(original, await allPhotos(original)));
      expect((await allPhotos(api)).length).toBe(here.length);
    } finally {
      await api.close();
    }
  });
});

describe('archive import refuses', () => {
  let api: KadarApi;
  beforeAll(async () => {
    api = open('refusing');
    await caller(api)('archive.import', { path: exported });
  });
  afterAll(() => api.close());

  async function refused(doc: unknown, code: string, says: string) {
    const file = join(dir, `bad-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
    const before = tables(api);
    const result = await dispatch(api.handlers, 'archive.import', { path: file });
    expect(result).toEqual({
      ok: false,
      error: { code, message: expect.stringContaining(says) as string },
    });
    expect(tables(api)).toEqual(before);
  }
  const edited = (change: (doc: ArchiveDocument) => void) => {
    const doc = readDoc(exported);
    change(doc);
    return doc;
  };

  it('a file that is not JSON, or not an archive, or of another version', async () => {
    await refused('{"format": "kadar-archive", ', 'INVALID_INPUT', 'is not JSON');
    await refused({ hello: 1 }, 'INVALID_INPUT', 'format: this is not a Kadar archive file');
    await refused(
      edited((d) => Object.assign(d, { version: 2 })),
      'INVALID_INPUT',
      'version: the file is version 2',
    );
    const missing = await dispatch(api.handlers, 'archive.import', {
      path: join(dir, 'nowhere.json'),
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'FILE_UNREADABLE' } });
  });

  it('a bad field, naming it, and writes nothing', async () => {
    await refused(
      edited((d) => (d.events[1]!.startsOn = '2015-02-30')),
      'INVALID_INPUT',
      'events.1.startsOn: There is no such day',
    );
    await refused(
      edited((d) => Object.assign(d.projects[0]!, { budget: 1 })),
      'INVALID_INPUT',
      'projects.0',
    );
    await refused(
      edited((d) => (d.photos[0]!.layer.rating = 7)),
      'INVALID_INPUT',
      'photos.0.layer.rating',
    );
    // A stored copy's name is where the backups' copy of the file goes: never outside the store.
    const copied = readDoc(exported).documents.findIndex((d) => d.storage.kind === 'copy');
    await refused(
      edited((d) => (d.documents[copied]!.storage = { kind: 'copy', storedName: '../../x.pdf' })),
      'INVALID_INPUT',
      `documents.${copied}.storage.storedName: Must be FINGERPRINT/FILE NAME`,
    );
  });

  it('a thing both deleted and kept', async () => {
    await refused(
      edited((d) => (d.deleted[0]!.uid = d.events[0]!.uid)),
      'INVALID_INPUT',
      `deleted.0.uid: ${readDoc(exported).events[0]!.uid} is deleted and also in events`,
    );
  });

  it('a uid that names nothing, after new rows were made: none of them stays', async () => {
    await refused(
      edited((d) => {
        d.organisations.push({ ...d.organisations[0]!, uid: 'a'.repeat(32), name: 'New one' });
        d.events[0]!.organiser = 'b'.repeat(32);
      }),
      'INVALID_INPUT',
      `events.0.organiser: there is no organisation ${'b'.repeat(32)}`,
    );
  });
});

describe('importing without placeholders', () => {
  it('skips and counts the photos the catalog does not have', async () => {
    const api = open('no-placeholders');
    try {
      const summary = importArchive(api.db, readDoc(exported), { placeholders: false });
      expect(summary.counts.photos.created).toBe(0);
      expect(summary.unresolvedPhotoRefs).toBe(readDoc(exported).photos.length);
      expect(summary.counts.galleries.created).toBe(1);
      expect(api.db.prepare('SELECT count(*) AS n FROM photos').get()).toEqual({ n: 0 });
      expect(existsSync(exported)).toBe(true);
    } finally {
      await api.close();
    }
  });
});
