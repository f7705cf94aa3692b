/**
 * HTML character references as CMS editors produce them: the common named ones (including the
 * Serbian and Macedonian letters WYSIWYG editors escape) and every numeric one.
 */
const named: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  deg: '°',
  shy: '',
  zwnj: '',
  zwj: '',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  times: '×',
  scaron: 'š',
  Scaron: 'Š',
  zcaron: 'ž',
  Zcaron: 'Ž',
  ccaron: 'č',
  Ccaron: 'Č',
  cacute: 'ć',
  Cacute: 'Ć',
  dstrok: 'đ',
  Dstrok: 'Đ',
  eacute: 'é',
  Eacute: 'É',
  egrave: 'è',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
};

function fromCodePoint(code: number): string | null {
  // NUL, surrogates and values past Unicode are not characters.
  if (code === 0 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return null;
  return String.fromCodePoint(code);
}

/** `text` with `&nbsp;`, `&#8211;`, `&#x2013;` and friends replaced by their characters. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z][a-zA-Z0-9]*);?/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      return fromCodePoint(parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10)) ?? whole;
    }
    return named[ref] ?? whole;
  });
}
