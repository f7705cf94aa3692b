import { z } from 'zod';

export const takenAtSources = [
  'DateTimeOriginal',
  'CreateDate',
  'DateCreated',
  'FileName',
  'FileTime',
] as const;
export const takenAtSourceSchema = z.enum(takenAtSources);
export type TakenAtSource = z.infer<typeof takenAtSourceSchema>;

const text = z.string().nullable();
const num = z.number().nullable();
const int = z.number().int().nullable();

/** One photo as the catalog knows it. Times are local wall-clock ISO strings without a zone. */
export const photoSchema = z.object({
  id: z.number().int(),
  rootId: z.number().int(),
  folderId: z.number().int(),
  /** Absolute path of the original, for display and "Show in folder"; never used to fetch it. */
  path: z.string(),
  relPath: z.string(),
  fileName: z.string(),
  fileSize: z.number().int(),
  fileModifiedAt: z.string(),
  format: text,
  fingerprint: text,
  namePrefix: text,
  nameNumber: int,
  takenAt: text,
  takenAtOffset: text,
  takenAtSource: takenAtSourceSchema.nullable(),
  make: text,
  model: text,
  lens: text,
  focalLength: num,
  fNumber: num,
  exposureTime: num,
  iso: int,
  orientation: int,
  width: int,
  height: int,
  gpsLatitude: num,
  gpsLongitude: num,
  gpsAltitude: num,
  title: text,
  caption: text,
  keywords: z.array(z.string()),
  creator: text,
  credit: text,
  copyright: text,
  city: text,
  location: text,
  region: text,
  country: text,
  event: text,
  rating: int,
  hasThumbnail: z.boolean(),
  errorCode: text,
  error: text,
  warnings: z.array(z.string()),
  missing: z.boolean(),
  missingSince: text,
  addedAt: z.string(),
  indexedAt: z.string(),
});
export type Photo = z.infer<typeof photoSchema>;
