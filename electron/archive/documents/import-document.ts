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
import { storeCopy, storedNameOf, unstore, writeIncoming } from './document-store';
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
function sourceFile(ctx: ImportContext, source: AttachInput['sources'][number], at: string) {
  if ('path' in source) {
    let stats;
    try {
      stats = statSync(source.path);
    } catch (error) {
      throw new KadarError(
        'FILE_UNREADABLE',
        `${at}.path: ${source.path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      );
    }
    if (!stats.isFile())
      throw new KadarError('INVALID_INPUT', `${at}.path: ${source.path} is not a file.`);
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
function linkPlace(db: Catalog, path: string, at: string) {
  const real = realpathSync(path);
  const root = findRootContaining(db, real);
  if (!root)
    throw new KadarError(
      'INVALID_INPUT',
      `${at}.link: ${path} is not inside a library folder. Copy it into the archive, or add its folder to the library first.`,
    );
  return { rootId: root.id, relPath: relative(root.path, real).split(sep).join('/') };
}

type Source = AttachInput['sources'][number];

/** Reads one source in a worker and finds its place: where it is linked, or its copy's name. */
async function prepare(ctx: ImportContext, source: Source, at: string, temporaries: string[]) {
  const file = sourceFile(ctx, source, at);
  if (file.temporary) temporaries.push(file.path);
  const link = 'path' in source && source.link === true;
  const place = link ? linkPlace(ctx.db, file.path, at) : null;
  const read = (await ctx.pool().run({
    kind: 'document',
    document: { path: file.path, fileName: file.fileName, cacheDir: ctx.cacheDir },
  })) as DocumentOutcome;
  if (!read.ok) throw new KadarError(read.code, read.message);
  return { file, place, read, storedName: storedNameOf(read.fingerprint, file.fileName) };
}

/**
 * Attaches documents: reads each once in a worker (fingerprint, kind, a PDF's text and
 * thumbnail), stores a copy or links it in place, and records them all as one undoable step.
 * When one cannot be read, none is attached and the copies made for the others are removed.
 */
export async function importDocuments(ctx: ImportContext, input: AttachInput): Promise<number[]> {
  const owner = ownerTitle(ctx.db, input.owner);
  const temporaries: string[] = [];
  const copied: string[] = [];
  try {
    const prepared: Awaited<ReturnType<typeof prepare>>[] = [];
    for (const [i, source] of input.sources.entries())
      prepared.push(await prepare(ctx, source, `sources[${i}]`, temporaries));
    for (const p of prepared)
      if (!p.place && storeCopy(ctx.documentsDir, p.storedName, p.file.path))
        copied.push(p.storedName);
    // A PDF's own title is often "Microsoft Word - pozivnica.docx": the file name says more.
    const titles = prepared.map((p) =>
      prepared.length === 1 && input.title ? input.title : p.file.fileName.replace(/\.[^.]+$/, ''),
    );
    const label =
      prepared.length === 1
        ? `Attach “${titles[0]}” to “${owner}”`
        : `Attach ${prepared.length} documents to “${owner}”`;
    const ids = ctx.edit(label, (edit) =>
      prepared.map((p, i) =>
        attachDocument(edit, {
          title: titles[i]!,
          fileName: p.file.fileName,
          mime: p.read.mime,
          fileSize: p.read.fileSize,
          fingerprint: p.read.fingerprint,
          pageCount: p.read.pageCount,
          stored: p.place ?? { storedName: p.storedName },
          owner: input.owner,
          text: p.read.text,
        }),
      ),
    );
    copied.length = 0;
    return ids;
  } finally {
    for (const storedName of copied) unstore(ctx.documentsDir, storedName);
    for (const path of temporaries) rmSync(path, { force: true });
  }
}
