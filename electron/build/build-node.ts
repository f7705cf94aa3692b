import { cpSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, transform, type Plugin } from 'esbuild';

/**
 * `npm run build:node`: bundles the main process, the CLI and the worker threads into
 * `dist/node`, the files users run (`kadar`, `npm start`, the Electron app).
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = `${root}dist/node`;

// Packages are bundled in, so a worker thread starts by compiling one file instead of
// resolving and reading hundreds: sharp's JavaScript (with semver, which it loads whole) took
// 130–150 ms to import in a fresh worker, and 75 ms bundled. These stay outside because they
// load files of their own at run time: native addons (better-sqlite3, sharp's binaries in
// @img/sharp-*), piscina's worker script, heic-decode's WebAssembly, and Electron itself.
const external = [
  'electron',
  'better-sqlite3',
  'piscina',
  'heic-decode',
  '@img/sharp-*',
  '@napi-rs/canvas',
];

// CommonJS packages bundled into ES modules still call require() for Node's built-ins.
const requireShim =
  "import { createRequire as kadarCreateRequire } from 'node:module';\n" +
  'const require = kadarCreateRequire(import.meta.url);';

// exifr is bundled from its source modules, which patches/ changes (its XMP text), not from its
// minified build: minified here as its build is, each file thread parses a third less of it.
const minifiedExifr: Plugin = {
  name: 'minified-exifr',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]exifr[\\/]src[\\/].*\.mjs$/ }, async (args) => ({
      contents: (
        await transform(await readFile(args.path, 'utf8'), {
          loader: 'js',
          format: 'esm',
          minify: true,
        })
      ).code,
      loader: 'js',
    }));
  },
};

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: [
    'electron/cli/kadar.ts',
    'electron/indexer/index-worker.ts',
    'electron/indexer/scan-worker.ts',
    'electron/export/export-worker.ts',
    'electron/longevity/verify-worker.ts',
    'electron/longevity/archive/archive-export-worker.ts',
    'electron/longevity/sidecars/sidecar-worker.ts',
    'electron/shell/main.ts',
    'electron/launch/start.ts',
  ].map((p) => `${root}${p}`),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  outdir: out,
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  sourcemap: true,
  external,
  plugins: [minifiedExifr],
  banner: { js: requireShim },
  logLevel: 'warning',
});
// The commands' entry points, CommonJS so that they size libuv's thread pool before Node's
// module loader first uses it (see thread-pool-size.ts); each then loads its ES module.
for (const [entry, name] of [
  ['electron/cli/kadar-entry.ts', 'kadar'],
  ['electron/launch/start-entry.ts', 'start'],
]) {
  await build({
    entryPoints: [`${root}${entry}`],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: `${out}/${name}.cjs`,
    logLevel: 'warning',
  });
}
// The preload runs in Electron's sandbox, which loads only CommonJS.
await build({
  entryPoints: [`${root}electron/preload/preload.ts`],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: `${out}/preload.cjs`,
  external: ['electron'],
  logLevel: 'warning',
});
cpSync(`${root}electron/catalog/migrations`, `${out}/migrations`, { recursive: true });
// The web gallery a photo export writes: its browser script and style sheets, which
// gallery-assets.ts reads from dist/node/gallery/ when it runs from this bundle.
const gallery = await import('../export/gallery/gallery-assets');
await build({ ...gallery.galleryClientBuild, outfile: `${out}/gallery/gallery.js` });
for (const [name, from] of gallery.galleryStyleSources()) cpSync(from, `${out}/gallery/${name}`);
