import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachDocument } from '../../electron/catalog/documents-repo';
import { mergeEvents, splitEvent } from '../../electron/catalog/event-merge';
import {
  assignPhotos,
  createEvent,
  deleteEvent,
  updateEvent,
} from '../../electron/catalog/events-repo';
import { ensureFolder } from '../../electron/catalog/folders-repo';
import { openCatalog, type Catalog } from '../../electron/catalog/open-catalog';
import {
  createOrganisation,
  deleteOrganisation,
  updateOrganisation,
} from '../../electron/catalog/organisations-repo';
import { editPhotos } from '../../electron/catalog/photo-edits';
import { insertPhoto, type PhotoFileFields } from '../../electron/catalog/photo-writes';
import { listPhotos } from '../../electron/catalog/photos-repo';
import {
  createProject,
  deleteProject,
  linkEvents,
  setPartners,
  unlinkEvents,
  updateProject,
} from '../../electron/catalog/projects-repo';
import { insertRoot } from '../../electron/catalog/roots-repo';
import { writeTransaction } from '../../electron/catalog/write-transaction';
import type { Edit } from '../../electron/edits/edit';
import { historyLimit, listHistory, redo, runEdit, undo } from '../../electron/edits/history';
import { blankFileValues } from '../../shared/catalog/photo-fields';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

afterAll(removeTempDirs);

let file: string;
let db: Catalog;
let photos: number[];

function fields(n: number): PhotoFileFields {
  return {
    ...blankFileValues(),
    make: 'NIKON CORPORATION',
    model: 'NIKON D750',
    fileSize: 1000 + n,
    fileMtime: 0,
    takenAt: `2015-11-${n < 10 ? 19 : 28}T${String(10 + (n % 10)).padStart(2, '0')}:00:00`,
    takenAtSource: 'DateTimeOriginal',
    title: n === 0 ? 'From the camera' : null,
  };
}

beforeEach(() => {
  file = join(tempDir(), 'catalog.sqlite');
  db = openCatalog(file);
  photos = writeTransaction(db, () => {
    const rootId = insertRoot(db, '/archive');
    const folderId = ensureFolder(db, rootId, '2015');
    return Array.from({ length: 20 }, (_, n) =>
      insertPhoto(
        db,
        { rootId, folderId, relPath: `2015/DSC_${2200 + n}.JPG`, fileName: `DSC_${2200 + n}.JPG` },
        fields(n),
      ),
    );
  });
});
afterEach(() => db.close());

/** Everything people own in the catalog, to compare before and after. */
function snapshot(): Record<string, unknown[]> {
  const all = (q: string) => db.prepare(q).all();
  return {
    photos: all(
      `SELECT id, user_title, user_caption, user_rating, event_id FROM photos ORDER BY id`,
    ),
    events: all(`SELECT * FROM events ORDER BY id`),
    projects: all(`SELECT * FROM projects ORDER BY id`),
    organisations: all(`SELECT * FROM organisations ORDER BY id`),
    partners: all(`SELECT * FROM project_partners ORDER BY project_id, organisation_id`),
    links: all(`SELECT * FROM project_events ORDER BY project_id, event_id`),
    documents: all(`SELECT * FROM documents ORDER BY id`),
    texts: all(`SELECT * FROM document_text ORDER BY document_id`),
    search: all(`SELECT id, search_key FROM photos ORDER BY id`),
  };
}

const step = <T>(command: (edit: Edit) => T) => runEdit(db, 'step', command).result;

/** Runs `command` as one step, then checks that undo restores `before` and redo the after. */
function roundTrip(command: (edit: Edit) => unknown): void {
  const before = snapshot();
  step(command);
  const after = snapshot();
  expect(after).not.toEqual(before);
  expect(undo(db).step).not.toBeNull();
  expect(snapshot()).toEqual(before);
  expect(redo(db).step).not.toBeNull();
  expect(snapshot()).toEqual(after);
}

