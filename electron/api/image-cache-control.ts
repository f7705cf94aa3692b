import type { PhotoImage } from './image-service';

/**
 * How long a browser may keep an image without asking again. A photo's id stays while its
 * file changes (edited elsewhere, then rescanned), and a restored catalog gives ids again that
 * the replaced one had used: only a URL naming the content's fingerprint may be kept for good;
 * one by id alone is asked again each time, and answered 304 while it has not changed.
 */
export const imageCacheControl = (image: PhotoImage, askedVersion: string | null) =>
  askedVersion === image.version ? 'private, max-age=31536000, immutable' : 'private, no-cache';
