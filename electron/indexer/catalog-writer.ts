import { existsSync } from 'node:fs';
import type { Catalog } from '../catalog/open-catalog';
import { ensureFolder } from '../catalog/folders-repo';
import { absolutePath } from '../catalog/absolute-path';
import {
  clearMissing,
  insertPhoto,
  movePhoto,
  photosWithFingerprint,
  updatePhotoFromFile,
  type FileLocation,
} from '../catalog/photo-writes';
import { fileKeywordTags, setPhotoTags } from '../catalog/tags-repo';
import { ensurePeople } from '../catalog/people-repo';
import { setFileLinks } from '../catalog/photo-links';
import { writeTransaction } from '../catalog/write-transaction';
import { nowIso } from '../catalog/statements';
import type { FileOutcome } from './process-file';
import { mayTakeSidecarLayer, restorePhoto } from '../longevity/restore-photo';

export interface WriteItem {
  rootId: number;
  relPath: string;
  outcome: FileOutcome;
  /** The photo already at this path, when the file changed rather than appeared. */
  knownId: number | null;
}

export interface WriterCounts {
  added: number;
  updated: number;
  moved: number;
  restored: number;
  /** Photos new to the catalog whose sidecar names an event it knows to be deleted since. */
  outOfEvent: number;
}

export interface CatalogWriter {
  add(item: WriteItem): void;
  restore(photoId: number): void;
  /** Writes everything buffered, in one transaction. */
  flush(): void;
  readonly counts: WriterCounts;
  /** Photos that were found under a new path this run, by id: their old path is not missing. */
  readonly movedIds: ReadonlySet<number>;
}

const batchSize = 200;
// A slow stream (large files, HEIC) still commits at least this often, so a killed run loses little.
const maxBatchAgeMs = 1000;

/**
 * The single writer of an indexing run. Results are buffered and written in batched
 * transactions: a crash loses at most one uncommitted batch, which the next run redoes
 * because those files are not in the catalog yet.
 */
export function createCatalogWriter(db: Catalog, onFlush?: () => void): CatalogWriter {
  let pending: WriteItem[] = [];
  let oldestPending = 0;
  let pendingRestores: number[] = [];
  const counts: WriterCounts = { added: 0, updated: 0, moved: 0, restored: 0, outOfEvent: 0 };
  const movedIds = new Set<number>();
  const folders = new Map<string, number>();

  const folderOf = (rootId: number, relPath: string): number => {
    const cut = relPath.lastIndexOf('/');
    const dir = cut < 0 ? '' : relPath.slice(0, cut);
    const key = `${rootId}/${dir}`;
    let id = folders.get(key);
    if (id == null) {
      id = ensureFolder(db, rootId, dir);
      folders.set(key, id);
    }
    return id;
  };

  /** A photo whose file vanished but whose content turned up at `item`'s path. */
  const movedFrom = (fingerprint: string | null): number | null => {
    if (!fingerprint) return null;
    for (const match of photosWithFingerprint(db, fingerprint)) {
      if (movedIds.has(match.id)) continue;
      if (match.missing || !existsSync(absolutePath(match.rootPath, match.relPath)))
        return match.id;
    }
    return null;
  };

  const writeOne = (item: WriteItem, now: string): void => {
    const { fields, hierarchicalKeywords, people } = item.outcome;
    const fileName = item.relPath.slice(item.relPath.lastIndexOf('/') + 1);
    const at: FileLocation = {
      rootId: item.rootId,
      folderId: folderOf(item.rootId, item.relPath),
      relPath: item.relPath,
      fileName,
    };
    const { restored } = item.outcome;
    let id = item.knownId;
    // A catalog rebuilt from the folder: what a person gave the photo comes back as theirs. A
    // photo the catalog knows keeps what the catalog says, unless it says nothing (asked
    // before the file's values are written, which owe the sidecar a write).
    let takeLayer = restored != null;
    if (id != null) {
      takeLayer &&= mayTakeSidecarLayer(db, id, item.rootId);
      updatePhotoFromFile(db, id, fields, now);
      counts.updated++;
    } else if ((id = movedFrom(fields.fingerprint)) != null) {
      takeLayer &&= mayTakeSidecarLayer(db, id, item.rootId);
      movePhoto(db, id, at);
      updatePhotoFromFile(db, id, fields, now);
      movedIds.add(id);
      counts.moved++;
    } else {
      id = insertPhoto(db, at, fields, now);
      counts.added++;
    }
    setPhotoTags(db, id, fileKeywordTags(db, fields.keywords, hierarchicalKeywords));
    setFileLinks(db, 'person', id, ensurePeople(db, people));
    if (takeLayer && !restorePhoto(db, id, restored!, fields.sidecarMtime)) counts.outOfEvent++;
  };

  const flush = () => {
    if (pending.length === 0 && pendingRestores.length === 0) return;
    const items = pending;
    const restores = pendingRestores;
    pending = [];
    pendingRestores = [];
    writeTransaction(db, () => {
      const now = nowIso();
      for (const item of items) writeOne(item, now);
      counts.restored += clearMissing(db, restores);
    });
    onFlush?.();
  };

  return {
    add(item) {
      if (pending.length === 0) oldestPending = performance.now();
      pending.push(item);
      if (pending.length >= batchSize || performance.now() - oldestPending >= maxBatchAgeMs)
        flush();
    },
    restore(photoId) {
      pendingRestores.push(photoId);
      if (pendingRestores.length >= 5000) flush();
    },
    flush,
    counts,
    movedIds,
  };
}
