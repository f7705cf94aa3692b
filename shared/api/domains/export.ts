import { z } from 'zod';
import { fullPath, id, ids, none } from './common';
import { exportPresetSchema, presetNameSchema, presetSettingsSchema } from './export-presets';

/** What a gallery is made of: an event, a project's events, a saved gallery, or a selection. */
export const exportSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event'), id }).strict(),
  z.object({ kind: z.literal('project'), id }).strict(),
  z.object({ kind: z.literal('gallery'), id }).strict(),
  z.object({ kind: z.literal('photos'), ids: ids(100_000) }).strict(),
]);
export type ExportSource = z.infer<typeof exportSourceSchema>;

export const exportStatuses = ['running', 'done', 'failed', 'cancelled', 'interrupted'] as const;
export type ExportStatus = (typeof exportStatuses)[number];

/** A photo left out of an export, and why (offline drive, damaged file). */
export const skippedPhotoSchema = z.object({
  photoId: z.number().int(),
  fileName: z.string(),
  code: z.string(),
  message: z.string(),
});
export type SkippedPhoto = z.infer<typeof skippedPhotoSchema>;

export const exportRecordSchema = z.object({
  id: z.number().int(),
  source: z.object({
    kind: z.enum(['event', 'project', 'gallery', 'photos']),
    /** The event's, project's or gallery's id; null for a selection. */
    id: z.number().int().nullable(),
  }),
  title: z.string(),
  presetId: z.number().int().nullable(),
  presetName: z.string(),
  settings: presetSettingsSchema,
  outDir: z.string(),
  /** index.html, when the export finished. */
  gallery: z.string().nullable(),
  zip: z.string().nullable(),
  status: z.enum(exportStatuses),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  fileCount: z.number().int(),
  bytes: z.number().int(),
  skipped: z.array(skippedPhotoSchema),
  error: z.string().nullable(),
  /** Exported photos whose file or description changed since (0 once replaced). */
  changedCount: z.number().int(),
  /** A later export that replaced this one's folder: what is there now is that one. */
  replacedBy: z.number().int().nullable(),
});
export type ExportRecord = z.infer<typeof exportRecordSchema>;

export const exportedFileSchema = z.object({
  photoId: z.number().int().nullable(),
  /** Absolute path of the exported image. */
  path: z.string(),
  fileName: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  changed: z.boolean(),
});
export type ExportedFile = z.infer<typeof exportedFileSchema>;

export const exportProgressSchema = z.object({
  exportId: z.number().int(),
  phase: z.enum(['images', 'gallery', 'zip', 'done']),
  done: z.number().int(),
  total: z.number().int(),
  skipped: z.number().int(),
  rate: z.number(),
  etaSeconds: z.number().nullable(),
});
export type ExportProgress = z.infer<typeof exportProgressSchema>;

const presetRef = z.union([z.object({ presetId: id }), z.object({ presetName: presetNameSchema })]);

const startInput = z
  .object({
    source: exportSourceSchema,
    /** A new or empty folder; the gallery appears there when the export finishes. */
    outDir: fullPath('Choose a folder'),
    zip: z.boolean().default(false),
    /** Replace what the folder holds (the person confirmed it). */
    force: z.boolean().default(false),
  })
  .and(presetRef);

export const exportMethods = {
  'presets.list': { input: none, output: z.array(exportPresetSchema) },
  'presets.save': {
    input: z
      .object({ id: id.optional(), name: presetNameSchema, settings: presetSettingsSchema })
      .strict(),
    output: exportPresetSchema,
  },
  'presets.delete': {
    input: z.object({ id }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
  /** What an export would hold, for the dialog: titles, counts, the first names. */
  'export.plan': {
    input: z.object({ source: exportSourceSchema }).and(presetRef),
    output: z.object({
      title: z.string(),
      sections: z.array(z.object({ title: z.string().nullable(), count: z.number().int() })),
      count: z.number().int(),
      offline: z.number().int(),
      fileNames: z.array(z.string()),
      /** A new folder to offer: in Pictures (else the home folder), named for the gallery. */
      suggestedOutDir: z.string(),
    }),
  },
  /** Starts an export; `export.progress` and `export.finished` follow. */
  'export.start': {
    input: startInput,
    output: z.object({ exportId: z.number().int(), outDir: z.string() }),
  },
  'export.cancel': {
    input: z.object({ exportId: id }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** Runs an earlier export again into its folder, with its settings and today's photos. */
  'export.again': {
    input: z.object({ exportId: id, force: z.boolean().default(false) }).strict(),
    output: z.object({ exportId: z.number().int(), outDir: z.string() }),
  },
  /** The export history, newest first; narrowed to what touched one event, project or photo. */
  'export.history': {
    input: z
      .object({
        eventId: id.optional(),
        projectId: id.optional(),
        galleryId: id.optional(),
        photoId: id.optional(),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    output: z.array(exportRecordSchema),
  },
  'export.get': {
    input: z.object({ exportId: id }).strict(),
    output: exportRecordSchema.extend({ files: z.array(exportedFileSchema) }),
  },
} as const;
