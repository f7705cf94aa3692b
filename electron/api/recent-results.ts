import { catalogVersion } from '../catalog/catalog-version';
import type { Catalog } from '../catalog/open-catalog';

/**
 * Remembers the last few answers of an expensive read, by its input, for as long as the
 * catalog has not changed. The grid's id list of 100,000 photos costs tens of milliseconds to
 * read, and the renderer asks again for it after every refresh that usually changed nothing.
 */
export function recentResults<I, O>(db: Catalog, compute: (input: I) => O, keep = 4) {
  const entries = new Map<string, { version: string; value: O }>();
  return (input: I): O => {
    const key = stableKey(input);
    const version = catalogVersion(db);
    const hit = entries.get(key);
    entries.delete(key);
    if (hit?.version === version) {
      entries.set(key, hit);
      return hit.value;
    }
    const value = compute(input);
    entries.set(key, { version, value });
    for (const old of entries.keys()) {
      if (entries.size <= keep) break;
      entries.delete(old);
    }
    return value;
  };
}

/** JSON with object keys sorted, so equal inputs give equal keys whatever their key order. */
function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
