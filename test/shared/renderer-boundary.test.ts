import { build, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiEvents, apiMethods } from '../../shared/api/contract';
import { eventNames, methodNames } from '../../shared/api/api-names';

const entry = fileURLToPath(new URL('../../renderer/main.tsx', import.meta.url));

/**
 * `…?url` imports are files Vite emits beside the bundle (the PDF viewer's worker and
 * WebAssembly decoders), and the bundle holds only their URLs, as here.
 */
const assetUrls: Plugin = {
  name: 'asset-urls',
  setup(build) {
    build.onResolve({ filter: /\?(worker&)?url$/ }, (args) => ({
      path: args.path,
      namespace: 'url',
    }));
    build.onLoad({ filter: /.*/, namespace: 'url' }, () => ({ contents: 'export default "";' }));
  },
};

/** Every module the renderer's bundle would contain, as paths relative to the repository. */
async function rendererInputs(): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    loader: { '.css': 'empty', '.png': 'empty', '.svg': 'empty' },
    plugins: [assetUrls],
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

describe('the renderer boundary', () => {
  it('lists the same method and event names as the contract defines', () => {
    expect([...methodNames].sort()).toEqual(Object.keys(apiMethods).sort());
    expect([...eventNames].sort()).toEqual(Object.keys(apiEvents).sort());
  });

  it('bundles no Node or Electron module, and not the schema library', async () => {
    const inputs = await rendererInputs();
    expect(inputs.some((p) => p.startsWith('renderer/'))).toBe(true);
    expect(inputs.some((p) => p.includes('node_modules/react-dom/'))).toBe(true);
    const forbidden = inputs.filter((p) =>
      /node_modules\/(zod|electron|better-sqlite3|sharp)\/|^node:|^electron\//.test(p),
    );
    expect(forbidden).toEqual([]);
  });
});
