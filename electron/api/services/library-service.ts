import { folderTree } from '../../catalog/folders-repo';
import { lastRunIssues } from '../../catalog/index-runs-repo';
import { addLibraryRoot } from '../../catalog/library-roots';
import { listPhotos } from '../../catalog/photos-repo';
import { listRoots } from '../../catalog/roots-repo';
import type { indexingMethods } from '../../../shared/api/domains/indexing';
import type { rootMethods } from '../../../shared/api/domains/roots';
import type { ApiContext, DomainHandlers } from '../api-context';
import type { IndexService } from '../index-service';

/** The library's folders and their indexing. */
export function libraryService(
  ctx: ApiContext,
  indexing: IndexService,
): DomainHandlers<typeof rootMethods & typeof indexingMethods> {
  const { db } = ctx;
  return {
    'roots.list': () => listRoots(db),
    'roots.add': ({ path }) => {
      const added = addLibraryRoot(db, path);
      ctx.emit('catalog.changed', { reason: 'roots', kinds: ['roots', 'photos'] });
      return added;
    },
    'roots.folders': ({ rootId }) => folderTree(db, rootId),
    'index.start': ({ rootIds }) => indexing.start(rootIds),
    'index.cancel': () => indexing.cancel(),
    'index.state': () => indexing.state(),
    'index.issues': () => [
      ...lastRunIssues(db),
      ...listPhotos(db, { hasError: true, limit: 1000, sort: 'name', order: 'asc' }).items.map(
        (p) => ({ path: p.path, code: p.errorCode ?? 'ERROR', message: p.error ?? '' }),
      ),
    ],
  };
}