const searchIds = (search: string) =>
  listPhotos(db, { search, sort: 'takenAt', order: 'asc', limit: 1000 }).items.map((p) => p.id);

function seed() {
  return step((e) => {
    const cluster = createOrganisation(e, { name: 'Textile Cluster', city: 'Štip' });
    const house = createOrganisation(e, { name: 'Cluster House', city: 'Niš' });
    const project = createProject(e, { name: 'Balkan Cluster', code: 'BC-1', programme: 'IPA' });
    setPartners(e, project, [{ organisationId: house, role: 'lead' }, { organisationId: cluster }]);
    const training = createEvent(e, {
      title: 'Cluster training',
      startsOn: '2015-11-19',
      city: 'Niš',
      organiserId: house,
    });
    const show = createEvent(e, {
      title: 'Fashion show',
      startsOn: '2015-11-28',
      city: 'Štip',
      organiserId: cluster,
    });
    linkEvents(e, project, [training, show]);
    assignPhotos(e, training, photos.slice(0, 10));
    assignPhotos(e, show, photos.slice(10));
    attachDocument(e, {
      title: 'Invitation',
      fileName: 'invitation.pdf',
      mime: 'application/pdf',
      fileSize: 10,
      fingerprint: 'abc',
      pageCount: 1,
      stored: { storedName: 'abc-invitation.pdf' },
      owner: { eventId: show },
      text: 'You are invited to the Cultural Centre',
    });
    return { cluster, house, project, training, show };
  });
}

