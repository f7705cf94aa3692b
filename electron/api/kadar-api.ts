import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cacheDirFor } from '../catalog/default-paths';
import { listCameras } from '../catalog/cameras-repo';
import { listEvents } from '../catalog/events-repo';
import { folderTree } from '../catalog/folders-repo';
import { lastRunIssues } from '../catalog/index-runs-repo';
import { addLibraryRoot } from '../catalog/library-roots';
import { openCatalog, type Catalog, type OpenCatalogOptions } from '../catalog/open-catalog';
import { getPhotos, listPhotos, photoDays, photoIds } from '../catalog/photos-repo';
import { listProjects } from '../catalog/projects-repo';
import { listRoots } from '../catalog/roots-repo';
import { catalogStats } from '../catalog/stats-repo';
import { listTags } from '../catalog/tags-repo';
import { createIndexPool, type IndexPool } from '../indexer/index-pool';
import {
  apiEvents,
  apiMethods,
  type EventName,
  type EventPayload,
} from '../../shared/api/contract';
import { KadarError } from '../../shared/errors';
import { dispatch, type Handlers } from './dispatch';
import { createImageService } from './image-service';
import { recentResults } from './recent-results';
import { createIndexService } from './index-service';
import { linkSamplePhotos, openSampleArchive, sampleArchiveDir } from './sample-archive';

export interface KadarApiOptions extends OpenCatalogOptions {
  catalogPath: string;
  cacheDir?: string;
  /** What the transport adds: a native folder picker and "Show in folder" (Electron only). */
  shell?: {
    kind: 'electron' | 'browser';
    pickFolder?: () => Promise<string | null>;
    showInFolder?: (path: string) => void;
  };
  threads?: number;
}

const version = (
  JSON.parse(
    readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'),
  ) as { version: string }
).version;

function unsupported(what: string): never {
  throw new KadarError('UNSUPPORTED', `${what} is only available in the desktop app.`);
}

/**
 * The catalog core behind the API contract, for any transport. It owns the catalog's only
 * connection (the single writer), the worker pool, the indexing service and image lookups.
 */
export function createKadarApi(options: KadarApiOptions) {
  const db: Catalog = openCatalog(options.catalogPath, options);
  const cacheDir = options.cacheDir ?? cacheDirFor(options.catalogPath);
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  let pool: IndexPool | null = null;
  const getPool = () => (pool ??= createIndexPool(options.threads));
  // Checked here, where events leave, so renderers can take them as the contract says.
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) =>
    emitter.emit('event', event, apiEvents[event].parse(payload));
  const indexing = createIndexService(db, cacheDir, getPool, emit);
  const images = createImageService(db, cacheDir, getPool);
  const shell = options.shell ?? { kind: 'browser' };
  const gridIds = recentResults(db, (query: Parameters<Handlers['photos.ids']>[0]) =>
    photoIds(db, query, query),
  );

  const handlers: Handlers = {
    'app.info': () => ({
      version,
      catalogPath: options.catalogPath,
      cacheDir,
      shell: shell.kind,
      sampleAvailable: sampleArchiveDir() != null,
    }),
    'catalog.stats': () => catalogStats(db),
    'roots.list': () => listRoots(db),
    'roots.add': ({ path }) => {
      const added = addLibraryRoot(db, path);
      emit('catalog.changed', { reason: 'roots' });
      return added;
    },
    'roots.folders': ({ rootId }) => folderTree(db, rootId),
    'photos.ids': (query) => gridIds(query),
    'photos.get': ({ ids }) => getPhotos(db, ids),
    'photos.page': (query) => listPhotos(db, query),
    'photos.days': (filter) => photoDays(db, filter),
    'cameras.list': () => listCameras(db),
    'tags.list': () => listTags(db),
    'events.list': ({ projectId }) => listEvents(db, projectId),
    'projects.list': () => listProjects(db),
    'index.start': ({ rootIds }) => indexing.start(rootIds),
    'index.cancel': () => indexing.cancel(),
    'index.state': () => indexing.state(),
    'index.issues': () => [
      ...lastRunIssues(db),
      ...listPhotos(db, { hasError: true, limit: 1000, sort: 'name', order: 'asc' }).items.map(
        (p) => ({ path: p.path, code: p.errorCode ?? 'ERROR', message: p.error ?? '' }),
      ),
    ],
    'sample.open': () => {
      const rootId = openSampleArchive(db, options.catalogPath);
      emit('catalog.changed', { reason: 'sample' });
      indexing.start([rootId]);
      indexing
        .idle()
        .then(() => {
          linkSamplePhotos(db);
          emit('catalog.changed', { reason: 'sample' });
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
  };

  return {
    db,
    cacheDir,
    handlers,
    call: (method: unknown, input: unknown) => dispatch(handlers, method, input),
    images,
    indexing,
    /**
     * Reads what a window asks first (the whole library, newest first) into SQLite's page
     * cache and the ids cache, so the first screen does not wait on a cold catalog.
     */
    warmUp(): void {
      // The contract's defaults are the renderer's first query.
      gridIds(apiMethods['photos.ids'].input.parse({}));
    },
    /** Every event, for transports to forward. */
    onEvent(listener: (event: EventName, payload: unknown) => void): () => void {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    async close(): Promise<void> {
      indexing.cancel();
      await indexing.idle();
      if (pool) await pool.destroy();
      db.close();
    },
  };
}

export type KadarApi = ReturnType<typeof createKadarApi>;
