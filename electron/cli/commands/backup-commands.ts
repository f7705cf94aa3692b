import { resolveCatalogPath } from '../../catalog/default-paths';
import { openCatalog } from '../../catalog/open-catalog';
import { restoreCatalog, undoRestore } from '../../longevity/restore-catalog';
import { restoreDocumentsFrom } from '../../longevity/documents-mirror';
import type { SidecarSummary } from '../../../shared/api/domains/sidecars';
import { KadarError, toApiError, type ApiError } from '../../../shared/errors';
import type { BackupProgress } from '../../../shared/api/domains/backups';
import { printJson, typedPath, withApi, writeOut, type GlobalOptions } from '../cli-context';
import { createJobBar, eta, type ProgressMode } from '../progress-bar';

interface Json extends GlobalOptions {
  json?: boolean;
}

/** `kadar backup`: today's verified backup beside the catalog, or one to `--out FILE`. */
export async function backupCommand(
  options: Json & { out?: string; progress?: ProgressMode },
): Promise<number> {
  return withApi(options, async (call, api) => {
    const mode = options.progress ?? (options.json ? 'none' : 'bar');
    const bar = mode === 'bar' ? createJobBar('{size} | {rate}/s | ETA {left} | {phase}') : null;
    const off = api.onEvent((event, payload) => {
      if (event !== 'backups.progress') return;
      const p = payload as BackupProgress;
      if (mode === 'ndjson') process.stderr.write(`${JSON.stringify(p)}\n`);
      if (!bar) return;
      const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
      const bytes = p.phase !== 'documents';
      bar.update(p.done, Math.max(p.total, 1), {
        size:
          p.phase === 'checking'
            ? 'checking the copy'
            : bytes
              ? `${mb(p.done)} of ${mb(p.total)}`
              : `${p.done} of ${p.total} documents`,
        rate: bytes ? mb(p.rate) : p.rate.toFixed(1),
        left: eta(p.etaSeconds),
        phase: p.phase,
      });
    });
    // Ctrl-C stops the backup: nothing is left under a backup's name.
    const cancel = () => void call('backups.cancel', {});
    process.once('SIGINT', cancel);
    let result;
    try {
      // An empty --out (an unset shell variable) is refused by the API, not taken for none.
      result = await call(
        'backups.create',
        options.out !== undefined ? { out: typedPath(options.out) } : {},
      );
    } finally {
      process.off('SIGINT', cancel);
      off();
      bar?.stop();
    }
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
 * files around the catalog are brought in line with it: documents a second drive keeps beside
 * the backup come back where missing, and the sidecars of folders that have them are rewritten
 * from the restored catalog. Those steps failing is said, after the restore that did happen.
 */
export async function restoreCommand(file: string, options: Json): Promise<number> {
  const catalogPath = resolveCatalogPath(options.catalog);
  const result = restoreCatalog(catalogPath, file);
  // Checked, it still may not open (a schema this Kadar cannot migrate): the catalog it
  // replaced comes back, as when the app restores.
  try {
    openCatalog(catalogPath).close();
  } catch (error) {
    throw new KadarError('RESTORE_FAILED', undoRestore(catalogPath, result, error));
  }
  const documents = await restoreDocumentsFrom(file, catalogPath);
  let sidecars: SidecarSummary | null = null;
  let sidecarsError: ApiError | null = null;
  try {
    sidecars = await withApi(options, async (call) =>
      (await call('sidecars.status', {})).roots.some((root) => root.naming)
        ? call('sidecars.write', {})
        : null,
    );
  } catch (error) {
    sidecarsError = toApiError(error);
  }
  if (options.json) {
    await printJson({ ...result, documents, sidecars, sidecarsError });
    return 0;
  }
  const lines = [
    `Restored ${result.restored} from ${file}${result.keptAside ? `; the catalog it replaced is kept as ${result.keptAside}` : ''}`,
  ];
  if (documents.copied > 0) lines.push(`Documents copied back: ${documents.copied}`);
  for (const f of documents.failures)
    lines.push(`  document not copied back: ${f.path}: ${f.message}`);
  if (sidecars) {
    lines.push(`Sidecars rewritten from it: ${sidecars.written}`);
    for (const f of sidecars.failures) lines.push(`  not written: ${f.path}: ${f.message}`);
  }
  if (sidecars?.failed || sidecarsError)
    lines.push(
      `${sidecarsError ? `The sidecars could not be rewritten (${sidecarsError.message})` : `${sidecars!.failed} sidecars could not be written`}; they are tried again whenever the catalog opens.`,
    );
  await writeOut(`${lines.join('\n')}\n`);
  return 0;
}
