import type { Catalog } from '../catalog/open-catalog';
import { absolutePath } from '../catalog/absolute-path';
import { sql } from '../catalog/statements';
import { cachedImagePath, hasCachedImage, type CacheKind } from '../catalog/thumbnail-cache';
import type { IndexPool } from '../indexer/index-pool';
import type { WorkerTask } from '../indexer/index-worker';
import type { RenderOutcome } from '../indexer/render-image';
import type { ImageKind } from '../../shared/api/contract';

export interface PhotoImage {
  /** The cached JPEG on disk: a path Kadar made, never one taken from a request. */
  path: string;
  /** Content-derived: the original's fingerprint. */
  etag: string;
  /** The original's fingerprint, which a URL may name (`?v=`) to be cached for good. */
  version: string;
}

const cacheKinds: Record<ImageKind, CacheKind> = { thumb: 'thumbs', preview: 'previews' };

/**
 * Finds (or makes, in a worker) the thumbnail or preview of a photo by its id. Unknown ids,
 * photos without readable pixels and vanished originals give null: the transports answer 404.
 */
export function createImageService(db: Catalog, cacheDir: string, pool: () => IndexPool) {
  const rendering = new Map<string, Promise<RenderOutcome>>();

  return async function photoImage(kind: ImageKind, photoId: number): Promise<PhotoImage | null> {
    if (!Number.isSafeInteger(photoId) || photoId < 1) return null;
    const row = sql<
      [number],
      {
        fingerprint: string | null;
        thumb_key: string | null;
        root_path: string;
        rel_path: string;
        file_name: string;
        format: string | null;
      }
    >(
      db,
      `SELECT p.fingerprint, p.thumb_key, r.path AS root_path, p.rel_path, p.file_name, p.format
       FROM photos p JOIN roots r ON r.id = p.root_id WHERE p.id = ?`,
    ).get(photoId);
    // No thumbnail at index time means no decodable picture: do not try again per request.
    if (!row?.fingerprint || !row.thumb_key) return null;
    const cacheKind = cacheKinds[kind];
    const path = cachedImagePath(cacheDir, cacheKind, row.fingerprint);
    const image = { path, etag: `"${cacheKind}-${row.fingerprint}"`, version: row.fingerprint };
    if (hasCachedImage(path)) return image;

    const key = `${cacheKind}/${row.fingerprint}`;
    let job = rendering.get(key);
    if (!job) {
      const task: WorkerTask = {
        kind: 'render',
        render: {
          absPath: absolutePath(row.root_path, row.rel_path),
          fileName: row.file_name,
          format: row.format,
          fingerprint: row.fingerprint,
          cacheDir,
          kind: cacheKind,
        },
      };
      job = (pool().run(task) as Promise<RenderOutcome>).finally(() => rendering.delete(key));
      rendering.set(key, job);
    }
    const outcome = await job;
    return outcome.written ? image : null;
  };
}

export type ImageService = ReturnType<typeof createImageService>;
