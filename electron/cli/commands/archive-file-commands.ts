import { printJson, typedPath, withApi, writeOut, type GlobalOptions } from '../cli-context';

interface Json extends GlobalOptions {
  json?: boolean;
}

/** `kadar archive export FILE`: the whole catalog's own data as one JSON file. */
export async function archiveExportCommand(file: string, options: Json): Promise<number> {
  return withApi(options, async (call) => {
    const result = await call('archive.export', { path: typedPath(file) });
    if (options.json) await printJson(result);
    else {
      const listed = Object.entries(result.counts)
        .filter(([, n]) => n > 0)
        .map(([kind, n]) => `${n} ${kind}`);
      await writeOut(`Wrote ${result.path}: ${listed.join(', ') || 'an empty catalog'}\n`);
    }
    return 0;
  });
}

/** `kadar archive import FILE`: an archive file into the catalog, matched so nothing doubles. */
export async function archiveImportCommand(file: string, options: Json): Promise<number> {
  return withApi(options, async (call) => {
    const result = await call('archive.import', { path: typedPath(file) });
    if (options.json) await printJson(result);
    else {
      const lines = Object.entries(result.counts)
        .filter(([, c]) => c.created + c.matched > 0)
        .map(
          ([kind, c]) =>
            `  ${kind}: ${c.created} new, ${c.matched} already here${c.updated ? ` (${c.updated} changed)` : ''}\n`,
        );
      const notes = [
        result.unresolvedPhotoRefs > 0
          ? `${result.unresolvedPhotoRefs} photos it names are in neither the file nor the catalog.\n`
          : '',
        result.counts.photos.created > 0
          ? `${result.counts.photos.created} photos are waiting for their folders to be indexed (kadar rescan).\n`
          : '',
      ];
      await writeOut(`Imported ${result.path}\n${lines.join('')}${notes.join('')}`);
    }
    return 0;
  });
}