describe('the edit history', () => {
  it('undoes and redoes every kind of archive edit exactly', () => {
    const { cluster, house, project, training, show } = seed();
    roundTrip((e) =>
      updateEvent(e, show, { title: 'Modna revija', venue: 'Dom kulture', endsOn: '2015-11-29' }),
    );
    roundTrip((e) => assignPhotos(e, null, photos.slice(0, 3)));
    roundTrip((e) => assignPhotos(e, show, photos.slice(0, 5)));
    roundTrip((e) => mergeEvents(e, training, [show]));
    undo(db); // the show is needed below
    roundTrip((e) => splitEvent(e, show, photos.slice(15), 'Fashion show, day 2'));
    roundTrip((e) => deleteEvent(e, show));
    undo(db);
    roundTrip((e) => createEvent(e, { title: 'Assembly', startsOn: '2017-12-28' }));
    roundTrip((e) =>
      updateProject(e, project, { name: 'Balkan Cluster II', endsOn: '2016-08-31' }),
    );
    roundTrip((e) =>
      setPartners(e, project, [
        { name: 'BSC Kyustendil', country: 'Bulgaria', role: 'lead' },
        { organisationId: cluster },
      ]),
    );
    roundTrip((e) => unlinkEvents(e, project, [show]));
    roundTrip((e) => deleteProject(e, project));
    undo(db);
    roundTrip((e) => updateOrganisation(e, house, { name: 'Klaster Kuća', shortName: 'KK' }));
    roundTrip((e) => deleteOrganisation(e, cluster));
    roundTrip((e) =>
      editPhotos(e, photos.slice(0, 4), { title: 'Opening', caption: 'Welcome', rating: 3 }),
    );
    roundTrip((e) => editPhotos(e, [photos[0]!], { title: null }));
  });

  it('keeps the search index in step with edits, undo and redo', () => {
    const { show, house } = seed();
    const showPhotos = photos.slice(10);
    expect(searchIds('fashion stip')).toEqual(showPhotos);
    expect(searchIds('bc-1')).toEqual(photos);
    step((e) => updateEvent(e, show, { title: 'Modna revija' }));
    expect(searchIds('fashion')).toEqual([]);
    expect(searchIds('revija')).toEqual(showPhotos);
    undo(db);
    expect(searchIds('fashion')).toEqual(showPhotos);
    expect(searchIds('revija')).toEqual([]);
    redo(db);
    expect(searchIds('revija')).toEqual(showPhotos);
    // Renaming an organisation changes what finds the photos of the events it organised.
    step((e) => updateOrganisation(e, house, { name: 'Klaster Kuća' }));
    expect(searchIds('klaster kuca')).toEqual(photos.slice(0, 10).concat(showPhotos));
    // A word in an event's invitation finds the event's photos.
    expect(searchIds('cultural centre')).toEqual(showPhotos);
    step((e) => deleteEvent(e, show));
    expect(searchIds('cultural')).toEqual([]);
    undo(db);
    expect(searchIds('cultural')).toEqual(showPhotos);
    // The user's title is searchable, and the file's still is.
    step((e) => editPhotos(e, [photos[0]!], { title: 'Opening speech' }));
    expect(searchIds('opening speech')).toEqual([photos[0]]);
    expect(searchIds('camera')).toEqual([photos[0]]);
  });

  it('makes a batch one step, and ends redo with a new edit', () => {
    const { training } = seed();
    const steps = listHistory(db).length;
    step((e) => assignPhotos(e, training, photos));
    expect(listHistory(db)).toHaveLength(steps + 1);
    expect(undo(db).step).toMatchObject({ label: 'step' });
    expect(db.prepare(`SELECT count(*) AS n FROM photos WHERE event_id = ?`).get(training)).toEqual(
      { n: 10 },
    );
    step((e) => editPhotos(e, photos, { rating: 1 }));
    expect(redo(db).step).toBeNull();
    expect(listHistory(db).filter((s) => s.undone)).toEqual([]);
  });

  it('records nothing for a command that changes nothing or fails, and rolls the failure back', () => {
    seed();
    const steps = listHistory(db).length;
    const before = snapshot();
    expect(runEdit(db, 'nothing', (e) => editPhotos(e, photos, {})).editId).toBeNull();
    expect(() =>
      step((e) => {
        createEvent(e, { title: 'Half done', startsOn: '2016-01-01' });
        throw new Error('stopped half way');
      }),
    ).toThrow('stopped half way');
    expect(listHistory(db)).toHaveLength(steps);
    expect(snapshot()).toEqual(before);
  });

  it('survives closing and reopening the catalog', () => {
    const { show } = seed();
    step((e) => updateEvent(e, show, { title: 'Modna revija' }));
    step((e) => updateEvent(e, show, { venue: 'Dom kulture' }));
    undo(db);
    db.close();
    db = openCatalog(file);
    expect(
      listHistory(db)
        .slice(0, 2)
        .map((s) => s.undone),
    ).toEqual([true, false]);
    redo(db);
    expect(db.prepare(`SELECT title, venue FROM events WHERE id = ?`).get(show)).toEqual({
      title: 'Modna revija',
      venue: 'Dom kulture',
    });
    undo(db);
    undo(db);
    expect(db.prepare(`SELECT title, venue FROM events WHERE id = ?`).get(show)).toEqual({
      title: 'Fashion show',
      venue: null,
    });
  });

  it(`keeps the last ${historyLimit} steps`, () => {
    const { show } = seed();
    for (let i = 0; i < historyLimit + 5; i++)
      step((e) => updateEvent(e, show, { description: `version ${i}` }));
    expect(listHistory(db, 500)).toHaveLength(historyLimit);
    for (let i = 0; i < historyLimit; i++) expect(undo(db).step).not.toBeNull();
    expect(undo(db).step).toBeNull();
    expect(db.prepare(`SELECT description FROM events WHERE id = ?`).get(show)).toEqual({
      description: 'version 4',
    });
  });

  it('skips rows that no longer exist when undoing over a catalog that moved on', () => {
    const { training } = seed();
    step((e) => assignPhotos(e, null, photos.slice(0, 2)));
    // The indexer drops a photo whose library folder was removed: not an edit.
    writeTransaction(db, () => db.prepare(`DELETE FROM photos WHERE id = ?`).run(photos[0]));
    expect(undo(db).step).not.toBeNull();
    expect(db.prepare(`SELECT event_id FROM photos WHERE id = ?`).get(photos[1])).toEqual({
      event_id: training,
    });
  });
});
