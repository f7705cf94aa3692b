import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';

// The sources run through tsx, as in the tests' own process.
const args = (code: string) => ['--import', 'tsx', '--input-type=module', '-e', code];

/** Starts `code` (an ES module's text, TypeScript imports allowed) in a Node process of its own. */
export function startNodeScript(code: string, options: SpawnOptions = {}) {
  return spawn(process.execPath, args(code), options);
}

/**
 * Runs `code` as `startNodeScript` does, under a shell's `prefix` (e.g. `ulimit -f 8`), and
 * waits for it.
 */
export function runNodeScriptUnder(prefix: string, code: string) {
  return spawnSync('bash', ['-c', `${prefix} && exec "$0" "$@"`, process.execPath, ...args(code)], {
    encoding: 'utf8',
  });
}
