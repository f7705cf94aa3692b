import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureFolder } from '../../electron/catalog/folders-repo';
import { openCatalog, type Catalog } from '../../electron/catalog/open-catalog';
import { editPhotos } from '../../electron/catalog/photo-edits';
import {
  insertPhoto,
  updatePhotoFromFile,
  type PhotoFileFields,
} from '../../electron/catalog/photo-writes';
import { getPhotoCells } from '../../electron/catalog/photo-cells';
import { getPhoto } from '../../electron/catalog/photos-repo';
import { insertRoot } from '../../electron/catalog/roots-repo';
import { writeTransaction } from '../../electron/catalog/write-transaction';
import { runEdit } from '../../electron/edits/history';
import { photoCellSchema, photoSchema } from '../../shared/api/photo-schema';
import {
  apiFieldNames,
  editableFields,
  photoFieldNames,
  photoFileFields,
  type FieldSpec,
} from '../../shared/catalog/photo-fields';

let db: Catalog;
beforeEach(() => {
  db = openCatalog(':memory:');
});
afterEach(() => db.close());

/** A value of each field's kind that no other field has, so a field read into another shows. */
function distinctValues(): PhotoFileFields {
  const values: Record<string, unknown> = { make: 'NIKON CORPORATION', model: 'NIKON D750' };
  photoFieldNames.forEach((name, i) => {
    const spec: FieldSpec = photoFileFields[name];
    values[name] =
      spec.kind === 'text'
        ? `${name}-${i}`
        : spec.kind === 'int'
          ? 1000 + i
          : spec.kind === 'real'
            ? 0.5 + i
            : spec.kind === 'list'
              ? [`${name}-a`, `${name}-b`]
              : 'CreateDate';
  });
  values.takenAt = '2015-11-28T18:03:12';
  values.rating = 4;
  return values as PhotoFileFields;
}

function addPhoto(fields: PhotoFileFields): number {
  return writeTransaction(db, () => {
    const rootId = insertRoot(db, '/archive');
    return insertPhoto(
      db,
      {
        rootId,
        folderId: ensureFolder(db, rootId, ''),
        relPath: 'DSC_2208.JPG',
        fileName: 'DSC_2208.JPG',
      },
      fields,
    );
  });
}

describe('the photo field table', () => {
  it('names a column of the photos table for every field, and every photos column is accounted for', () => {
    const columns = (
      db.prepare(`SELECT name FROM pragma_table_info('photos')`).all() as { name: string }[]
    ).map((r) => r.name);
    const named = photoFieldNames.flatMap((name) => {
      const spec: FieldSpec = photoFileFields[name];
      return spec.userColumn ? [spec.column, spec.userColumn] : [spec.column];
    });
    // The rest are where the file is, and bookkeeping.
    const location = [
      'id',
      'root_id',
      'folder_id',
      'rel_path',
      'file_name',
      'camera_id',
      'event_id',
    ];
    const bookkeeping = ['search_key', 'added_at', 'indexed_at', 'missing_since'];
    expect([...named, ...location, ...bookkeeping].sort()).toEqual([...columns].sort());
  });

  it('writes every field and reads each back into itself, through the API schema', () => {
    const values = distinctValues();
    const id = addPhoto(values);
    const photo = photoSchema.parse(getPhoto(db, id));
    const shown = photo as Record<string, unknown>;
    for (const name of apiFieldNames) expect(shown[name], name).toEqual(values[name]);
    expect(photo).toMatchObject({ make: 'NIKON CORPORATION', model: 'NIKON D750', edited: [] });
    // Bookkeeping fields are not shown as they are.
    expect(Object.keys(photo)).not.toContain('fileMtime');
    expect(Object.keys(photo)).not.toContain('thumbKey');
    expect(photo.hasThumbnail).toBe(true);
    expect(photo.fileModifiedAt).toBe(new Date(values.fileMtime).toISOString());
  });

  it("keeps people's values in their own columns: a re-read never touches them, and null drops them", () => {
    const values = distinctValues();
    const id = addPhoto(values);
    runEdit(db, 'test', (edit) =>
      editPhotos(edit, [id], {
        title: 'Mine',
        caption: '',
        rating: 1,
        flag: 'pick',
        label: 'none',
      }),
    );
    writeTransaction(db, () =>
      updatePhotoFromFile(db, id, { ...values, title: 'Changed in the file', rating: 2 }),
    );
    expect(getPhoto(db, id)).toMatchObject({
      title: 'Mine',
      // A blank text hides the file's caption.
      caption: null,
      rating: 1,
      flag: 'pick',
      // "none" hides the file's label.
      label: null,
      fromFile: { title: 'Changed in the file', caption: values.caption, rating: 2 },
      edited: editableFields,
    });
    runEdit(db, 'test', (edit) => editPhotos(edit, [id], { caption: null }));
    expect(getPhoto(db, id)).toMatchObject({
      caption: values.caption,
      edited: ['title', 'rating', 'flag', 'label'],
    });
  });

  it("gives the grid's cells the record's values for what they show, people's edits included", () => {
    const values = distinctValues();
    const edited = addPhoto(values);
    const cellOf = (id: number) => {
      const photo = getPhoto(db, id)!;
      const keys = Object.keys(photoCellSchema.shape) as (keyof typeof photo)[];
      return Object.fromEntries(keys.map((key) => [key, photo[key]]));
    };
    // As the file says, then as a person set it: a rating, a flag, a label hidden with "none".
    expect(getPhotoCells(db, [edited])).toEqual([cellOf(edited)]);
    runEdit(db, 'test', (edit) =>
      editPhotos(edit, [edited], { rating: 1, flag: 'pick', label: 'none' }),
    );
    db.prepare(`UPDATE photos SET missing_since = '2026-11-30T10:00:00', thumb_key = NULL`).run();
    const [cell] = getPhotoCells(db, [edited]);
    expect(photoCellSchema.parse(cell)).toEqual(cellOf(edited));
    expect(cell).toMatchObject({
      rating: 1,
      flag: 'pick',
      label: null,
      missing: true,
      hasThumbnail: false,
      error: values.error,
      errorCode: values.errorCode,
      fingerprint: values.fingerprint,
      fileName: 'DSC_2208.JPG',
    });
    // Ids the catalog does not have are left out.
    expect(getPhotoCells(db, [999, edited, -1]).map((c) => c.id)).toEqual([edited]);
  });
});
