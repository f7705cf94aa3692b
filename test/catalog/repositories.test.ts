import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachDocument, listDocuments } from '../../electron/catalog/documents-repo';
import {
  assignPhotos,
  createEvent,
  deleteEvent,
  getEvent,
  listEvents,
  updateEvent,
} from '../../electron/catalog/events-repo';
import { ensureFolder, folderTree } from '../../electron/catalog/folders-repo';
import { openCatalog, type Catalog } from '../../electron/catalog/open-catalog';
import { createOrganisation } from '../../electron/catalog/organisations-repo';
import { createPerson, tagPersonInPhotos } from '../../electron/catalog/people-repo';
import { buildPhotoQuery, renderPhotoQuery } from '../../electron/catalog/photo-query';
import { insertPhoto, type PhotoFileFields } from '../../electron/catalog/photo-writes';
import { countPhotos, getPhoto, listPhotos, photoIds } from '../../electron/catalog/photos-repo';
import {
  createProject,
  getProject,
  linkEvents,
  listProjects,
  setPartners,
} from '../../electron/catalog/projects-repo';
import { insertRoot } from '../../electron/catalog/roots-repo';
import { drainSearch } from '../../electron/catalog/search/drain-search';
import { runEdit } from '../../electron/edits/history';
import type { Edit } from '../../electron/edits/edit';
import { catalogStats } from '../../electron/catalog/stats-repo';
import {
  addPhotoTag,
  ensureTagPath,
  fileKeywordTags,
  listTags,
  photoTagPaths,
  setPhotoTags,
} from '../../electron/catalog/tags-repo';

let db: Catalog;
beforeEach(() => {
  db = openCatalog(':memory:');
});
afterEach(() => db.close());

function fields(overrides: Partial<PhotoFileFields> = {}): PhotoFileFields {
  return {
    fileSize: 1000,
    fileMtime: 0,
    sidecarMtime: null,
    fingerprint: null,
    format: 'jpeg',
    namePrefix: 'DSC_',
    nameNumber: 1,
    takenAt: '2015-11-28T18:00:00',
    takenAtOffset: null,
    takenAtSource: 'DateTimeOriginal',
    make: 'NIKON CORPORATION',
    model: 'NIKON D750',
    lens: null,
    focalLength: null,
    fNumber: null,
    exposureTime: null,
    iso: null,
    orientation: 1,
    width: 6000,
    height: 4000,
    gpsLatitude: null,
    gpsLongitude: null,
    gpsAltitude: null,
    title: null,
    caption: null,
    keywords: [],
    creator: null,
    credit: null,
    copyright: null,
    city: null,
    location: null,
    region: null,
    country: null,
    event: null,
    rating: null,
    flag: null,
    label: null,
    thumbKey: null,
    errorCode: null,
    error: null,
    warnings: [],
    ...overrides,
  };
}

function addPhotos(
  rootPath: string,
  specs: { name: string; dir?: string; fields?: Partial<PhotoFileFields> }[],
): number[] {
  const rootId = insertRoot(db, rootPath);
  const ids = specs.map((s) => {
    const dir = s.dir ?? '';
    return insertPhoto(
      db,
      {
        rootId,
        folderId: ensureFolder(db, rootId, dir),
        relPath: dir ? `${dir}/${s.name}` : s.name,
        fileName: s.name,
      },
      fields(s.fields),
    );
  });
  // As every writing transaction does before it commits.
  drainSearch(db);
  return ids;
}

/** Runs repository writes as one step of the edit history, as the API does. */
function edit<T>(command: (edit: Edit) => T): T {
  return runEdit(db, 'test', command).result;
}

