import type { Catalog } from '../../catalog/open-catalog';
import { sql } from '../../catalog/statements';
import type { PhotoRef } from './archive-schema';

/**
 * Photos as an archive file names them: a row id means nothing in another catalog, a library
 * folder and a path in it do (and the fingerprint finds a file that moved). Reads each photo
 * once; remembers every photo it named, which the file's `photos` then describes.
 */
export function photoRefReader(db: Catalog) {
  const refs = new Map<number, PhotoRef | null>();
  const read = (id: number | null | undefined): PhotoRef | null => {
    if (id == null) return null;
    let ref = refs.get(id);
    if (ref === undefined) {
      const row = sql<[number], { root: string; path: string; fingerprint: string | null }>(
        db,
        `SELECT r.path AS root, p.rel_path AS path, p.fingerprint
         FROM photos p JOIN roots r ON r.id = p.root_id WHERE p.id = ?`,
      ).get(id);
      ref = row ? { root: row.root, path: row.path, fingerprint: row.fingerprint } : null;
      refs.set(id, ref);
    }
    return ref;
  };
  return {
    ref: read,
    /** The ids of the photos named so far that exist. */
    named: (): number[] => [...refs].filter(([, ref]) => ref != null).map(([id]) => id),
  };
}
export type PhotoRefReader = ReturnType<typeof photoRefReader>;

/** The one key of a ref within a file. */
export const refKey = (ref: { root: string; path: string }) => `${ref.root}\0${ref.path}`;

/** Code-point order: the same on every machine, unlike a locale's. */
export function byText<T>(...keys: ((item: T) => string | null)[]) {
  return (a: T, b: T): number => {
    for (const key of keys) {
      const [x, y] = [key(a) ?? '', key(b) ?? ''];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
}
