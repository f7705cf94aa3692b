import type { IndexSummary } from '../../../shared/api/progress-schema';
import { KadarError } from '../../../shared/errors';
import { addLibraryRoot } from '../../catalog/library-roots';
import { anySidecarsOn, listRoots } from '../../catalog/roots-repo';
import type { IndexPool } from '../../indexer/index-pool';
import { runIndexJob } from '../../indexer/index-job';
import { importArchiveFiles, withArchiveFiles } from '../../longevity/folder-archive';
import { openCliCatalog, writeOut } from '../cli-context';
import { documentsDirFor, resolveCatalogPath } from '../../catalog/default-paths';
import { createProgressReporter } from '../progress-bar';
import type { IndexCommandOptions } from './index-command';

/** The run itself, once the worker threads are starting: catalog, walk, progress, summary. */
export async function indexWithPool(
  folders: string[] | null,
  options: IndexCommandOptions,
  pool: IndexPool,
): Promise<number> {
  const { db, cacheDir } = openCliCatalog(options);
  let rootIds: number[];
  if (folders) {
    rootIds = [];
    for (const folder of folders) {
      const added = addLibraryRoot(db, folder);
      if (!rootIds.includes(added.rootId)) rootIds.push(added.rootId);
    }
  } else {
    const roots = listRoots(db);
    const wanted = options.root ?? roots.map((r) => r.id);
    for (const id of wanted)
      if (!roots.some((r) => r.id === id))
        throw new KadarError('NOT_FOUND', `There is no library folder ${id}.`);
    rootIds = wanted;
  }

  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    process.stderr.write(
      '\nkadar: cancelling, keeping what is done (Ctrl-C again to quit at once)\n',
    );
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  const mode = options.progress ?? (process.stderr.isTTY ? 'bar' : 'none');
  const reporter = createProgressReporter(mode);
  let summary: IndexSummary;
  try {
    const before = await importArchiveFiles(db, rootIds);
    summary = await runIndexJob({
      db,
      cacheDir,
      pool,
      rootIds,
      kind: folders ? 'index' : 'rescan',
      signal: controller.signal,
      onProgress: (p) => reporter.update(p),
      progressInterval: mode === 'ndjson' ? 250 : 100,
    });
    summary = await withArchiveFiles(db, before, summary, {
      documentsDir: documentsDirFor(resolveCatalogPath(options.catalog)),
      cacheDir,
      pool: () => pool,
    });
    // The run may have left sidecars owed (files another tool changed, photos restored from
    // their sidecars); the app writes them as changes settle, this command before it ends.
    if (summary.status === 'completed' && anySidecarsOn(db)) {
      const { writeOwedNow } = await import('../../longevity/sidecars/write-owed-now');
      const issues = await writeOwedNow(db, { signal: controller.signal });
      summary = { ...summary, issues: [...summary.issues, ...issues] };
    }
  } finally {
    reporter.stop();
    process.off('SIGINT', onSigint);
    db.close();
  }
  if (options.json) await writeOut(`${JSON.stringify(summary, null, 2)}\n`);
  else await writeOut(describeSummary(summary));
  return summary.status === 'completed' ? 0 : summary.status === 'cancelled' ? 130 : 1;
}

export function describeSummary(s: IndexSummary): string {
  const lines = [
    `${s.status === 'completed' ? 'Done' : s.status === 'cancelled' ? 'Cancelled' : 'Failed'} in ${s.seconds.toFixed(1)} s: ` +
      `${s.found} files found, ${s.added} added, ${s.updated} updated, ${s.moved} moved, ${s.unchanged} unchanged, ` +
      `${s.missing} now missing, ${s.restored} back, ${s.failed} failed.`,
  ];
  if (s.failures.length) {
    lines.push(`Files that could not be read fully (${s.failed}):`);
    for (const f of s.failures) lines.push(`  ${f.path}: ${f.message}`);
    if (s.failed > s.failures.length)
      lines.push(
        `  … and ${s.failed - s.failures.length} more (kadar photos --json lists them all).`,
      );
  }
  if (s.issues.length) {
    lines.push('Folders, drives and files beside the photos with problems:');
    for (const i of s.issues) lines.push(`  ${i.path ? `${i.path}: ` : ''}${i.message}`);
  }
  return `${lines.join('\n')}\n`;
}
