import { resolveCatalogPath } from '../../catalog/default-paths';
import { restoreCatalog } from '../../longevity/restore-catalog';
import { printJson, withApi, writeOut, type GlobalOptions } from '../cli-context';

interface Json extends GlobalOptions {
  json?: boolean;
}

/** `kadar backup`: today's verified backup beside the catalog, or one to `--out FILE`. */
export async function backupCommand(options: Json & { out?: string }): Promise<number> {
  return withApi(options, async (call) => {
    const result = await call('backups.create', options.out ? { out: options.out } : {});
    if (options.json) await printJson(result);
    else
      await writeOut(
        `Backed up to ${result.path} (${(result.bytes / 1e6).toFixed(1)} MB, verified)${result.copy ? `; copy: ${result.copy}` : ''}\n`,
      );
    return 0;
  });
}

/**
 * `kadar restore FILE`: the backup becomes the catalog; the one it replaces is kept beside it.
 * Not through the API, which holds the catalog open: a catalog is replaced closed. Then the
 * sidecars of folders that have them are rewritten from the restored catalog, so the folders
 * no longer say what it undid.
 */
export async function restoreCommand(file: string, options: Json): Promise<number> {
  const result = restoreCatalog(resolveCatalogPath(options.catalog), file);
  const sidecars = await withApi(options, async (call) =>
    (await call('sidecars.status', {})).roots.some((root) => root.naming)
      ? call('sidecars.write', {})
      : null,
  );
  if (options.json) await printJson({ ...result, sidecars });
  else
    await writeOut(
      `Restored ${result.restored} from ${file}${result.keptAside ? `; the catalog it replaced is kept as ${result.keptAside}` : ''}\n` +
        (sidecars
          ? `Sidecars rewritten from it: ${sidecars.written}\n` +
            sidecars.failures.map((f) => `  not written: ${f.path}: ${f.message}\n`).join('') +
            (sidecars.failed
              ? `${sidecars.failed} sidecars could not be written; they are tried again whenever the catalog opens.\n`
              : '')
          : ''),
    );
  return 0;
}
