import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** Grid thumbnails: the long edge, in pixels. */
export const thumbnailSize = 320;
/** Viewer previews, made on demand. */
export const previewSize = 2048;

/** Photos' thumbnails and previews, and documents' first-page thumbnails. */
export type CacheKind = 'thumbs' | 'previews' | 'documents';

/**
 * Cached images are named by the content fingerprint of their original: a moved or renamed
 * photo keeps its thumbnail, a duplicate shares it, and a stale entry can never be served for
 * changed content. The folder size is part of the path so a new size starts a fresh set.
 */
export function cachedImagePath(cacheDir: string, kind: CacheKind, key: string): string {
  const size = kind === 'previews' ? previewSize : thumbnailSize;
  return join(cacheDir, `${kind}-${size}`, key.slice(0, 2), `${key}.jpg`);
}

const madeDirs = new Set<string>();

/** Writes atomically (temp file, then rename), so a crash never leaves half an image. */
export function writeCachedImage(path: string, data: Uint8Array): void {
  const dir = dirname(path);
  const temp = `${path}.${process.pid}-${threadId}.tmp`;
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  try {
    writeFileSync(temp, data);
  } catch (error) {
    // Someone deleted the cache while Kadar runs: make the folder again.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, data);
  }
  renameSync(temp, path);
}

export function hasCachedImage(path: string): boolean {
  return existsSync(path);
}

/** Marks the cache with the Cache Directory Tagging standard: backup tools and Kadar's own
 * folder walk skip it. */
export function tagCacheDir(cacheDir: string): void {
  const tag = join(cacheDir, 'CACHEDIR.TAG');
  if (existsSync(tag)) return;
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(
    tag,
    "Signature: 8a477f597d28d172789f06886806bc55\n# This file marks Kadar's thumbnail cache. It can be deleted; Kadar makes it again.\n",
  );
}
