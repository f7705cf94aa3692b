import { callThrough } from '../../api/dispatch';
import { createWindowApi } from '../../api/window-api';
import { resolveCatalogPath } from '../../catalog/default-paths';
import { rendererDir } from '../../host/renderer-dir';
import { startHost } from '../../host/serve';
import type { GlobalOptions } from '../cli-context';

export interface ServeOptions extends GlobalOptions {
  port?: number;
  /** Opens the sample archive when the catalog has no folders yet. */
  sample?: boolean;
  /** Files an index run started from the window reads at once, and the export's threads. */
  threads?: number;
}

/** `kadar serve`: the desktop UI in a browser, over the same API, on 127.0.0.1. */
export async function serveCommand(options: ServeOptions): Promise<number> {
  const catalogPath = resolveCatalogPath(options.catalog);
  // The window's backups: daily while it is open, and when it closes.
  // A restore asked for from the window closes the catalog and opens the backup at once.
  const api = createWindowApi({
    catalogPath,
    shell: { kind: 'browser' },
    autoBackup: {},
    ...(options.threads != null ? { threads: options.threads } : {}),
  });
  const host = await startHost({
    api,
    rendererDir: rendererDir(),
    ...(options.port != null ? { port: options.port } : {}),
  });
  if (options.sample && (await callThrough(api.call, 'roots.list', {})).length === 0) {
    const opened = await api.call('sample.open', {});
    if (!opened.ok)
      process.stderr.write(
        `kadar: the sample archive could not be opened: ${opened.error.message}\n`,
      );
  }
  process.stdout.write(`Kadar catalog: ${catalogPath}\nOpen ${host.url}\n`);
  // A browser opening the link meanwhile waits for this, then gets its ids from the cache.
  setImmediate(() => api.warmUp());
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await api.close();
  return 0;
}
