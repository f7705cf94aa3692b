import { foldWords } from '../../shared/text/fold-text';

/**
 * Whether every word typed begins a word of the text, folded as search folds it: "nis" finds
 * "Place/Niš" and "Место/Ниш" alike, "pla ni" finds "Place/Niš".
 */
export function matchesTyped(text: string, typed: string): boolean {
  const words = foldWords(typed);
  if (words.length === 0) return false;
  const own = foldWords(text);
  return words.every((w) => own.some((o) => o.startsWith(w)));
}
