import { resolve } from 'node:path';
import type { IndexPool } from '../../indexer/index-pool';
import { aboutFile, readArchiveFile } from '../../longevity/archive/archive-file';
import { exportArchiveInWorker } from '../../longevity/archive/export-archive-in-worker';
import { importArchive } from '../../longevity/archive/import-archive';
import { readDocumentTexts } from '../../longevity/archive/read-document-texts';
import { checkOutputTarget } from '../../longevity/output-target';
import type { archiveFileMethods } from '../../../shared/api/domains/archive-file';
import { entityKinds, type EntityKind } from '../../../shared/api/entity-kinds';
import type { ApiContext, DomainHandlers } from '../api-context';

// Everything an import may add to or change, for views to re-ask (it leaves no history step).
const importedKinds: EntityKind[] = entityKinds.filter((k) => k !== 'history');

/** The archive file (docs/archive-format.md): the whole catalog's own data out, and back in. */
export function archiveFileService(
  ctx: ApiContext,
  documents: { documentsDir: string; pool: () => IndexPool },
): DomainHandlers<typeof archiveFileMethods> {
  return {
    'archive.export': async ({ path }) => {
      const target = checkOutputTarget(path, ctx.catalogPath, 'archive', 'path');
      return {
        path: target,
        counts: await exportArchiveInWorker({ catalogPath: ctx.catalogPath, target }),
      };
    },
    'archive.import': async ({ path }) => {
      const source = resolve(path);
      const input = readArchiveFile(source);
      const summary = aboutFile(source, () => importArchive(ctx.db, input, { placeholders: true }));
      const changed = Object.values(summary.counts).some((c) => c.created + c.updated > 0);
      let documentTexts = 0;
      try {
        documentTexts = await readDocumentTexts(ctx.db, { ...documents, cacheDir: ctx.cacheDir });
      } finally {
        // Once, after the texts too: they are what a search finds the documents by.
        if (changed || documentTexts > 0)
          ctx.emit('catalog.changed', { reason: 'import', kinds: importedKinds });
      }
      return { path: source, ...summary, documentTexts };
    },
  };
}
