import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type * as PdfJs from 'pdfjs-dist';
// ?worker&url: Vite emits the worker as a .js file; the app serves .mjs as octet-stream,
// which browsers refuse to run as a worker.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?worker&url';
import jbig2Url from 'pdfjs-dist/wasm/jbig2.wasm?url';
import openjpegUrl from 'pdfjs-dist/wasm/openjpeg.wasm?url';
import './pdf-viewer.css';

export type PdfViewerProps = { url: string; title: string; onClose: () => void };

type Size = { width: number; height: number };
type Loaded = { url: string; doc?: PdfJs.PDFDocumentProxy; first?: Size; error?: string };

const minScale = 0.25;
const maxScale = 5;
// Canvases past this many pixels cost hundreds of MB; zoomed in further, pages draw softer.
const maxCanvasPixels = 16_000_000;

let pdfjs: Promise<typeof PdfJs> | undefined;

// pdf.js (400 KB) loads with the first document shown, not with the app.
function loadPdfJs(): Promise<typeof PdfJs> {
  pdfjs ??= import('pdfjs-dist').then((module) => {
    module.GlobalWorkerOptions.workerSrc = workerUrl;
    return module;
  });
  return pdfjs;
}

// Scanned pages are often JBIG2 or JPEG 2000, which pdf.js decodes with WebAssembly. The
// bundle holds the .wasm files under hashed names, so they are served by name from here.
const wasmFiles: Record<string, string> = { 'jbig2.wasm': jbig2Url, 'openjpeg.wasm': openjpegUrl };
class BundledData {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const url = kind === 'wasmUrl' ? wasmFiles[filename] : undefined;
    if (!url) throw new Error(`${filename} is not bundled`);
    return new Uint8Array(await (await fetch(url)).arrayBuffer());
  }
}

function explain(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return 'This PDF is password-protected.';
  if (name === 'InvalidPDFException') return 'This file is damaged or not a PDF.';
  return error instanceof Error ? error.message : String(error);
}

/** A PDF in the app, page under page; pages are drawn as they scroll into view. */
export function PdfViewer({ url, title, onClose }: PdfViewerProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const pagesRef = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<Loaded>();
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const [areaWidth, setAreaWidth] = useState(0);

  useEffect(() => {
    // A modal <dialog> keeps focus inside, makes the app behind inert and closes on Esc.
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  useEffect(() => {
    const area = pagesRef.current;
    if (!area) return;
    const observer = new ResizeObserver(([entry]) => setAreaWidth(entry?.contentRect.width ?? 0));
    observer.observe(area);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    // The document is fetched here, so any URL the page may fetch works (pdf.js would use XHR
    // for schemes other than http).
    const abort = new AbortController();
    let task: PdfJs.PDFDocumentLoadingTask | undefined;
    void (async () => {
      const [module, response] = await Promise.all([
        loadPdfJs(),
        fetch(url, { signal: abort.signal }),
      ]);
      if (!response.ok) throw new Error(`The document could not be loaded (${response.status}).`);
      const data = new Uint8Array(await response.arrayBuffer());
      abort.signal.throwIfAborted(); // else the cleanup would miss this task
      task = module.getDocument({
        data,
        isEvalSupported: false,
        BinaryDataFactory: BundledData,
        useWorkerFetch: false,
      });
      const doc = await task.promise;
      const first = (await doc.getPage(1)).getViewport({ scale: 1 });
      if (!abort.signal.aborted) setLoaded({ url, doc, first });
    })().catch((error: unknown) => {
      if (!abort.signal.aborted) setLoaded({ url, error: explain(error) });
    });
    return () => {
      abort.abort();
      void task?.destroy();
    };
  }, [url]);

  const current = loaded?.url === url ? loaded : undefined;
  const { doc, first, error } = current ?? {};
  const fitScale = first ? areaWidth / first.width : 1;
  const scale = Math.min(maxScale, Math.max(minScale, zoom === 'fit' ? fitScale : zoom));
  const shownScale = useRef(scale);

  useLayoutEffect(() => {
    // Zooming keeps the same part of the document in view.
    const area = pagesRef.current;
    if (area) area.scrollTop *= scale / shownScale.current;
    shownScale.current = scale;
  }, [scale]);

  const zoomBy = (factor: number) =>
    setZoom(Math.min(maxScale, Math.max(minScale, Math.round(scale * factor * 100) / 100)));

  const zoomButton = (label: string, text: string, factor: number) => (
    <button type="button" className="button" aria-label={label} onClick={() => zoomBy(factor)}>
      {text}
    </button>
  );

  return (
    <dialog
      ref={dialogRef}
      className="pdf-viewer"
      role="dialog"
      aria-label={title}
      onClose={onClose}
    >
      <header className="pdf-viewer-bar">
        <h2 className="pdf-viewer-title">{title}</h2>
        <span className="hint" aria-live="polite">
          {error ?? (doc ? `${doc.numPages} ${doc.numPages === 1 ? 'page' : 'pages'}` : 'Loading…')}
        </span>
        <div className="pdf-viewer-zoom" role="group" aria-label="Zoom">
          {zoomButton('Zoom out', '−', 0.8)}
          <span className="pdf-viewer-percent">{Math.round(scale * 100)}%</span>
          {zoomButton('Zoom in', '+', 1.25)}
          <button
            type="button"
            className="button"
            aria-pressed={zoom === 'fit'}
            onClick={() => setZoom('fit')}
          >
            Fit width
          </button>
        </div>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div ref={pagesRef} className="pdf-viewer-pages" tabIndex={0}>
        {doc &&
          first &&
          areaWidth > 0 &&
          Array.from({ length: doc.numPages }, (_, i) => (
            <PdfPage key={i} doc={doc} number={i + 1} scale={scale} guess={first} />
          ))}
      </div>
    </dialog>
  );
}

type PageProps = { doc: PdfJs.PDFDocumentProxy; number: number; scale: number; guess: Size };

function PdfPage({ doc, number, scale, guess }: PageProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [size, setSize] = useState(guess);

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    // Pages within a screen of the view are drawn; others give their canvas memory back.
    const options = { root: box.parentElement, rootMargin: '100% 0px' };
    const observer = new IntersectionObserver(
      ([e]) => setNear(e?.isIntersecting ?? false),
      options,
    );
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const box = ref.current;
    if (!box || !near) {
      box?.replaceChildren();
      return;
    }
    let task: PdfJs.RenderTask | undefined;
    let stale = false;
    void (async () => {
      const page = await doc.getPage(number);
      const base = page.getViewport({ scale: 1 });
      if (stale) return;
      setSize({ width: base.width, height: base.height });
      const pixels = base.width * base.height * scale * scale;
      const ratio = Math.min(devicePixelRatio, Math.sqrt(maxCanvasPixels / pixels));
      const viewport = page.getViewport({ scale: scale * ratio });
      // A new canvas replaces the old one when drawn, so zooming never shows a blank page.
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      task = page.render({ canvas, viewport });
      await task.promise;
      if (!stale) box.replaceChildren(canvas);
    })().catch(() => {
      // Cancelled by a newer zoom or by scrolling away; a broken page stays blank.
    });
    return () => {
      stale = true;
      task?.cancel();
    };
  }, [doc, number, scale, near]);

  return (
    <div
      ref={ref}
      className="pdf-viewer-page"
      role="img"
      aria-label={`Page ${number}`}
      style={{ width: size.width * scale, height: size.height * scale }}
    />
  );
}
