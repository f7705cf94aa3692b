import { openCatalog, type Catalog } from '../catalog/open-catalog';
import { cacheDirFor, resolveCatalogPath } from '../catalog/default-paths';

export interface GlobalOptions {
  catalog?: string;
}

export interface CliContext {
  db: Catalog;
  catalogPath: string;
  cacheDir: string;
}

/** Opens the catalog the user chose (`--catalog`, `KADAR_CATALOG`, or the default). */
export function openCliCatalog(options: GlobalOptions): CliContext {
  const catalogPath = resolveCatalogPath(options.catalog);
  return { db: openCatalog(catalogPath), catalogPath, cacheDir: cacheDirFor(catalogPath) };
}

/** Writes text to stdout, waiting whenever the pipe is full, so large outputs stream. */
export async function writeOut(text: string): Promise<void> {
  if (!process.stdout.write(text))
    await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
}
