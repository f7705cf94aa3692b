import { existsSync } from 'node:fs';
import { requireExport } from '../../catalog/exports-repo';
import { getPhotos } from '../../catalog/photos-repo';
import { catalogStats } from '../../catalog/stats-repo';
import type { appMethods } from '../../../shared/api/domains/app';
import type { documentMethods } from '../../../shared/api/domains/documents';
import { KadarError } from '../../../shared/errors';
import type { ApiContext, DomainHandlers } from '../api-context';
import type { IndexService } from '../index-service';
import {
  linkSamplePhotos,
  openSampleArchive,
  sampleArchiveDir,
  sampleDocumentsToAttach,
} from '../sample-archive';

/** What the transport adds: a native folder picker and "Show in folder" (Electron only). */
export interface ShellServices {
  kind: 'electron' | 'browser';
  pickFolder?: () => Promise<string | null>;
  showInFolder?: (path: string) => void;
  /** The native file picker, for documents to attach (paths, so they can be linked in place). */
  pickDocuments?: () => Promise<string[]>;
  /** Opens a file with the system's app for it. */
  openPath?: (path: string) => Promise<void>;
}

function unsupported(what: string): never {
  throw new KadarError('UNSUPPORTED', `${what} is only available in the desktop app.`);
}

export interface AppServiceDeps {
  indexing: IndexService;
  shell: ShellServices;
  version: string;
  documentPath: (id: number) => string;
  attachDocument: DomainHandlers<typeof documentMethods>['documents.attach'];
}

export function appService(
  ctx: ApiContext,
  { indexing, shell, version, documentPath, attachDocument }: AppServiceDeps,
): DomainHandlers<
  typeof appMethods & Pick<typeof documentMethods, 'shell.openDocument' | 'shell.pickDocuments'>
> {
  const { db } = ctx;
  return {
    'app.info': () => ({
      version,
      catalogPath: ctx.catalogPath,
      cacheDir: ctx.cacheDir,
      shell: shell.kind,
      sampleAvailable: sampleArchiveDir() != null,
    }),
    'catalog.stats': () => catalogStats(db),
    'sample.open': () => {
      const rootId = openSampleArchive(db, ctx.catalogPath);
      const everything = [
        'roots',
        'photos',
        'events',
        'projects',
        'organisations',
        'history',
      ] as const;
      ctx.emit('catalog.changed', { reason: 'sample', kinds: [...everything] });
      indexing.start([rootId]);
      indexing
        .idle()
        .then(async () => {
          linkSamplePhotos(db);
          // In the sample's folder, so linked in place, as the office may do with its own.
          for (const doc of sampleDocumentsToAttach(db))
            await attachDocument({
              owner: { eventId: doc.eventId },
              sources: [{ path: doc.path, link: true }],
              title: doc.title,
            });
          ctx.emit('catalog.changed', { reason: 'sample', kinds: [...everything, 'documents'] });
        })
        // The catalog may have been closed meanwhile; the links are made on the next open.
        .catch(() => undefined);
      return { rootId };
    },
    'shell.pickFolder': async () => ({
      path: shell.pickFolder ? await shell.pickFolder() : unsupported('Choosing a folder'),
    }),
    'shell.showInFolder': ({ photoId }) => {
      if (!shell.showInFolder) unsupported('Showing a file in its folder');
      const [photo] = getPhotos(db, [photoId]);
      if (!photo) throw new KadarError('NOT_FOUND', `There is no photo ${photoId}.`);
      shell.showInFolder(photo.path);
      return { shown: true };
    },
    'shell.showExport': ({ exportId }) => {
      if (!shell.showInFolder) unsupported('Showing an export in its folder');
      const { gallery, outDir } = requireExport(db, exportId);
      if (!gallery || !existsSync(gallery))
        throw new KadarError('NOT_FOUND', `exportId: the export is no longer at ${outDir}.`);
      shell.showInFolder(gallery);
      return { shown: true };
    },
    'shell.pickDocuments': async () => ({
      paths: shell.pickDocuments ? await shell.pickDocuments() : unsupported('Choosing files'),
    }),
    'shell.openDocument': async ({ id }) => {
      if (!shell.openPath) unsupported('Opening a document with its app');
      await shell.openPath(documentPath(id));
      return { opened: true };
    },
  };
}
