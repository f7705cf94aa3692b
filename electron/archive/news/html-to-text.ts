import { decodeEntities } from './html-entities';

/**
 * A news page as plain text, without a DOM: what a CMS page or a pasted fragment needs is tags
 * out, entities decoded, and paragraph and list-item breaks kept, since the news parser reads
 * one paragraph, one list item, at a time.
 */

export interface HtmlText {
  /** The first <h1>, else <h2>, else <title>, as text. */
  title: string | null;
  text: string;
}

const htmlTag =
  /<\s*(?:html|head|body|p|div|br|h[1-6]|ul|ol|li|span|a|strong|b|em|i|table|tr|td|article|section|title|img)\b[^>]*>/i;

/** True when `input` looks like HTML rather than text that happens to hold a "<". */
export function isHtml(input: string): boolean {
  return htmlTag.test(input);
}

// Elements that are never text.
const hidden = /<(script|style|noscript|template|svg|iframe)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const comment = /<!--[\s\S]*?-->/g;
// Tags that end a paragraph or a line.
const blockTag =
  /<\/?\s*(?:p|div|h[1-6]|ul|ol|table|thead|tbody|tr|article|section|header|footer|main|aside|nav|blockquote|pre|figure|figcaption|dl|dt|dd|form|fieldset|address|hr)\b[^>]*>/gi;
const lineBreak = /<\s*br\b[^>]*>/gi;
const cell = /<\/?\s*t[dh]\b[^>]*>/gi;
const listItem = /<\s*li\b[^>]*>/gi;
const anyTag = /<\/?[a-zA-Z][^>]*>|<![^>]*>|<\?[^>]*>/g;

function inlineText(html: string): string {
  return decodeEntities(html.replace(anyTag, ' '))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

function firstElement(html: string, tag: string): string | null {
  const m = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}\\s*>`, 'i').exec(html);
  const text = m ? inlineText(m[1] ?? '') : '';
  return text || null;
}

/** Plain text of `html`: one line per paragraph or list item ("• "), blank lines between. */
export function htmlToText(html: string): HtmlText {
  const clean = html.replace(comment, '').replace(hidden, '');
  const title =
    firstElement(clean, 'h1') ?? firstElement(clean, 'h2') ?? firstElement(clean, 'title');
  const body =
    /<body\b[^>]*>([\s\S]*)<\/body\s*>/i.exec(clean)?.[1] ??
    clean.replace(/<head\b[\s\S]*?<\/head\s*>/i, '');

  const marked = body
    .replace(/\s+/g, ' ')
    .replace(blockTag, '\n\n')
    .replace(listItem, '\n• ')
    .replace(lineBreak, '\n')
    .replace(cell, ' ');
  const lines = decodeEntities(marked.replace(anyTag, ''))
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim());
  const text = lines
    .join('\n')
    .replace(/^• *$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { title, text };
}
