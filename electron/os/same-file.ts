import { statSync } from 'node:fs';

/**
 * Whether two paths name one file: a link, another letter case or Unicode form of the name.
 * By whole 64-bit file ids (NTFS's exceed a Number's precision); a file system without ids (0)
 * says nothing, and a path that cannot be read is no match.
 */
export function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a, { bigint: true, throwIfNoEntry: false });
    const y = statSync(b, { bigint: true, throwIfNoEntry: false });
    return x != null && y != null && x.ino !== 0n && x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}
