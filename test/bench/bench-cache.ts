import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Generated corpora and catalogs live here (gitignored) between runs. */
export const benchCacheDir = fileURLToPath(new URL('../../.cache/bench/', import.meta.url));

/**
 * Returns `path`, building it first unless a previous build of the same `key` finished there.
 * The marker is written only after `build` returns, so an interrupted build is redone, and a
 * changed key (generator version, size) replaces the old output rather than reusing it.
 */
export async function cachedBuild(
  what: string,
  path: string,
  key: string,
  build: (path: string) => Promise<void> | void,
): Promise<string> {
  const marker = `${path}.complete`;
  if (existsSync(marker) && existsSync(path) && readFileSync(marker, 'utf8') === key) {
    console.log(`Reusing cached ${what}: ${path}`);
    return path;
  }
  rmSync(marker, { force: true });
  for (const suffix of ['', '-wal', '-shm'])
    rmSync(path + suffix, { recursive: true, force: true });
  mkdirSync(join(path, '..'), { recursive: true });
  console.log(`Generating ${what} in ${path} (cached for later runs)…`);
  const started = performance.now();
  await build(path);
  writeFileSync(marker, key);
  console.log(`Generated ${what} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return path;
}
