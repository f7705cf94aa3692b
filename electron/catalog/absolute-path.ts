import { join } from 'node:path';

/** The original's absolute path: the root's native path plus the '/'-separated relative one. */
export function absolutePath(rootPath: string, relPath: string): string {
  return join(rootPath, ...relPath.split('/'));
}
