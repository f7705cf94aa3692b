import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KadarError } from '../../shared/errors';

/** dist/renderer, seen from the sources (electron/host) or from the bundle (dist/node). */
export function rendererDir(): string {
  const dir = fileURLToPath(
    new URL(
      import.meta.url.endsWith('.ts') ? '../../dist/renderer/' : '../renderer/',
      import.meta.url,
    ),
  );
  if (!existsSync(`${dir}index.html`)) {
    throw new KadarError(
      'NOT_FOUND',
      `The user interface is not built (${dir} is missing): run npm run build.`,
    );
  }
  return dir;
}
