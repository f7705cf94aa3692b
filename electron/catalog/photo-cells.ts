import { photoCellSchema, type PhotoCell } from '../../shared/api/photo-schema';
import {
  photoFileFields,
  type FieldSpec,
  type PhotoFieldName,
} from '../../shared/catalog/photo-fields';
import type { Catalog } from './open-catalog';
import { effectiveValue, fileState } from './photos-repo';
import { rowsByIds } from './rows-by-id';

// The file's fields a cell shows, as the cell's schema names them.
const cellFields = Object.keys(photoCellSchema.shape).filter(
  (name): name is PhotoFieldName => name in photoFileFields,
);
const columns = cellFields.flatMap((name) => {
  const spec: FieldSpec = photoFileFields[name];
  return spec.userColumn ? [spec.column, spec.userColumn] : [spec.column];
});
const select = `SELECT id, file_name, thumb_key, missing_since, ${columns.join(', ')}
  FROM photos WHERE id IN`;

type CellRow = Record<string, unknown> & {
  id: number;
  file_name: string;
  thumb_key: string | null;
  missing_since: string | null;
};

/** What the grid's cells show of these photos, in the order asked, read from the photos table. */
export function getPhotoCells(db: Catalog, ids: readonly number[]): PhotoCell[] {
  return rowsByIds<CellRow>(db, select, ids).map((row) => {
    const cell: Record<string, unknown> = {
      id: row.id,
      fileName: row.file_name,
      ...fileState(row),
    };
    for (const name of cellFields) cell[name] = effectiveValue(row, photoFileFields[name]);
    return cell as PhotoCell;
  });
}
