import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { galleryAssets } from '../../electron/export/gallery/gallery-assets';
import {
  fileUrl,
  galleryHtml,
  type GalleryItem,
  type GalleryModel,
} from '../../electron/export/gallery/gallery-page';

function item(file: string, extra: Partial<GalleryItem> = {}): GalleryItem {
  return { file, width: 1600, height: 1067, title: null, caption: null, credit: null, ...extra };
}

const hostile = `<script>alert("x")</script> & 'q'`;
const hostileEscaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;';

function model(sections: GalleryModel['sections'], extra: Partial<GalleryModel> = {}) {
  return { title: 'Modna revija Štip', subtitle: null, credit: null, sections, ...extra };
}

describe('galleryHtml', () => {
  it('is a complete document with a strict policy and only local assets', () => {
    const html = galleryHtml(model([{ title: null, subtitle: null, items: [item('a.jpg')] }]));
    expect(html.startsWith('<!doctype html>\n<html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain(
      `content="default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'self';`,
    );
    expect(html).toContain('<title>Modna revija Štip</title>');
    expect(html).toContain('<h1>Modna revija Štip</h1>');
    expect(html).toContain('<script src="assets/gallery.js" defer></script>');
    expect(html).not.toMatch(/type="module"|https?:\/\//);
    expect(html.match(/<link rel="stylesheet" href="([^"]+)">/g)).toEqual([
      '<link rel="stylesheet" href="assets/photoswipe.css">',
      '<link rel="stylesheet" href="assets/gallery.css">',
    ]);
  });

  it('escapes hostile titles, captions, credits and language', () => {
    const html = galleryHtml(
      model(
        [
          {
            title: hostile,
            subtitle: hostile,
            items: [item('a.jpg', { title: hostile, caption: hostile, credit: hostile })],
          },
        ],
        { title: hostile, subtitle: hostile, credit: hostile, lang: '"><script>' },
      ),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/alert\("/);
    expect(html).toContain(`<title>${hostileEscaped}</title>`);
    expect(html).toContain(`<h1>${hostileEscaped}</h1>`);
    expect(html).toContain(`<p class="subtitle">${hostileEscaped}</p>`);
    expect(html).toContain(`<p class="credit">${hostileEscaped}</p>`);
    expect(html).toContain(`<h2 class="section-title">${hostileEscaped}</h2>`);
    for (const name of ['title', 'caption', 'credit'])
      expect(html).toContain(` data-${name}="${hostileEscaped}"`);
    expect(html).toContain(` alt="${hostileEscaped}"`);
    expect(html).toContain('<html lang="&quot;&gt;&lt;script&gt;">');
  });

  it('percent-encodes file names in links and keeps plain ASCII names as they are', () => {
    expect(fileUrl('modna-revija-stip-001.jpg')).toBe('modna-revija-stip-001.jpg');
    expect(fileUrl('2015/Ниш_01.jpg')).toBe('2015/%D0%9D%D0%B8%D1%88_01.jpg');
    expect(fileUrl('javascript:alert(1)')).toBe('javascript%3Aalert(1)');
    expect(fileUrl('a #1?.jpg')).toBe('a%20%231%3F.jpg');
    const file = `x"><img src=x onerror=alert(1)>&'.jpg`;
    const html = galleryHtml(model([{ title: null, subtitle: null, items: [item(file)] }]));
    const url = 'x%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%26&#39;.jpg';
    expect(html).toContain(`href="${url}"`);
    expect(html).toContain(`<img src="${url}"`);
    expect(html).toContain('alt="x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;&#39;.jpg"');
    expect(html).not.toContain('<img src=x');
  });

  it('gives each section a heading only when it has a title', () => {
    const html = galleryHtml(
      model([
        { title: 'Štip, 28.11.2015', subtitle: 'Модна ревија', items: [item('a.jpg')] },
        { title: null, subtitle: null, items: [item('b.jpg'), item('c.jpg')] },
      ]),
    );
    expect(html.match(/<section class="section">/g)).toHaveLength(2);
    expect(html.match(/<h2/g)).toHaveLength(1);
    expect(html).toContain(
      '<header><h2 class="section-title">Štip, 28.11.2015</h2>' +
        '<p class="section-subtitle">Модна ревија</p></header>',
    );
    const untitled = html.split('<section class="section">')[2]!;
    expect(untitled.startsWith('\n<div class="grid">')).toBe(true);
    // One gallery element around all sections, so the lightbox steps across them.
    expect(html.match(/id="gallery"/g)).toHaveLength(1);
    expect(html.match(/<a class="tile"/g)).toHaveLength(3);
  });

  it('writes the size of each image for the grid and for PhotoSwipe', () => {
    const html = galleryHtml(
      model([
        {
          title: null,
          subtitle: null,
          items: [item('p.jpg', { width: 1067, height: 1600.4, title: 'Портрет' })],
        },
      ]),
    );
    expect(html).toContain(
      '<a class="tile" href="p.jpg" data-pswp-width="1067" data-pswp-height="1600"' +
        ' data-cropped="true" data-title="Портрет"><img src="p.jpg" loading="lazy"' +
        ' decoding="async" alt="Портрет" width="1067" height="1600"></a>',
    );
    const broken = model([{ title: null, subtitle: null, items: [item('z.jpg', { width: 0 })] }]);
    expect(() => galleryHtml(broken)).toThrow(/z\.jpg.*width/);
  });
});

describe('galleryAssets', () => {
  it('gives a classic script and the two style sheets', async () => {
    const assets = await galleryAssets();
    expect(assets.map((a) => a.name)).toEqual([
      'assets/gallery.js',
      'assets/gallery.css',
      'assets/photoswipe.css',
    ]);
    const script = assets[0]!.content.toString('utf8');
    expect(script.startsWith('"use strict";(()=>{')).toBe(true);
    expect(script).toContain('pswp__caption');
    // No module syntax and no dynamic import: Chromium refuses both on file:// pages.
    expect(script).not.toMatch(/\bimport\s*\(|\bimport\s*[\w{*'"]|\bexport\s*[{*]|import\.meta/);
    // The only URLs left are in PhotoSwipe's licence notice, a comment at the end.
    const code = script.replace(/\/\*![\s\S]*?\*\/\s*$/, '');
    expect(code).not.toMatch(/https?:\/\//);
    expect(assets[1]!.content.toString('utf8')).toContain('.pswp__caption');
    expect(assets[2]!.content.toString('utf8')).toContain('.pswp__button');
    expect(await galleryAssets()).toBe(assets);
  });

  it('matches what npm run build:node put beside the bundle', async () => {
    const assets = await galleryAssets();
    const dir = fileURLToPath(new URL('../../dist/node/gallery/', import.meta.url));
    for (const { name, content } of assets)
      expect([name, readFileSync(`${dir}${name.slice('assets/'.length)}`)]).toEqual([
        name,
        content,
      ]);
  });
});
