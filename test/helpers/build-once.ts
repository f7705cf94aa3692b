import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global setup: bundle the CLI and worker from the current sources, so tests that run
 * `kadar` as a child process test this tree and not a stale build.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync('npm', ['run', '--silent', 'build:node'], { cwd: root, stdio: 'inherit' });
}
