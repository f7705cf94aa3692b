/**
 * The photo metadata the indexer reads from files: the one list of these fields. The catalog's
 * writers and row mapper and the API's photo schema are derived from it (electron/catalog/
 * photo-writes.ts, photos-repo.ts, shared/api/photo-schema.ts). No zod here: the renderer
 * imports this table too.
 */

export const takenAtSources = [
  'DateTimeOriginal',
  'CreateDate',
  'DateCreated',
  'FileName',
  'FileTime',
] as const;
export type TakenAtSource = (typeof takenAtSources)[number];

/** How a value is stored: lists as JSON text. */
export type FieldKind = 'text' | 'int' | 'real' | 'list' | 'takenAtSource';

export interface FieldSpec {
  column: string;
  kind: FieldKind;
  /** Never null. */
  required?: true;
  /** Bookkeeping the API does not show as it is (it may show something derived from it). */
  internal?: true;
  /** People may set their own value, kept in this column; theirs wins over the file's. */
  userColumn?: string;
}

export const photoFileFields = {
  fileSize: { column: 'file_size', kind: 'int', required: true },
  fileMtime: { column: 'file_mtime', kind: 'int', required: true, internal: true },
  sidecarMtime: { column: 'sidecar_mtime', kind: 'int', internal: true },
  fingerprint: { column: 'fingerprint', kind: 'text' },
  format: { column: 'format', kind: 'text' },
  namePrefix: { column: 'name_prefix', kind: 'text' },
  nameNumber: { column: 'name_number', kind: 'int' },
  takenAt: { column: 'taken_at', kind: 'text', required: true },
  takenAtOffset: { column: 'taken_at_offset', kind: 'text' },
  takenAtSource: { column: 'taken_at_source', kind: 'takenAtSource', required: true },
  lens: { column: 'lens', kind: 'text' },
  focalLength: { column: 'focal_length', kind: 'real' },
  fNumber: { column: 'f_number', kind: 'real' },
  exposureTime: { column: 'exposure_time', kind: 'real' },
  iso: { column: 'iso', kind: 'int' },
  orientation: { column: 'orientation', kind: 'int' },
  width: { column: 'width', kind: 'int' },
  height: { column: 'height', kind: 'int' },
  gpsLatitude: { column: 'gps_latitude', kind: 'real' },
  gpsLongitude: { column: 'gps_longitude', kind: 'real' },
  gpsAltitude: { column: 'gps_altitude', kind: 'real' },
  title: { column: 'title', kind: 'text', userColumn: 'user_title' },
  caption: { column: 'caption', kind: 'text', userColumn: 'user_caption' },
  keywords: { column: 'keywords', kind: 'list', required: true },
  creator: { column: 'creator', kind: 'text' },
  credit: { column: 'credit', kind: 'text' },
  copyright: { column: 'copyright', kind: 'text' },
  city: { column: 'city', kind: 'text' },
  location: { column: 'location', kind: 'text' },
  region: { column: 'region', kind: 'text' },
  country: { column: 'country', kind: 'text' },
  /** IPTC/XMP Event: what the file calls the occasion (the user's event is a link). */
  event: { column: 'event_name', kind: 'text' },
  rating: { column: 'rating', kind: 'int', userColumn: 'user_rating' },
  /** Pick or reject; a file rejects with XMP rating -1. */
  flag: { column: 'flag', kind: 'text', userColumn: 'user_flag' },
  /** A colour label (red, yellow, green, blue, purple), as xmp:Label names it. */
  label: { column: 'label', kind: 'text', userColumn: 'user_label' },
  thumbKey: { column: 'thumb_key', kind: 'text', internal: true },
  errorCode: { column: 'error_code', kind: 'text' },
  error: { column: 'error', kind: 'text' },
  warnings: { column: 'warnings', kind: 'list', required: true },
} as const satisfies Record<string, FieldSpec>;

export type PhotoFieldName = keyof typeof photoFileFields;
type Fields = typeof photoFileFields;

type KindValue<K extends FieldKind> = K extends 'text'
  ? string
  : K extends 'int' | 'real'
    ? number
    : K extends 'list'
      ? string[]
      : TakenAtSource;
type FieldValue<S extends FieldSpec> = S extends { required: true }
  ? KindValue<S['kind']>
  : KindValue<S['kind']> | null;

/** One value per field, as the file has it. */
export type PhotoFileValues = { [K in PhotoFieldName]: FieldValue<Fields[K]> };

/** The fields people may set their own value for. */
export type EditableField = {
  [K in PhotoFieldName]: Fields[K] extends { userColumn: string } ? K : never;
}[PhotoFieldName];

export const photoFlags = ['pick', 'reject'] as const;
export type PhotoFlag = (typeof photoFlags)[number];
export const colourLabels = ['red', 'yellow', 'green', 'blue', 'purple'] as const;
export type ColourLabel = (typeof colourLabels)[number];

export const photoFieldNames = Object.keys(photoFileFields) as PhotoFieldName[];
export const editableFields = photoFieldNames.filter(
  (name): name is EditableField => 'userColumn' in photoFileFields[name],
);
export const apiFieldNames = photoFieldNames.filter(
  (name) => !('internal' in photoFileFields[name]),
);

type RequiredField = {
  [K in PhotoFieldName]: Fields[K] extends { required: true } ? K : never;
}[PhotoFieldName];

/** Every field a file may lack, as a file that says nothing has it: null, or an empty list. */
export function blankFileValues(): Omit<
  PhotoFileValues,
  Exclude<RequiredField, 'keywords' | 'warnings'>
> {
  const blank: Record<string, unknown> = {};
  for (const name of photoFieldNames) {
    const spec: FieldSpec = photoFileFields[name];
    if (spec.kind === 'list') blank[name] = [];
    else if (!spec.required) blank[name] = null;
  }
  return blank as Omit<PhotoFileValues, Exclude<RequiredField, 'keywords' | 'warnings'>>;
}
