import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { documentHeadBytes, documentKind } from './document-kind';

/**
 * Opens a PDF with pdf.js under plain Node, in the main thread or a worker thread, and turns
 * pdf.js's failures into errors a user can read. Shared by text extraction and thumbnails.
 */

export type PdfFailure = 'empty' | 'not-pdf' | 'encrypted' | 'damaged' | 'timeout';

export class PdfReadError extends Error {
  readonly reason: PdfFailure;

  constructor(reason: PdfFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PdfReadError';
    this.reason = reason;
  }
}

/** Throws a timeout error once the deadline has passed; call it between units of work. */
export type CheckTime = () => void;

let pdfjs: Promise<typeof PdfJs> | undefined;

// Loaded on first use: pdf.js is 3 MB of JavaScript that photo-only workers never need.
function loadPdfJs(): Promise<typeof PdfJs> {
  pdfjs ??= (async () => {
    // Under Node pdf.js parses on the calling thread (its "fake worker") with the handler it
    // finds on globalThis.pdfjsWorker, which this import sets. Left to itself it would import
    // './pdf.worker.mjs' relative to its own file, which a bundle does not have.
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjs;
}

// pdf.js reads its data files (fonts for the 14 standard fonts, CMaps for CJK text, WebAssembly
// image decoders) from the installed package at run time: node_modules ships with the app.
// Node's fs takes these as paths, and pdf.js wants them to end in '/', also on Windows.
function packageDir(): string {
  const packageJson = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  return `${dirname(packageJson).replaceAll('\\', '/')}/`;
}

function checkBytes(data: Uint8Array): void {
  if (data.length === 0) throw new PdfReadError('empty', 'The file is empty (0 bytes).');
  const { kind, mime } = documentKind('', data.subarray(0, documentHeadBytes));
  if (kind === 'pdf') return;
  const looksLike = mime === 'application/octet-stream' ? '' : ` (its content is ${mime})`;
  throw new PdfReadError('not-pdf', `Not a PDF: the file does not start with %PDF${looksLike}.`);
}

function explain(error: unknown): PdfReadError {
  if (error instanceof PdfReadError) return error;
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    return new PdfReadError('encrypted', 'The PDF is password-protected, so it cannot be read.', {
      cause: error,
    });
  }
  if (name === 'InvalidPDFException') {
    return new PdfReadError(
      'damaged',
      `The PDF is damaged or incomplete (was it copied only in part?): ${detail}`,
      { cause: error },
    );
  }
  return new PdfReadError('damaged', `The PDF could not be read: ${detail}`, { cause: error });
}

/**
 * Opens `data` (left untouched: pdf.js gets a copy), runs `read` on the document and closes
 * it. Rejects with a PdfReadError, also when `timeoutMs` passes first. pdf.js parses in
 * microtasks, so the timer fires only between its steps: `read` should call `checkTime`
 * between pages, and a single pathological page can still run long: only terminating the
 * thread would stop that, and the pool does not (see IndexPool.run).
 */
export async function readPdf<T>(
  data: Uint8Array,
  timeoutMs: number,
  read: (doc: PDFDocumentProxy, checkTime: CheckTime) => Promise<T>,
): Promise<T> {
  checkBytes(data);
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const dir = packageDir();
  const task = getDocument({
    data: new Uint8Array(data), // pdf.js transfers (detaches) the buffer it gets
    cMapUrl: `${dir}cmaps/`,
    standardFontDataUrl: `${dir}standard_fonts/`,
    wasmUrl: `${dir}wasm/`,
    iccUrl: `${dir}iccs/`,
    // No code generated from the file (PostScript functions), no system fonts, no font loading
    // into a document (there is none), no XFA forms.
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    enableXfa: false,
    // Images over 100 megapixels are skipped rather than decoded (400 MB each).
    maxImageSize: 100_000_000,
    verbosity: VerbosityLevel.ERRORS,
  });

  const timedOut = () =>
    new PdfReadError('timeout', `Gave up reading the PDF after ${timeoutMs / 1000} s.`);
  const deadline = Date.now() + timeoutMs;
  const checkTime = () => {
    if (Date.now() > deadline) throw timedOut();
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut()), timeoutMs);
  });
  const work = task.promise.then((doc) => read(doc, checkTime));
  // After a timeout the work fails on its own (destroyed document); nobody awaits it then.
  work.catch(() => {});
  try {
    return await Promise.race([work, timeout]);
  } catch (error) {
    throw explain(error);
  } finally {
    clearTimeout(timer);
    await task.destroy();
  }
}
