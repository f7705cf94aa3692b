import type { Catalog } from '../../catalog/open-catalog';
import { writeTransaction } from '../../catalog/write-transaction';
import type { ArchiveKind } from '../../../shared/api/domains/archive-file';
import { validateArchive, type ArchiveDocument } from './archive-schema';
import { createImportContext } from './import-context';
import { adoptMovedRoots, importPhotos, importRoots, relocateFolders } from './import-library';
import {
  importDocuments,
  importEventCovers,
  importEvents,
  importOrganisations,
  importPeople,
  importProjects,
  importTags,
} from './import-records';
import {
  importExportPresets,
  importExports,
  importGalleries,
  importSavedSearches,
} from './import-selections';
import { dropTombstoned, importDeleted, tombstones } from './import-deleted';
import { createTally } from './put-row';

export interface ImportArchiveOptions {
  /** Give photos the catalog does not have a placeholder, filled when their folder is indexed. */
  placeholders: boolean;
  /**
   * Only add what the catalog lacks, never change what it has: a library folder's own
   * kadar-archive.json, which may be older than the catalog (the folder was offline, or its
   * sidecars were off, while people changed things). `kadar archive import` brings matched
   * things to the file's values.
   */
  keepExisting?: boolean;
  /** The library folder the file was read from (a folder's own file): only its sidecar setting is taken. */
  folder?: string;
  /** Library folders found at new paths in this rebuild (old path → new), see `movedFrom`. */
  moved?: ReadonlyMap<string, string>;
}

export interface ImportArchiveSummary {
  counts: Record<ArchiveKind, { created: number; matched: number; updated: number }>;
  unresolvedPhotoRefs: number;
}

/**
 * Reads an archive file's document into the catalog, in one transaction: all of it, or (when
 * something in it cannot be, with the path of what) nothing. Not an edit: like indexing, it
 * restores what was, so it leaves no step to undo. Things are matched by what names them in
 * every catalog and brought to the file's values; nothing the file lacks is deleted. Importing
 * the same file again changes nothing.
 */
export function importArchive(
  db: Catalog,
  input: unknown,
  options: ImportArchiveOptions,
): ImportArchiveSummary {
  let doc: ArchiveDocument = validateArchive(input);
  if (options.moved) doc = relocateFolders(doc, options.moved);
  return writeTransaction(db, () => {
    const tally = createTally();
    const keep = options.keepExisting ?? false;
    // What the catalog knows to be deleted, before this file's rows lift any tombstone.
    const deletedBefore = keep ? tombstones(db) : new Map<string, never>();
    importRoots(db, doc, tally, keep, options.folder);
    if (options.moved) adoptMovedRoots(db, options.moved);
    const ctx = createImportContext({ db, doc, placeholders: options.placeholders, keep, tally });
    // Each before what names it: organisations before people and events, events before
    // projects, photos before covers, galleries and exports.
    importOrganisations(ctx);
    importPeople(ctx);
    importTags(ctx);
    importEvents(ctx);
    importProjects(ctx);
    importDocuments(ctx);
    importPhotos(ctx);
    importEventCovers(ctx);
    importGalleries(ctx);
    importSavedSearches(ctx);
    importExportPresets(ctx);
    importExports(ctx);
    // A folder's file may be older than a deletion: what it made again goes. An explicit
    // import (`kadar archive import`) brings back what the file has, as it always did.
    dropTombstoned(db, deletedBefore, doc.exportedAt);
    importDeleted(ctx);
    return { counts: tally.counts(), unresolvedPhotoRefs: ctx.photos.unresolvedCount() };
  });
}
