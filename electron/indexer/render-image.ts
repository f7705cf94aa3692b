import {
  cachedImagePath,
  previewSize,
  thumbnailSize,
  writeCachedImage,
  type CacheKind,
} from '../catalog/thumbnail-cache';
import { makeThumbnail } from './make-thumbnail';
import { FileReadError, readFileOnce, type FileBytes } from './read-file-once';
import { readMetadata } from './read-metadata';
import { sniffFormat } from './sniff-format';

/** A thumbnail (deleted from the cache) or a viewer preview to make from the original. */
export interface RenderTask {
  absPath: string;
  fileName: string;
  /** The format the catalog read the file as, which picks the threads that render it. */
  format: string | null;
  /** The content the catalog knows; a file that changed since is not rendered under its key. */
  fingerprint: string;
  cacheDir: string;
  kind: CacheKind;
}

export type RenderOutcome = { written: true } | { written: false; reason: string };

/** Renders one cached image on demand, in a worker thread (HEIC decoding alone takes a second). */
export async function renderImage(task: RenderTask): Promise<RenderOutcome> {
  try {
    return await readFileOnce(task.absPath, (file) => render(task, file));
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    return { written: false, reason: `The original cannot be read (${error.code}).` };
  }
}

async function render(
  task: RenderTask,
  { bytes: buf, fingerprint }: FileBytes,
): Promise<RenderOutcome> {
  if (fingerprint !== task.fingerprint) {
    return { written: false, reason: 'The file changed since it was indexed; rescan its folder.' };
  }
  const format = sniffFormat(buf, task.fileName);
  if (!format) return { written: false, reason: 'The file is not an image Kadar can read.' };
  const meta = await readMetadata(buf, format);
  const size = task.kind === 'thumbs' ? thumbnailSize : previewSize;
  const result = await makeThumbnail(
    buf,
    format,
    meta.orientation,
    [meta.exifWidth, meta.exifHeight],
    {
      size,
      quality: task.kind === 'thumbs' ? 80 : 85,
    },
  );
  if (!result.jpeg)
    return { written: false, reason: result.problem?.message ?? 'No picture could be made.' };
  writeCachedImage(cachedImagePath(task.cacheDir, task.kind, task.fingerprint), result.jpeg);
  return { written: true };
}
