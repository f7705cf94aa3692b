import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The Electron executable, or why there is none. */
export function findElectron(): { path: string } | { missing: string } {
  try {
    return { path: require('electron') as string };
  } catch (error) {
    return { missing: (error as Error).message.split('\n')[0] ?? 'not installed' };
  }
}

/**
 * Runs Electron's own installer (npm may have skipped it: package.json denies its install
 * script so `npm install` works offline). Returns the first line of its failure, if any.
 */
export function downloadElectron(): string | null {
  const installer = require.resolve('electron/install.js');
  const run = spawnSync(process.execPath, [installer], { encoding: 'utf8', timeout: 300_000 });
  if (run.status === 0) return null;
  const text = `${run.stderr ?? ''}${run.stdout ?? ''}`;
  return (
    /Error[^\n]*/.exec(text)?.[0] ??
    text.split('\n').find(Boolean) ??
    'the download failed'
  ).trim();
}
