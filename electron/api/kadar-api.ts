import { KadarError } from '../../shared/errors';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cacheDirFor, documentsDirFor } from '../catalog/default-paths';
import { openCatalog, type OpenCatalogOptions } from '../catalog/open-catalog';
import { createIndexPool, type IndexPool } from '../indexer/index-pool';
import { apiEvents, type EventName, type EventPayload } from '../../shared/api/contract';
import { createApiContext } from './api-context';
import { tagsService } from './services/tags-service';
import { peopleService } from './services/people-service';
import { searchesService } from './services/searches-service';
import { createExportService } from './services/export-service';
import { galleriesService } from './services/galleries-service';
import { createBackupsService } from './services/backups-service';
import { archiveFileService } from './services/archive-file-service';
import { createSidecarsService } from './services/sidecars-service';
import { openWithPendingRestore } from '../longevity/restore-catalog';
import type { RowCounts } from '../longevity/catalog-backup';
import { dispatch, type Handlers } from './dispatch';
import { createImageService } from './image-service';
import { createIndexService } from './index-service';
import { appService, type ShellServices } from './services/app-service';
import { documentsService } from './services/documents-service';
import { eventsService } from './services/events-service';
import { historyService } from './services/history-service';
import { newsService } from './services/news-service';
import { libraryService } from './services/library-service';
import { organisationsService } from './services/organisations-service';
import { photosService } from './services/photos-service';
import { projectsService } from './services/projects-service';

export interface KadarApiOptions extends OpenCatalogOptions {
  catalogPath: string;
  cacheDir?: string;
  shell?: ShellServices;
  /** Files indexed at once, and export's threads; unset, each takes its own default. */
  threads?: number;
  /** Back the catalog up daily while open and at close (the app; not one-shot commands). */
  autoBackup?: { firstDelayMs?: number; everyMs?: number };
  /**
   * Carry out a restore the window asked for, before opening: only the window's own next
   * start does, never a command run meanwhile beside a window still open.
   */
  applyPendingRestore?: boolean;
  /** The waiting copy's row counts, when it was just checked in a worker (window-api.ts). */
  pendingRestoreChecked?: RowCounts;
  /**
   * The opener says itself how the restore went (a window's reopening, by `catalog.reopened`):
   * a failure is not also kept as the last backup's, which every window would say again.
   */
  restoreAnnounced?: boolean;
  /**
   * Closes this API and opens the catalog again (window-api.ts): given, a restore happens at
   * once instead of at the next start. Resolves to whether this API was closed: not when the
   * restore was refused before (its copy damaged, or gone), and this API goes on.
   */
  reopen?: () => Promise<boolean>;
}

const version = (
  JSON.parse(
    readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'),
  ) as { version: string }
).version;

/**
 * The catalog core behind the API contract, for any transport. It owns the catalog's only
 * connection (the single writer), the worker pool, and the services of each domain; this
 * file only wires them.
 */
export function createKadarApi(options: KadarApiOptions) {
  // A restore asked for while the catalog was open happens now, before it opens.
  const { opened: db, restored } = options.applyPendingRestore
    ? openWithPendingRestore(
        options.catalogPath,
        () => openCatalog(options.catalogPath, options),
        options.pendingRestoreChecked,
      )
    : { opened: openCatalog(options.catalogPath, options), restored: null };
  const cacheDir = options.cacheDir ?? cacheDirFor(options.catalogPath);
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  let pool: IndexPool | null = null;
  let closing: Promise<void> | null = null;
  const getPool = () => (pool ??= createIndexPool(options.threads));
  // Checked here, where events leave, so renderers can take them as the contract says.
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) =>
    emitter.emit('event', event, apiEvents[event].parse(payload));
  const ctx = createApiContext({ db, catalogPath: options.catalogPath, cacheDir, emit });
  const documentsDir = documentsDirFor(options.catalogPath);
  const indexing = createIndexService(db, cacheDir, getPool, emit, documentsDir);
  const images = createImageService(db, cacheDir, getPool);
  const photos = photosService(ctx);
  const documents = documentsService(ctx, { documentsDir, pool: getPool });
  const exporting = createExportService(ctx, options.threads);
  const backups = createBackupsService(ctx, options.autoBackup ?? null, {
    reopen: options.reopen ?? null,
    restoreFailure:
      restored && 'error' in restored && !options.restoreAnnounced ? restored.error : null,
  });
  const sidecars = createSidecarsService(ctx);
  // Sidecars follow every change, whoever made it (an edit, an undo, a rescan).
  emitter.on('event', (event: EventName, payload: unknown) => {
    if (event === 'catalog.changed')
      sidecars.changed((payload as EventPayload<'catalog.changed'>).kinds);
    else if (event === 'index.finished') sidecars.changed(['tags', 'people']);
  });

  const handlers: Handlers = {
    ...appService(ctx, {
      indexing,
      shell: options.shell ?? { kind: 'browser' },
      version,
      documentPath: (id) => {
        const doc = documents.require(id);
        if (doc.missing)
          throw new KadarError(
            'DOCUMENT_MISSING',
            `${doc.fileName} is not at ${doc.path}: it was moved or deleted, or its drive is not connected.`,
          );
        return doc.path;
      },
      attachDocument: documents.handlers['documents.attach'],
    }),
    ...documents.handlers,
    ...libraryService(ctx, indexing),
    ...photos,
    ...eventsService(ctx),
    ...projectsService(ctx),
    ...organisationsService(ctx),
    ...newsService(ctx),
    ...historyService(ctx),
    ...tagsService(ctx),
    ...peopleService(ctx),
    ...searchesService(ctx),
    ...galleriesService(ctx),
    ...backups.handlers,
    ...archiveFileService(ctx, { documentsDir, pool: getPool }),
    ...sidecars.handlers,
    ...exporting.handlers,
  };

  return {
    db,
    cacheDir,
    /** The restore this opening carried out (or why it could not), if one was asked for. */
    restored,
    handlers,
    call: (method: unknown, input: unknown) => dispatch(handlers, method, input),
    images,
    documentFile: documents.documentFile,
    indexing,
    exporting,
    warmUp: photos.warmUp,
    /** Every event, for transports to forward. */
    onEvent(listener: (event: EventName, payload: unknown) => void): () => void {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    /**
     * `finalBackup: false` when the catalog closes to be replaced (see backups-service.ts).
     * Once: a second call (a restore's reopening meeting the app's quitting) waits for the
     * first. The catalog is closed whatever failed on the way.
     */
    close({ finalBackup = true }: { finalBackup?: boolean } = {}): Promise<void> {
      closing ??= (async () => {
        try {
          indexing.cancel();
          await Promise.all([indexing.idle(), exporting.close()]);
          await sidecars.close();
          await backups.close({ finalBackup });
        } finally {
          try {
            if (pool) await pool.destroy();
          } finally {
            db.close();
          }
        }
      })();
      return closing;
    },
  };
}

export type KadarApi = ReturnType<typeof createKadarApi>;
