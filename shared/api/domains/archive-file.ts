import { z } from 'zod';
import { fullPath } from './common';

/**
 * The archive file (docs/archive-format.md): the catalog's own data as one documented JSON
 * file, written and read back whole. Not the backup (a copy of the SQLite file): this one is
 * meant to outlive Kadar's schema, and to merge into a catalog that already has photos.
 */

/** What an archive file holds, and what an import counts, by kind. */
export const archiveKinds = [
  'roots',
  'organisations',
  'people',
  'tags',
  'events',
  'projects',
  'documents',
  'photos',
  'galleries',
  'savedSearches',
  'exportPresets',
  'exports',
] as const;
export type ArchiveKind = (typeof archiveKinds)[number];

const count = z.number().int().min(0);
const filePath = fullPath('Give a file');

export const archiveImportSummarySchema = z.object({
  path: z.string(),
  /**
   * Per kind: rows made new, rows the catalog already had (by uid, path or name), and of
   * those, the ones whose values the file changed. Photos made new are placeholders for
   * files not indexed yet.
   */
  counts: z.record(
    z.enum(archiveKinds),
    z.object({ created: count, matched: count, updated: count }),
  ),
  /** Photos the file names (in galleries, covers, exports) that are in neither the file nor the catalog. */
  unresolvedPhotoRefs: count,
  /** Documents whose text was read again from their files, so a word in them finds them. */
  documentTexts: count,
});
export type ArchiveImportSummary = z.infer<typeof archiveImportSummarySchema>;

export const archiveFileMethods = {
  /** Writes the whole catalog's own data (not thumbnails, not the edit history) to a file. */
  'archive.export': {
    input: z.object({ path: filePath }).strict(),
    output: z.object({ path: z.string(), counts: z.record(z.enum(archiveKinds), count) }),
  },
  /**
   * Reads an archive file into the catalog: what it names is matched by uid, path or name and
   * brought to the file's values, the rest is added; nothing is deleted. Photos not indexed
   * yet get a placeholder, which the next index of their folder fills. All or nothing.
   */
  'archive.import': {
    input: z.object({ path: filePath }).strict(),
    output: archiveImportSummarySchema,
  },
} as const;
