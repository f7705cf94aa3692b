import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as Esbuild from 'esbuild';

/**
 * The files an exported web gallery needs under `assets/` beside its index.html: the bundled
 * lightbox script and the two style sheets. From the TypeScript sources (tests, tsx) they are
 * built in memory; from the bundle in dist/node they are read from dist/node/gallery/, which
 * `npm run build:node` writes with the same options.
 */

export interface GalleryAsset {
  name: string;
  content: Buffer;
}

/** How gallery-client.ts becomes assets/gallery.js, here and in electron/build/build-node.ts. */
export const galleryClientBuild = {
  entryPoints: [fileURLToPath(new URL('./gallery-client.ts', import.meta.url))],
  bundle: true,
  platform: 'browser',
  format: 'iife',
  minify: true,
  target: 'es2020',
  // Keeps PhotoSwipe's /*! licence notice */, the one comment the minifier leaves.
  legalComments: 'eof',
  logLevel: 'warning',
} satisfies Esbuild.BuildOptions;

/** The style sheets, by the name they have in assets/ and in dist/node/gallery/. */
export function galleryStyleSources(): [string, string][] {
  const require = createRequire(import.meta.url);
  return [
    ['gallery.css', fileURLToPath(new URL('./gallery.css', import.meta.url))],
    ['photoswipe.css', require.resolve('photoswipe/dist/photoswipe.css')],
  ];
}

async function fromSources(): Promise<GalleryAsset[]> {
  // esbuild is a devDependency, absent from the installed app, and a literal specifier would
  // make the main build try to bundle it: only the source tree loads it, by a computed name.
  const esbuildName = 'esbuild';
  const { build } = (await import(esbuildName)) as typeof Esbuild;
  const result = await build({ ...galleryClientBuild, write: false, outfile: 'gallery.js' });
  const script = result.outputFiles[0];
  if (!script) throw new Error('esbuild produced no gallery script.');
  const assets = [{ name: 'assets/gallery.js', content: Buffer.from(script.contents) }];
  for (const [name, path] of galleryStyleSources())
    assets.push({ name: `assets/${name}`, content: await readFile(path) });
  return assets;
}

async function fromBundle(): Promise<GalleryAsset[]> {
  // The bundled code sits in a chunk directly in dist/node, so the folder is beside it.
  const names = ['gallery.js', 'gallery.css', 'photoswipe.css'];
  return Promise.all(
    names.map(async (name) => ({
      name: `assets/${name}`,
      content: await readFile(new URL(`./gallery/${name}`, import.meta.url)),
    })),
  );
}

let cached: Promise<GalleryAsset[]> | undefined;

export async function galleryAssets(): Promise<GalleryAsset[]> {
  cached ??= (import.meta.url.endsWith('.ts') ? fromSources() : fromBundle()).catch(
    (error: unknown) => {
      cached = undefined;
      throw error;
    },
  );
  return cached;
}
