import { foldWords } from './fold-text';

/**
 * A name for a URL or a file: "Модна ревија Штип" → "modna-revija-stip". The transliteration is
 * the search's own primary folding, so a slug reads as staff spell the town in Latin.
 */
export function slugify(text: string): string {
  return foldWords(text)
    .join('-')
    .replace(/[^a-z0-9-]+/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}
