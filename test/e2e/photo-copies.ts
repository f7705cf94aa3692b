import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A folder of `count` copies of one photo, each with a few different bytes after the JPEG's
 * end marker: decoders ignore them, but every file gets its own fingerprint, so the indexer
 * reads each one as a photo of its own.
 */
export function makePhotoCopies(source: string, folder: string, count: number): string {
  mkdirSync(folder, { recursive: true });
  const bytes = readFileSync(source);
  for (let i = 0; i < count; i++) {
    const tail = Buffer.from(`\nkadar e2e copy ${i}\n`);
    writeFileSync(
      join(folder, `copy-${String(i).padStart(4, '0')}.jpg`),
      Buffer.concat([bytes, tail]),
    );
  }
  return folder;
}
