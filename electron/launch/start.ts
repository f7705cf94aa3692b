import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveCommand } from '../cli/commands/serve-command';
import { downloadElectron, findElectron } from './electron-binary';
import { electronSqliteBinding } from './electron-native';

/**
 * `npm start`: the desktop app on a demo catalog. Without Electron's binary (it cannot be
 * downloaded on every network) it says so in one line and serves the same UI to a browser.
 */
const repo = fileURLToPath(new URL('../..', import.meta.url));
const catalog = process.env.KADAR_CATALOG ?? join(repo, '.cache', 'demo', 'catalog.sqlite');
const fetchOnly = process.argv.includes('--fetch-electron-only');

let electron = findElectron();
let reason = 'missing' in electron ? electron.missing : '';
if ('missing' in electron) {
  const failure = downloadElectron();
  electron = findElectron();
  if (failure) reason = failure;
}

if (fetchOnly) {
  if ('missing' in electron) {
    process.stderr.write(`kadar: Electron's binary could not be installed (${reason}).\n`);
    process.exit(1);
  }
} else if ('missing' in electron) {
  process.stdout.write(
    `Electron's binary is not available (${reason}); serving the same Kadar UI to your browser instead.\n`,
  );
  process.exitCode = await serveCommand({ catalog, sample: true });
} else {
  const binding = electronSqliteBinding(join(repo, '.cache', 'electron-native'));
  const child = spawn(electron.path, [repo], {
    stdio: 'inherit',
    env: { ...process.env, KADAR_CATALOG: catalog, KADAR_SQLITE_BINDING: binding },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}
