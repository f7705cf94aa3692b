/**
 * The exported gallery's script, bundled to one classic IIFE (assets/gallery.js): Chromium
 * refuses ES modules, fetch and import() on file:// pages, so PhotoSwipe's core is imported
 * statically and handed over as a class instead of the usual `() => import('photoswipe')`.
 */
import PhotoSwipe from 'photoswipe';
import PhotoSwipeLightbox from 'photoswipe/lightbox';

// This file is typechecked by the root tsconfig, which has no DOM lib, and a
// `/// <reference lib="dom" />` here would hand the DOM to every file of that program (it
// changed Buffer types in electron/export/render-export.ts). So the little of the DOM used here
// is declared locally; PhotoSwipe's own DOM-typed parameters arrive as `any` and are narrowed.
interface CaptionLine {
  className: string;
  textContent: string | null;
}
interface CaptionElement {
  hidden: boolean;
  setAttribute(name: string, value: string): void;
  replaceChildren(...nodes: CaptionLine[]): void;
}
interface GalleryLink {
  dataset: Partial<Record<string, string>>;
}
declare const document: { createElement(tag: string): CaptionLine };

function showCaption(element: CaptionElement, link: GalleryLink | undefined): void {
  const lines: CaptionLine[] = [];
  for (const [key, tag] of [
    ['title', 'strong'],
    ['caption', 'span'],
    ['credit', 'small'],
  ] as const) {
    const value = link?.dataset[key];
    if (!value) continue;
    const line = document.createElement(tag);
    line.className = `pswp__caption-${key}`;
    // textContent, never innerHTML: captions are whatever people typed into the archive.
    line.textContent = value;
    lines.push(line);
  }
  element.replaceChildren(...lines);
  element.hidden = lines.length === 0;
}

const lightbox = new PhotoSwipeLightbox({
  // One gallery for the whole page, so the arrows carry on from one section into the next.
  gallery: '#gallery',
  children: 'a[data-pswp-width]',
  pswpModule: PhotoSwipe,
  bgOpacity: 0.94,
  wheelToZoom: true,
});

lightbox.on('uiRegister', () => {
  lightbox.pswp?.ui?.registerElement({
    name: 'caption',
    order: 9,
    isButton: false,
    appendTo: 'root',
    onInit: (element: CaptionElement, pswp) => {
      element.setAttribute('aria-live', 'polite');
      pswp.on('change', () => {
        showCaption(element, pswp.currSlide?.data.element as GalleryLink | undefined);
      });
    },
  });
});

// PhotoSwipe takes arrow keys once its opening animation ends; the lightbox says when, for
// anything driving the page (assistive tools, tests).
lightbox.on('openingAnimationEnd', () => {
  const root = lightbox.pswp?.element as CaptionElement | undefined;
  root?.setAttribute('data-ready', '');
});

lightbox.init();
