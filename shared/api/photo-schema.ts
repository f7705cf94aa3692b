import { z } from 'zod';
import {
  apiFieldNames,
  editableFields,
  photoFileFields,
  takenAtSources,
  type EditableField,
  type FieldKind,
  type PhotoFieldName,
  type PhotoFileValues,
} from '../catalog/photo-fields';

export const takenAtSourceSchema = z.enum(takenAtSources);

const kindSchemas = {
  text: z.string(),
  int: z.number().int(),
  real: z.number(),
  list: z.array(z.string()),
  takenAtSource: takenAtSourceSchema,
} satisfies Record<FieldKind, z.ZodType>;

type ApiFieldName = Exclude<
  PhotoFieldName,
  {
    [K in PhotoFieldName]: (typeof photoFileFields)[K] extends { internal: true } ? K : never;
  }[PhotoFieldName]
>;

function fieldSchema(name: PhotoFieldName): z.ZodType {
  const spec: { kind: FieldKind; required?: true } = photoFileFields[name];
  const schema = kindSchemas[spec.kind];
  return spec.required ? schema : schema.nullable();
}

// The file's fields, from the one table; their value types are checked against it below.
const fileFieldShape = Object.fromEntries(
  apiFieldNames.map((name) => [name, fieldSchema(name)]),
) as unknown as {
  [K in ApiFieldName]: z.ZodType<PhotoFileValues[K]>;
};

const editableShape = Object.fromEntries(
  editableFields.map((name) => [name, fieldSchema(name)]),
) as unknown as {
  [K in EditableField]: z.ZodType<PhotoFileValues[K]>;
};

/**
 * One photo as the catalog knows it. Times are local wall-clock ISO strings without a zone.
 * Editable fields (title, caption, rating, flag, label) and keywords hold the effective value:
 * the user's where they set one, else the file's (keywords: the leaf names of the photo's tags
 * once a person changed them); `fromFile` keeps the file's and `edited` names what the user set.
 */
export const photoSchema = z.object({
  id: z.number().int(),
  rootId: z.number().int(),
  folderId: z.number().int(),
  /** Absolute path of the original, for display and "Show in folder"; never used to fetch it. */
  path: z.string(),
  relPath: z.string(),
  fileName: z.string(),
  fileModifiedAt: z.string(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  ...fileFieldShape,
  fromFile: z.object({ ...editableShape, keywords: z.array(z.string()) }),
  /** What a person set: editable fields, and 'keywords' when they added or removed a tag. */
  edited: z.array(z.enum(['keywords', ...editableFields] as ['keywords', ...EditableField[]])),
  /** The photo's tags by full path ("Place/Niš"): its file's keywords and the person's. */
  tags: z.array(z.string()),
  /** The names of the people tagged in it. */
  people: z.array(z.string()),
  eventId: z.number().int().nullable(),
  eventTitle: z.string().nullable(),
  projectIds: z.array(z.number().int()),
  hasThumbnail: z.boolean(),
  missing: z.boolean(),
  missingSince: z.string().nullable(),
  addedAt: z.string(),
  indexedAt: z.string(),
});
export type Photo = z.infer<typeof photoSchema>;
export type { TakenAtSource } from '../catalog/photo-fields';

/**
 * What a grid cell shows of a photo, with the record's (effective) values. The grid fetches
 * one for every cell scrolled past, a hundred thousand in a long scroll, and whole records
 * (tags, people, projects, the file's values beside the person's) cost the host some twenty
 * times as much to read and send (docs/benchmarks.md, bench:ui).
 */
export const photoCellSchema = photoSchema.pick({
  id: true,
  fileName: true,
  fingerprint: true,
  hasThumbnail: true,
  missing: true,
  rating: true,
  flag: true,
  label: true,
  errorCode: true,
  error: true,
});
export type PhotoCell = z.infer<typeof photoCellSchema>;
