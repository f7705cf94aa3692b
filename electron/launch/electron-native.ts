import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * better-sqlite3 built for Electron's ABI, kept apart from the Node build that the CLI, the
 * host and the tests use; main.ts loads it through better-sqlite3's `nativeBinding` option.
 * Packaged apps get theirs from electron-builder instead.
 */
export function electronSqliteBinding(cacheDir: string): string {
  const electronVersion = (
    JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const target = join(
    cacheDir,
    `electron-${electronVersion}-${process.platform}-${process.arch}`,
    'better_sqlite3.node',
  );
  if (existsSync(target)) return target;
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const work = mkdtempSync(join(tmpdir(), 'kadar-sqlite-'));
  try {
    cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${source}/build`) });
    const nodeGyp = process.env.npm_config_node_gyp;
    const args = [
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
    ];
    // A user-level nodedir would make node-gyp build against Node's headers instead.
    const env = {
      ...process.env,
      npm_config_nodedir: undefined,
      npm_config_runtime: 'electron',
      npm_config_target: electronVersion,
    };
    const run = nodeGyp
      ? spawnSync(process.execPath, [nodeGyp, ...args], { cwd: work, stdio: 'inherit', env })
      : spawnSync('npx', ['--yes', 'node-gyp', ...args], { cwd: work, stdio: 'inherit', env });
    if (run.status !== 0)
      throw new Error(
        'Building better-sqlite3 for Electron failed (see the node-gyp output above).',
      );
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
