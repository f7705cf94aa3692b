/**
 * The `index.html` of an exported web gallery: a static page over the exported images beside
 * it, with the PhotoSwipe lightbox from `assets/` (see gallery-assets.ts). Without JavaScript
 * each thumbnail is still a plain link to its image.
 */

export interface GalleryItem {
  /** The image's path relative to index.html, e.g. `modna-revija-stip-001.jpg`. */
  file: string;
  width: number;
  height: number;
  title: string | null;
  caption: string | null;
  credit: string | null;
}

export interface GallerySection {
  title: string | null;
  subtitle: string | null;
  items: GalleryItem[];
}

export interface GalleryModel {
  title: string;
  subtitle: string | null;
  credit: string | null;
  lang?: string;
  sections: GallerySection[];
}

// The page is opened from file:// as often as from a web host. Chromium gives 'self' a meaning
// for file:// pages too (any file: URL), so the same policy admits assets/ in both cases; a
// path-only source like './assets/' is not valid CSP. data: images are allowed for the empty
// `data:,` icon, which stops browsers asking a web host for a missing /favicon.ico (a 404 in
// the console). PhotoSwipe styles its elements through element.style, which style-src does
// not govern, so no 'unsafe-inline' is needed. frame-ancestors cannot be set from a <meta>.
export const galleryCsp = [
  "default-src 'none'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c);
}

/**
 * A relative URL for a file path: each segment percent-encoded, so `#`, `?` and `%` stay part of
 * the name and a `:` cannot turn the name into a scheme (`javascript:…`). ASCII letters, digits,
 * `-`, `_` and `.` pass unchanged, so ordinary export names stay readable in the source.
 */
export function fileUrl(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function dimension(value: number, what: string, file: string): number {
  if (!Number.isFinite(value) || value < 1)
    throw new RangeError(`Gallery image ${file} has no usable ${what} (${value}).`);
  return Math.round(value);
}

function text(tag: string, className: string, value: string | null): string {
  return value ? `<${tag} class="${className}">${escapeHtml(value)}</${tag}>` : '';
}

function dataAttribute(name: string, value: string | null): string {
  return value ? ` data-${name}="${escapeHtml(value)}"` : '';
}

function itemHtml(item: GalleryItem): string {
  const url = escapeHtml(fileUrl(item.file));
  const width = dimension(item.width, 'width', item.file);
  const height = dimension(item.height, 'height', item.file);
  const alt = escapeHtml(item.title ?? item.caption ?? item.file);
  // data-cropped: the grid crops thumbnails to 3:2, and PhotoSwipe's opening zoom needs to know.
  return (
    `<a class="tile" href="${url}" data-pswp-width="${width}" data-pswp-height="${height}"` +
    ` data-cropped="true"${dataAttribute('title', item.title)}` +
    `${dataAttribute('caption', item.caption)}${dataAttribute('credit', item.credit)}>` +
    `<img src="${url}" loading="lazy" decoding="async" alt="${alt}"` +
    ` width="${width}" height="${height}"></a>`
  );
}

function sectionHtml(section: GallerySection): string {
  const heading = text('h2', 'section-title', section.title);
  const subtitle = text('p', 'section-subtitle', section.subtitle);
  const intro = heading || subtitle ? `<header>${heading}${subtitle}</header>\n` : '';
  const items = section.items.map((item) => `  ${itemHtml(item)}\n`).join('');
  return `<section class="section">\n${intro}<div class="grid">\n${items}</div>\n</section>\n`;
}

export function galleryHtml(model: GalleryModel): string {
  const lang = model.lang ? ` lang="${escapeHtml(model.lang)}"` : '';
  return `<!doctype html>
<html${lang}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${galleryCsp}">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${escapeHtml(model.title)}</title>
<link rel="stylesheet" href="assets/photoswipe.css">
<link rel="stylesheet" href="assets/gallery.css">
<script src="assets/gallery.js" defer></script>
</head>
<body>
<header class="page-header">
<h1>${escapeHtml(model.title)}</h1>
${text('p', 'subtitle', model.subtitle)}${text('p', 'credit', model.credit)}
</header>
<main id="gallery" class="gallery">
${model.sections.map(sectionHtml).join('')}</main>
</body>
</html>
`;
}
