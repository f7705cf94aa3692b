import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The bundle the global setup has just built from these sources.
const dist = fileURLToPath(new URL('../../dist/node/', import.meta.url));
const files = readdirSync(dist);

/** The bundle file whose name starts with `prefix` (esbuild adds a content hash). */
function entry(prefix: string): string {
  const found = files.filter((f) => f.startsWith(prefix) && f.endsWith('.js'));
  expect(found, `one ${prefix}*.js in dist/node`).toHaveLength(1);
  return found[0]!;
}

/**
 * The npm packages a bundle file loads before its own code runs: itself and every chunk it
 * imports statically, followed through. esbuild marks each bundled module with a
 * `// node_modules/<package>/…` comment; `import()` (loading on demand) is not followed.
 */
function packagesLoaded(file: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const code = readFileSync(join(dist, name), 'utf8');
    for (const [, pkg] of code.matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm))
      packages.add(pkg!);
    // Node's own modules, as `node:name`.
    for (const [, builtin] of code.matchAll(/^import\s[^;]*?from\s*"(node:[\w/]+)";?$/gm))
      packages.add(builtin!);
    for (const [, chunk] of code.matchAll(/^import\s[^;]*?from\s*"\.\/([^"]+)";?$/gm))
      visit(chunk!);
    for (const [, chunk] of code.matchAll(/^import\s*"\.\/([^"]+)";?$/gm)) visit(chunk!);
  };
  visit(file);
  return packages;
}

// Every index run pays for what these load before its photos start; each was once loaded by
// accident through a shared module (the exifr reader through the exiftool host's arguments).
describe('what an index run loads before its photos', () => {
  it('starts the worker threads without the metadata reader, the archive schema or the XML library', () => {
    const beforePool = packagesLoaded(entry('index-command-'));
    expect([...beforePool].filter((p) => ['exifr', 'zod', 'fast-xml-parser'].includes(p))).toEqual(
      [],
    );
  });

  it('starts them without child processes or crypto, which only the exiftool fallback needs', () => {
    const beforePool = packagesLoaded(entry('index-command-'));
    expect(beforePool.has('node:worker_threads')).toBe(true);
    expect(
      [...beforePool].filter((p) => ['node:child_process', 'node:crypto'].includes(p)),
    ).toEqual([]);
  });

  it('opens the catalog and walks without them either', () => {
    const run = packagesLoaded(entry('index-run-'));
    expect([...run].filter((p) => ['exifr', 'zod', 'fast-xml-parser'].includes(p))).toEqual([]);
  });

  it('loads the metadata reader in the file threads, and not the archive schema or XML library', () => {
    const worker = packagesLoaded('index-worker.js');
    expect(worker.has('exifr')).toBe(true);
    expect([...worker].filter((p) => ['zod', 'fast-xml-parser'].includes(p))).toEqual([]);
  });
});
