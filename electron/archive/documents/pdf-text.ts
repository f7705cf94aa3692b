import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readPdf } from './pdf-document';

export { PdfReadError, type PdfFailure } from './pdf-document';

export interface PdfTextOptions {
  /** Pages read from the start; later pages are left out of `text`. */
  maxPages?: number;
  /** `text` is cut at this length. */
  maxChars?: number;
  /** Reading gives up with a PdfReadError after this long. */
  timeoutMs?: number;
}

export interface PdfText {
  /** All pages of the document, also those past `maxPages`. */
  pageCount: number;
  /** One line of text per line on the page, pages separated by a blank line. */
  text: string;
  /** The document information's Title, if set. */
  title: string | null;
}

// Long enough for a 200-page report, whose text pdf.js reads in a few seconds.
const defaults = { maxPages: 200, maxChars: 1_000_000, timeoutMs: 30_000 };

/** The text of a PDF, for search and for showing beside the document. */
export async function extractPdfText(
  data: Uint8Array,
  options: PdfTextOptions = {},
): Promise<PdfText> {
  const { maxPages, maxChars, timeoutMs } = { ...defaults, ...options };
  return readPdf(data, timeoutMs, async (doc, checkTime) => {
    const pages: string[] = [];
    let length = 0;
    for (let n = 1; n <= Math.min(doc.numPages, maxPages) && length < maxChars; n++) {
      checkTime();
      const page = await doc.getPage(n);
      const text = await pageText(page);
      page.cleanup();
      if (text === '') continue;
      pages.push(text);
      length += text.length + 2;
    }
    const { info } = await doc.getMetadata();
    return {
      pageCount: doc.numPages,
      text: pages.join('\n\n').slice(0, maxChars),
      title: cleanTitle((info as { Title?: unknown }).Title),
    };
  });
}

async function pageText(page: PDFPageProxy): Promise<string> {
  const content = await page.getTextContent();
  let raw = '';
  for (const item of content.items) {
    if ('str' in item) raw += item.hasEOL ? `${item.str}\n` : item.str;
  }
  // Blank lines are kept for page breaks only.
  return raw
    .split('\n')
    .map(collapse)
    .filter((line) => line !== '')
    .join('\n');
}

function collapse(line: string): string {
  // Glyphs without a Unicode mapping come out as control characters.
  return line
    .replace(/[^\P{Cc}\t\n\r]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function cleanTitle(title: unknown): string | null {
  if (typeof title !== 'string') return null;
  return collapse(title) || null;
}
