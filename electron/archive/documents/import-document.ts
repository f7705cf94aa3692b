import { realpathSync, rmSync, statSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import type { DocumentOwner } from '../../../shared/api/domains/documents';
import type { documentMethods } from '../../../shared/api/domains/documents';
import { KadarError } from '../../../shared/errors';
import { attachDocument } from '../../catalog/documents-repo';
import { requireEvent } from '../../catalog/events-repo';
import type { Catalog } from '../../catalog/open-catalog';
import { requireProject } from '../../catalog/projects-repo';
import { findRootContaining } from '../../catalog/roots-repo';
import type { Edit } from '../../edits/edit';
import type { IndexPool } from '../../indexer/index-pool';
import type { DocumentOutcome } from './read-document';
import { storeCopy, storedNameOf, writeIncoming } from './document-store';
import type { z } from 'zod';

type AttachInput = z.output<(typeof documentMethods)['documents.attach']['input']>;

export interface ImportContext {
  db: Catalog;
  cacheDir: string;
  documentsDir: string;
  pool: () => IndexPool;
  edit: <T>(label: string, command: (edit: Edit) => T) => T;
}

function ownerTitle(db: Catalog, owner: DocumentOwner): string {
  return 'eventId' in owner
    ? requireEvent(db, owner.eventId, 'owner.eventId').title
    : requireProject(db, owner.projectId, 'owner.projectId').name;
}

/** The file a source names: a picked path as it is, dropped bytes as a private temporary file. */
function sourceFile(ctx: ImportContext, source: AttachInput['source']) {
  if ('path' in source) {
    let stats;
    try {
      stats = statSync(source.path);
    } catch (error) {
      throw new KadarError(
        'FILE_UNREADABLE',
        `source.path: ${source.path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      );
    }
    if (!stats.isFile())
      throw new KadarError('INVALID_INPUT', `source.path: ${source.path} is not a file.`);
    return { path: source.path, fileName: basename(source.path), temporary: false };
  }
  const data = Buffer.from(source.dataBase64, 'base64');
  return {
    path: writeIncoming(ctx.documentsDir, data),
    fileName: source.fileName,
    temporary: true,
  };
}

/** A linked file stays where it is, under a library folder, like the photos there. */
function linkPlace(db: Catalog, path: string) {
  const real = realpathSync(path);
  const root = findRootContaining(db, real);
  if (!root)
    throw new KadarError(
      'INVALID_INPUT',
      `source.link: ${path} is not inside a library folder. Copy it into the archive, or add its folder to the library first.`,
    );
  return { rootId: root.id, relPath: relative(root.path, real).split(sep).join('/') };
}

/**
 * Attaches a document: reads it once in a worker (fingerprint, kind, a PDF's text and
 * thumbnail), stores a copy or links it in place, and records it as one undoable step.
 * Bad input changes nothing.
 */
export async function importDocument(ctx: ImportContext, input: AttachInput): Promise<number> {
  const owner = ownerTitle(ctx.db, input.owner);
  const link = 'path' in input.source && input.source.link === true;
  const file = sourceFile(ctx, input.source);
  try {
    const place = link ? linkPlace(ctx.db, file.path) : null;
    const read = (await ctx.pool().files.run({
      kind: 'document',
      document: { path: file.path, fileName: file.fileName, cacheDir: ctx.cacheDir },
    })) as DocumentOutcome;
    if (!read.ok) throw new KadarError(read.code, read.message);
    const storedName = storedNameOf(read.fingerprint, file.fileName);
    if (!place) storeCopy(ctx.documentsDir, storedName, file.path);
    // A PDF's own title is often "Microsoft Word - pozivnica.docx": the file name says more.
    const title = input.title ?? file.fileName.replace(/\.[^.]+$/, '');
    return ctx.edit(`Attach “${title}” to “${owner}”`, (edit) =>
      attachDocument(edit, {
        title,
        fileName: file.fileName,
        mime: read.mime,
        fileSize: read.fileSize,
        fingerprint: read.fingerprint,
        pageCount: read.pageCount,
        stored: place ?? { storedName },
        owner: input.owner,
        text: read.text,
      }),
    );
  } finally {
    if (file.temporary) rmSync(file.path, { force: true });
  }
}
