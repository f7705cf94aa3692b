import { resolve } from 'node:path';
import { openCatalog, type Catalog } from '../catalog/open-catalog';
import { cacheDirFor, resolveCatalogPath } from '../catalog/default-paths';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { KadarApi } from '../api/kadar-api';

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

/**
 * Runs `use` with the API over the chosen catalog, as the app does: the CLI is one more
 * transport over the contract, so its input is validated and its errors are the API's.
 */
export async function withApi<T>(
  options: GlobalOptions,
  use: (call: ApiCaller, api: KadarApi) => Promise<T>,
): Promise<T> {
  const { createKadarApi } = await import('../api/kadar-api');
  const { callApi } = await import('../api/dispatch');
  const api = createKadarApi({ catalogPath: resolveCatalogPath(options.catalog) });
  try {
    return await use((method, input) => callApi(api.handlers, method, input), api);
  } finally {
    await api.close();
  }
}

export type ApiCaller = <M extends MethodName>(
  method: M,
  input: MethodInput<M>,
) => Promise<MethodOutput<M>>;

/**
 * A path a person typed, made full against the command's working folder, as the API takes
 * only full paths; an empty one stays empty, for the API to refuse.
 */
export const typedPath = (path: string) => (path === '' ? path : resolve(path));

/** Prints a value as the command's JSON answer. */
export const printJson = (value: unknown) => writeOut(`${JSON.stringify(value, null, 2)}\n`);
