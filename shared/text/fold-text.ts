/**
 * Search folding: staff write the same town as "Niš", "Nis", "Ниш" or "Nish". Every text the
 * catalog searches, and every query, is folded to plain lower-case Latin letters and digits.
 *
 * `foldText` is the primary spelling (Serbian/Macedonian Latin without diacritics, "đ" as "dj").
 * `searchVariants` adds the English/Bulgarian-style spelling ("sh", "zh", "ch", "ts", "yu"), so a
 * document indexed with both is found by a query folded with `foldText` alone.
 */

// Serbian and Macedonian Cyrillic as their official Latin; Bulgarian and Russian letters that
// have no Serbian counterpart in their most common Latin form.
const cyrillicPrimary: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'dj',
  е: 'e',
  ж: 'z',
  з: 'z',
  и: 'i',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'c',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'c',
  џ: 'dz',
  ш: 's',
  ѓ: 'g',
  ќ: 'k',
  ѕ: 'dz',
  й: 'j',
  щ: 'st',
  ъ: 'a',
  ь: '',
  ю: 'ju',
  я: 'ja',
  ы: 'y',
  э: 'e',
  ё: 'e',
  є: 'je',
  і: 'i',
  ї: 'ji',
  ґ: 'g',
  ў: 'u',
};

// The Bulgarian transliteration law's spelling, which is also what English-language
// newsletters use for Serbian and Macedonian names ("Nish", "Shtip").
const cyrillicDigraph: Record<string, string> = {
  ...cyrillicPrimary,
  ж: 'zh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sht',
  ю: 'yu',
  я: 'ya',
  й: 'y',
  ђ: 'd',
  ћ: 'ch',
  џ: 'dzh',
  ѓ: 'gj',
  ќ: 'kj',
  ъ: 'a',
  ь: 'y',
};

// Latin letters that Unicode decomposition does not reduce to ASCII.
const latinSpecial: Record<string, string> = {
  đ: 'dj',
  ł: 'l',
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
  ð: 'd',
  ħ: 'h',
};
const latinDigraph: Record<string, string> = {
  ...latinSpecial,
  đ: 'd',
  š: 'sh',
  ž: 'zh',
  č: 'ch',
  ć: 'ch',
};

const combiningMarks = /\p{M}+/gu;
const nonWord = /[^\p{L}\p{N}]+/u;

function transliterate(
  text: string,
  cyrillic: Record<string, string>,
  latin: Record<string, string>,
): string {
  let out = '';
  for (const ch of text) out += cyrillic[ch] ?? latin[ch] ?? ch;
  return out;
}

// Most of what is folded (file names, English captions, folder names) is plain ASCII, which
// every folding leaves as it is, lower-cased: rewriting 10,000 photos' search documents spent a
// quarter of its time transliterating and decomposing text that had nothing to change.
const nonAscii = /[^\p{ASCII}]/u;
const isAscii = (text: string) => !nonAscii.test(text);

function fold(
  text: string,
  cyrillic: Record<string, string>,
  latin: Record<string, string>,
): string {
  const lower = text.toLowerCase();
  if (isAscii(text)) return lower;
  // "-ия" ends Bulgarian names written "-ia" in Latin: София → Sofia.
  const prepared = cyrillic === cyrillicDigraph ? lower.replace(/ия(?=[^\p{L}]|$)/gu, 'ia') : lower;
  return transliterate(prepared, cyrillic, latin).normalize('NFD').replace(combiningMarks, '');
}

/** The primary folded form of `text`: lower-case, Latin, without diacritics. */
export function foldText(text: string): string {
  return fold(text, cyrillicPrimary, latinSpecial);
}

/** The words of `text` in its folded form. */
export function foldWords(text: string): string[] {
  return foldText(text).split(nonWord).filter(Boolean);
}

/** Every spelling of every word of one text: its primary and its English/Bulgarian folding. */
export function variantWords(text: string): string[] {
  const words = new Set<string>();
  for (const word of foldText(text).split(nonWord)) if (word) words.add(word);
  if (!isAscii(text))
    for (const word of fold(text, cyrillicDigraph, latinDigraph).split(nonWord))
      if (word) words.add(word);
  return [...words];
}

/** Every spelling of every word in `texts`, deduplicated: the body of a search document. */
export function searchVariants(
  texts: Iterable<string | null | undefined>,
  wordsOf: (text: string) => readonly string[] = variantWords,
): string {
  const words = new Set<string>();
  for (const text of texts) if (text) for (const word of wordsOf(text)) words.add(word);
  return [...words].join(' ');
}

/** Each word of a user's query as an FTS5 prefix query: "Štip 2015" → `"stip"*`, `"2015"*`. */
export function toFtsWords(query: string): string[] {
  return foldWords(query).map((w) => `"${w.replace(/"/g, '""')}"*`);
}

/**
 * A user's query as an FTS5 expression: every word must match, each as a prefix, so "stip"
 * finds "Štip" and "DSC_22" finds "DSC_2208.JPG". Returns null when nothing searchable is left.
 */
export function toFtsQuery(query: string): string | null {
  const words = toFtsWords(query);
  return words.length ? words.join(' ') : null;
}