describe('events and projects', () => {
  it("link a project's events in date order, with partners and documents, and make their photos findable", () => {
    const [fashion1, fashion2, training] = addPhotos('/archive', [
      { name: 'DSC_2208.JPG', dir: '2015/Stip', fields: { takenAt: '2015-11-28T18:03:12' } },
      { name: 'DSC_2209.JPG', dir: '2015/Stip', fields: { takenAt: '2015-11-28T18:04:00' } },
      { name: 'IMG_5218.JPG', dir: '2015/Nis', fields: { takenAt: '2015-11-19T10:00:00' } },
    ]) as [number, number, number];
    const { show, course, project } = edit((e) => {
      const cluster = createOrganisation(e, {
        name: 'Textile Cluster',
        city: 'Štip',
        country: 'North Macedonia',
      });
      const agency = createOrganisation(e, {
        name: 'Regional Development Agency JUG',
        shortName: 'RRA JUG',
        city: 'Niš',
      });
      const project = createProject(e, {
        name: 'Strengthening textile industry capacities',
        code: 'CB007.2013',
        programme: 'IPA Bulgaria–Macedonia',
        startsOn: '2015-03-01',
        endsOn: '2016-02-28',
      });
      setPartners(e, project, [
        { organisationId: cluster, role: 'lead' },
        { organisationId: agency },
      ]);
      const show = createEvent(e, {
        title: 'Textile Cluster Fashion Show',
        startsOn: '2015-11-28',
        venue: 'Cultural Centre',
        city: 'Штип',
        organiserId: cluster,
      });
      const course = createEvent(e, {
        title: 'Introduction of cluster development in the EU',
        startsOn: '2015-11-19',
        endsOn: '2015-11-20',
        city: 'Niš',
        organiserId: agency,
      });
      linkEvents(e, project, [show, course]);
      assignPhotos(e, show, [fashion1, fashion2]);
      assignPhotos(e, course, [training]);
      const document = {
        mime: 'application/pdf',
        fileSize: 100,
        fingerprint: '0',
        pageCount: 1,
        text: null,
      };
      attachDocument(e, {
        ...document,
        title: 'Invitation',
        fileName: 'invitation.pdf',
        stored: { storedName: 'a.pdf' },
        owner: { eventId: show },
      });
      attachDocument(e, {
        ...document,
        title: 'Final report',
        fileName: 'final.pdf',
        stored: { storedName: 'b.pdf' },
        owner: { projectId: project },
      });
      return { show, course, project };
    });

    expect(listEvents(db, { projectId: project }).map((e) => e.title)).toEqual([
      'Introduction of cluster development in the EU',
      'Textile Cluster Fashion Show',
    ]);
    expect(getEvent(db, show)).toMatchObject({
      organiser: 'Textile Cluster',
      photoCount: 2,
      projectIds: [project],
    });
    expect(getProject(db, project)).toMatchObject({
      code: 'CB007.2013',
      partners: [
        { name: 'Textile Cluster', role: 'lead', country: 'North Macedonia' },
        { name: 'Regional Development Agency JUG', role: 'partner', shortName: 'RRA JUG' },
      ],
      eventIds: [course, show],
    });
    expect(listDocuments(db, { eventId: show }, '/docs').map((d) => d.path)).toEqual([
      '/docs/a.pdf',
    ]);
    expect(listDocuments(db, { projectId: project }, '/docs').map((d) => d.title)).toEqual([
      'Final report',
    ]);

    const ids = (search: string) =>
      listPhotos(db, { search, sort: 'takenAt', order: 'asc' }).items.map((p) => p.id);
    expect(ids('stip')).toEqual([fashion1, fashion2]);
    expect(ids('Shtip fashion')).toEqual([fashion1, fashion2]);
    expect(ids('Ниш')).toEqual([training]);
    expect(ids('nis cluster')).toEqual([training]);
    expect(ids('IPA Bulgaria')).toEqual([training, fashion1, fashion2]);
    expect(ids('CB007')).toEqual([training, fashion1, fashion2]);
    expect(ids('RRA JUG')).toEqual([training]);
    expect(ids('DSC_2209')).toEqual([fashion2]);
    expect(
      listPhotos(db, { eventId: show })
        .items.map((p) => p.id)
        .sort(),
    ).toEqual([fashion1, fashion2]);

    edit((e) => updateEvent(e, show, { title: 'Modna revija', city: 'Štip' }));
    expect(ids('fashion')).toEqual([]);
    expect(ids('revija')).toEqual([fashion1, fashion2]);
    edit((e) => deleteEvent(e, show));
    expect(ids('revija')).toEqual([]);
    expect(getPhoto(db, fashion1)).toMatchObject({ eventId: null, eventTitle: null });
    expect(catalogStats(db)).toMatchObject({
      events: 1,
      projects: 1,
      organisations: 2,
      documents: 1,
      photos: 3,
    });
    expect(listProjects(db)).toHaveLength(1);
  });

  it('refuse an edit that would end an event before it starts, and change nothing', () => {
    const id = edit((e) => createEvent(e, { title: 'Assembly', startsOn: '2017-12-28' }));
    expect(() => edit((e) => updateEvent(e, id, { endsOn: '2017-12-27' }))).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/^endsOn: /) as string,
      }),
    );
    expect(getEvent(db, id)).toMatchObject({ startsOn: '2017-12-28', endsOn: null });
  });
});

