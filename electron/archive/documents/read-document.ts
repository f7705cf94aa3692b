import sharp from 'sharp';
import { cachedImagePath, thumbnailSize, writeCachedImage } from '../../catalog/thumbnail-cache';
import { FileReadError, readFileOnce } from '../../indexer/read-file-once';
import { documentKind, documentHeadBytes } from './document-kind';
import { extractPdfText } from './pdf-text';
import { renderPdfFirstPage } from './pdf-thumbnail';

export interface DocumentTask {
  path: string;
  fileName: string;
  cacheDir: string;
}

export type DocumentOutcome =
  | {
      ok: true;
      fingerprint: string;
      fileSize: number;
      mime: string;
      kind: string;
      pageCount: number | null;
      /** The PDF's own title, when it has one. */
      title: string | null;
      text: string | null;
      hasThumbnail: boolean;
    }
  | { ok: false; code: 'FILE_UNREADABLE' | 'DOCUMENT_UNREADABLE'; message: string };

// An invitation is a few hundred kilobytes; a scanned report may be a hundred megabytes.
const maxDocumentBytes = 512 * 1024 * 1024;

/**
 * Reads a document once, in a worker thread: its fingerprint, what kind of file it is, and for
 * a PDF its text (for search) and a first-page thumbnail in the cache. A PDF that cannot be
 * read is refused: attaching it would lose nothing now, but a broken copy later.
 */
export async function readDocument(task: DocumentTask): Promise<DocumentOutcome> {
  try {
    return await readFileOnce(task.path, async ({ bytes, fingerprint }) => {
      if (bytes.length > maxDocumentBytes)
        return {
          ok: false,
          code: 'DOCUMENT_UNREADABLE',
          message: `${task.fileName} is larger than 512 MB.`,
        } as const;
      const { mime, kind } = documentKind(task.fileName, bytes.subarray(0, documentHeadBytes));
      // A file named .pdf that is not one would open as nothing in the viewer: say so now.
      if (kind !== 'pdf' && /\.pdf$/i.test(task.fileName))
        return {
          ok: false,
          code: 'DOCUMENT_UNREADABLE',
          message: `${task.fileName} is not a PDF (its content is ${mime}).`,
        } as const;
      if (kind !== 'pdf')
        return {
          ok: true,
          fingerprint,
          fileSize: bytes.length,
          mime,
          kind,
          pageCount: null,
          title: null,
          text: null,
          hasThumbnail: false,
        } as const;
      try {
        const text = await extractPdfText(bytes);
        const thumbPath = cachedImagePath(task.cacheDir, 'documents', fingerprint);
        const page = await renderPdfFirstPage(bytes, thumbnailSize);
        writeCachedImage(thumbPath, await sharp(page.png).jpeg({ quality: 82 }).toBuffer());
        return {
          ok: true,
          fingerprint,
          fileSize: bytes.length,
          mime,
          kind,
          pageCount: text.pageCount,
          title: text.title,
          text: text.text || null,
          hasThumbnail: true,
        } as const;
      } catch (error) {
        return {
          ok: false,
          code: 'DOCUMENT_UNREADABLE',
          message: `${task.fileName}: ${(error as Error).message}`,
        } as const;
      }
    });
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    return {
      ok: false,
      code: 'FILE_UNREADABLE',
      message: `${task.fileName} cannot be read (${error.code}).`,
    };
  }
}
