import { z } from 'zod';
import { fullPath, id, optionalText, requiredText } from './common';

export const documentSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  fileName: z.string(),
  mime: z.string(),
  fileSize: z.number().int(),
  pageCount: z.number().int().nullable(),
  /** A copy in the catalog's documents folder, or a file linked where it lies. */
  storage: z.enum(['copy', 'link']),
  /** Where the file is, for display; documents are fetched by id, never by this path. */
  path: z.string(),
  /** The file is not where it was recorded: moved, deleted, or on a drive that is offline. */
  missing: z.boolean(),
  eventId: z.number().int().nullable(),
  projectId: z.number().int().nullable(),
  addedAt: z.string(),
});
export type KadarDocument = z.infer<typeof documentSchema>;

export const documentOwnerSchema = z.union([
  z.object({ eventId: id }).strict(),
  z.object({ projectId: id }).strict(),
]);
export type DocumentOwner = z.infer<typeof documentOwnerSchema>;

/** Files reach the catalog by path (the desktop app's picker) or as bytes (a browser's drop). */
export const documentSourceSchema = z.union([
  z
    .object({
      path: fullPath('Give a file'),
      /** Keep the file where it is (under a library folder) instead of copying it in. */
      link: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      fileName: requiredText(255).refine((n) => !/[\\/]/.test(n), 'A file name, not a path'),
      dataBase64: z.string().max(140_000_000),
    })
    .strict(),
]);

/** Documents reach the renderer by id: the file itself, or its first page as a thumbnail. */
export const documentFileKinds = ['file', 'thumb'] as const;
export type DocumentFileKind = (typeof documentFileKinds)[number];

export const documentMethods = {
  'documents.list': { input: documentOwnerSchema, output: z.array(documentSchema) },
  /**
   * Attaches files to an event or project as one step: all of them, or none when one cannot
   * be read. A PDF's text becomes searchable. `title` names a single file (else its name does).
   */
  'documents.attach': {
    input: z
      .object({
        owner: documentOwnerSchema,
        sources: z.array(documentSourceSchema).min(1).max(100),
        title: optionalText(500),
      })
      .strict(),
    output: z.array(documentSchema),
    // Dropped files travel as base64 in the call itself.
    maxInputBytes: 150 * 1024 * 1024,
  },
  'documents.rename': {
    input: z.object({ id, title: requiredText(500) }).strict(),
    output: documentSchema,
  },
  /** Detaches a document; a copy stays in the documents folder, so undo brings it back. */
  'documents.remove': {
    input: z.object({ id }).strict(),
    output: z.object({ removed: z.boolean() }),
  },
  /** Electron's file picker (the browser host answers UNSUPPORTED: pages get files, not paths). */
  'shell.pickDocuments': {
    input: z.object({}).strict(),
    output: z.object({ paths: z.array(z.string()) }),
  },
  /** Electron opens the file with its system app; the browser host answers UNSUPPORTED. */
  'shell.openDocument': {
    input: z.object({ id }).strict(),
    output: z.object({ opened: z.boolean() }),
  },
} as const;
