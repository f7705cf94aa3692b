import { homedir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';

export const appName = 'Kadar';
export const catalogFileName = 'catalog.sqlite';

interface Platform {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

const current = (): Platform => ({ platform: process.platform, env: process.env, home: homedir() });

/**
 * The per-user data folder, computed exactly as Electron's `app.getPath('userData')` is for an
 * app named "Kadar", so the CLI, the browser host and the desktop app share one catalog.
 */
export function defaultDataDir({ platform, env, home }: Platform = current()): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), appName);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', appName);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), appName);
}

/** `--catalog FILE`, else `KADAR_CATALOG`, else the default catalog in the data folder. */
export function resolveCatalogPath(explicit?: string, p: Platform = current()): string {
  const chosen = explicit || p.env.KADAR_CATALOG;
  return chosen ? resolve(chosen) : join(defaultDataDir(p), catalogFileName);
}

/**
 * The cache folder beside a catalog (`catalog.sqlite` → `catalog-cache/`). It holds only what
 * can be made again from the originals, so deleting it costs regeneration and nothing else.
 */
export function cacheDirFor(catalogPath: string): string {
  return join(dirname(catalogPath), `${basename(catalogPath, extname(catalogPath))}-cache`);
}

/**
 * The documents folder beside a catalog (`catalog.sqlite` → `catalog-documents/`): copies of
 * the invitations, agendas and reports people attached. Unlike the cache, this is archive.
 */
export function documentsDirFor(catalogPath: string): string {
  return join(dirname(catalogPath), `${basename(catalogPath, extname(catalogPath))}-documents`);
}

/**
 * The backups folder beside a catalog (`catalog.sqlite` → `catalog-backups/`): verified copies
 * of the catalog, 7 daily and 4 weekly.
 */
export function backupsDirFor(catalogPath: string): string {
  return join(dirname(catalogPath), `${basename(catalogPath, extname(catalogPath))}-backups`);
}