describe('tags and people', () => {
  it("keep one tag per name and level, and a parent tag finds its children's photos", () => {
    const [a, b, c] = addPhotos('/archive', [
      { name: 'a.jpg' },
      { name: 'b.jpg' },
      { name: 'c.jpg' },
    ]) as [number, number, number];
    const nis = ensureTagPath(db, ['Places', 'Serbia', 'Niš']);
    expect(ensureTagPath(db, ['places', 'SERBIA', 'Niš'])).toBe(nis);
    const vranje = ensureTagPath(db, ['Places', 'Serbia', 'Vranje']);
    addPhotoTag(db, a, nis);
    addPhotoTag(db, b, vranje);
    addPhotoTag(db, b, nis);
    setPhotoTags(
      db,
      c,
      fileKeywordTags(
        db,
        ['Places', 'Serbia', 'Leskovac', 'furniture'],
        [['Places', 'Serbia', 'Leskovac']],
      ),
    );
    expect(photoTagPaths(db, c)).toEqual([['Places', 'Serbia', 'Leskovac'], ['furniture']]);

    const serbia = listTags(db).find((t) => t.name === 'Serbia')!;
    expect(
      listPhotos(db, { tagId: serbia.id })
        .items.map((p) => p.id)
        .sort(),
    ).toEqual([a, b, c]);
    expect(
      listPhotos(db, { tagId: nis })
        .items.map((p) => p.id)
        .sort(),
    ).toEqual([a, b]);
    expect(countPhotos(db, { tagId: vranje })).toBe(1);
    drainSearch(db); // as the indexer's writing transaction does
    expect(listPhotos(db, { search: 'places' }).items).toHaveLength(3);

    // Re-reading a file replaces its own keywords and leaves the user's tags alone.
    addPhotoTag(db, c, vranje);
    setPhotoTags(db, c, []);
    expect(photoTagPaths(db, c)).toEqual([['Places', 'Serbia', 'Vranje']]);

    edit((e) => tagPersonInPhotos(e, createPerson(e, { name: 'Јована Петровић' }), [a]));
    expect(listPhotos(db, { search: 'jovana' }).items.map((p) => p.id)).toEqual([a]);
  });
});

describe('photo queries', () => {
  it('page by cursor through every sort without gaps or repeats', () => {
    const specs = Array.from({ length: 57 }, (_, i) => ({
      name: `DSC_${String(1000 + ((i * 37) % 57)).padStart(4, '0')}.JPG`,
      dir: i % 2 ? 'b' : 'a',
      fields: { takenAt: `2015-11-${String(10 + (i % 5)).padStart(2, '0')}T10:00:00` },
    }));
    const ids = addPhotos('/archive', specs);
    for (const sort of ['takenAt', 'name', 'added'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const seen: number[] = [];
        let cursor: string | undefined;
        do {
          const page = listPhotos(db, { sort, order, limit: 10, ...(cursor ? { cursor } : {}) });
          seen.push(...page.items.map((p) => p.id));
          cursor = page.nextCursor ?? undefined;
          // A cursor that does not advance would loop for ever: fail instead.
        } while (cursor && seen.length <= 57);
        expect(seen).toEqual(photoIds(db, {}, { sort, order }).ids);
        expect([...seen].sort((x, y) => x - y)).toEqual(ids);
      }
    }
    // Search results page through the search index's date keys the same way.
    for (const order of ['asc', 'desc'] as const) {
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = listPhotos(db, {
          search: 'dsc',
          sort: 'takenAt',
          order,
          limit: 7,
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor && seen.length <= 57);
      const all = photoIds(db, {}, { sort: 'takenAt', order }).ids;
      expect(seen).toEqual(all);
      const { groups } = photoIds(db, { search: 'dsc' }, { sort: 'takenAt', order });
      expect(groups.map((g) => g.count).reduce((a, b) => a + b, 0)).toBe(57);
    }
    const byName = listPhotos(db, { sort: 'name', order: 'asc', limit: 3 }).items.map(
      (p) => p.fileName,
    );
    expect(byName).toEqual(['DSC_1000.JPG', 'DSC_1001.JPG', 'DSC_1002.JPG']);
    const folderA = folderTree(db, 1).find((f) => f.relPath === 'a')!;
    expect(folderA.photoCount).toBe(29);
    expect(countPhotos(db, { folderId: folderA.id })).toBe(29);
    expect(() => listPhotos(db, { cursor: 'not-a-cursor' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(getPhoto(db, ids[0]!)!.path).toBe('/archive/a/DSC_1000.JPG');
  });

  it('read date-sorted pages straight off an index, whatever the filter', () => {
    const plans: Record<string, string> = {};
    const tag = ensureTagPath(db, ['Events']);
    for (const [name, filter] of [
      ['all', {}],
      ['root', { rootId: 1 }],
      ['camera', { cameraId: 1 }],
      ['tag', { tagId: tag }],
      ['dates', { from: '2015-11', to: '2015-12' }],
      ['search', { search: 'Niš' }],
      ['search and root', { search: 'Niš', rootId: 1 }],
    ] as const) {
      const built = buildPhotoQuery(db, filter, { sort: 'takenAt', order: 'desc' });
      const { text, params } = renderPhotoQuery(built, { select: 'SELECT p.id', limit: 200 });
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[];
      plans[name] = rows.map((r) => r.detail).join(' | ');
    }
    for (const [name, plan] of Object.entries(plans)) {
      expect(plan, name).not.toMatch(/TEMP B-TREE/);
    }
  });
});
