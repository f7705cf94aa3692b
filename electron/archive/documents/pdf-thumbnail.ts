import { readPdf } from './pdf-document';

export { PdfReadError, type PdfFailure } from './pdf-document';

export interface PdfFirstPage {
  png: Buffer;
  width: number;
  height: number;
  pageCount: number;
}

/**
 * Page 1 of a PDF as a PNG whose longer side is `maxSize` px, on white (PDF pages are
 * transparent where nothing is drawn). Rejects with a PdfReadError after `timeoutMs`.
 */
export async function renderPdfFirstPage(
  data: Uint8Array,
  maxSize: number,
  options: { timeoutMs?: number } = {},
): Promise<PdfFirstPage> {
  if (!Number.isInteger(maxSize) || maxSize < 1) {
    throw new RangeError(`maxSize must be a positive integer, not ${maxSize}`);
  }
  // Loaded here, not at the top: it is a native addon that photo-only workers never need.
  const { createCanvas } = await import('@napi-rs/canvas');
  return readPdf(data, options.timeoutMs ?? 30_000, async (doc) => {
    const page = await doc.getPage(1);
    const unscaled = page.getViewport({ scale: 1 }); // with the page's /Rotate applied
    const viewport = page.getViewport({
      scale: maxSize / Math.max(unscaled.width, unscaled.height),
    });
    const width = Math.max(1, Math.round(viewport.width));
    const height = Math.max(1, Math.round(viewport.height));
    const canvas = createCanvas(width, height);
    // pdf.js types name DOM canvases; under Node it draws on @napi-rs/canvas ones (as its own
    // NodeCanvasFactory does), which have the same 2D API.
    await page.render({ canvas: canvas as never, viewport, background: 'white' }).promise;
    page.cleanup();
    return { png: await canvas.encode('png'), width, height, pageCount: doc.numPages };
  });
}
