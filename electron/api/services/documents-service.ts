import { importDocuments, type ImportContext } from '../../archive/documents/import-document';
import {
  getDocument,
  listDocuments,
  removeDocument,
  renameDocument,
} from '../../catalog/documents-repo';
import { cachedImagePath, hasCachedImage } from '../../catalog/thumbnail-cache';
import type { documentMethods, DocumentFileKind } from '../../../shared/api/domains/documents';
import { KadarError } from '../../../shared/errors';
import type { ApiContext, DomainHandlers } from '../api-context';
import { quoted } from './labels';

type Methods = Omit<typeof documentMethods, 'shell.openDocument' | 'shell.pickDocuments'>;

export interface DocumentFile {
  /** A path Kadar made or recorded, never one taken from a request. */
  path: string;
  mime: string;
  fileName: string;
  etag: string;
}

export function documentsService(
  ctx: ApiContext,
  imports: Omit<ImportContext, 'db' | 'edit' | 'cacheDir'>,
) {
  const { db } = ctx;
  const require = (id: number) => {
    const doc = getDocument(db, id, imports.documentsDir);
    if (!doc) throw new KadarError('NOT_FOUND', `id: there is no document ${id}.`);
    return doc;
  };
  const handlers: DomainHandlers<Methods> = {
    'documents.list': (owner) => listDocuments(db, owner, imports.documentsDir),
    'documents.attach': async (input) =>
      (
        await importDocuments({ ...imports, db, cacheDir: ctx.cacheDir, edit: ctx.edit }, input)
      ).map((id) => require(id)),
    'documents.rename': ({ id, title }) => {
      const doc = require(id);
      ctx.edit(`Rename ${quoted(doc.title)} to ${quoted(title)}`, (edit) =>
        renameDocument(edit, id, title),
      );
      return require(id);
    },
    'documents.remove': ({ id }) => {
      const doc = require(id);
      return {
        removed: ctx.edit(`Remove ${quoted(doc.title)}`, (edit) => removeDocument(edit, id)),
      };
    },
  };
  return {
    handlers,
    require,
    /**
     * A document's file or first-page thumbnail, by id, for the transports to send. A PDF's
     * thumbnail deleted with the cache is made again from the file.
     */
    documentFile: async (kind: DocumentFileKind, id: number): Promise<DocumentFile | null> => {
      if (!Number.isSafeInteger(id) || id < 1) return null;
      const doc = getDocument(db, id, imports.documentsDir);
      if (!doc) return null;
      if (kind === 'file')
        return doc.missing
          ? null
          : {
              path: doc.path,
              mime: doc.mime,
              fileName: doc.fileName,
              etag: `"${doc.fingerprint}"`,
            };
      if (doc.mime !== 'application/pdf') return null;
      const thumb = cachedImagePath(ctx.cacheDir, 'documents', doc.fingerprint);
      if (!hasCachedImage(thumb))
        // Written under the file's fingerprint now: a changed file makes no thumbnail for this one.
        await imports.pool().run({
          kind: 'document',
          document: { path: doc.path, fileName: doc.fileName, cacheDir: ctx.cacheDir },
        });
      return hasCachedImage(thumb)
        ? {
            path: thumb,
            mime: 'image/jpeg',
            fileName: `${doc.title}.jpg`,
            etag: `"t${doc.fingerprint}"`,
          }
        : null;
    },
  };
}
