/**
 * A news body cut into paragraphs and sentences, each with where it starts in the text. Web
 * text pasted from a browser puts one paragraph or list item on a line, so a line is a
 * paragraph, unless it plainly wraps: no closing punctuation, and the next line goes on in
 * lower case or with a number. Dates inside a sentence ("28. 11. 2015") must not cut it, so a
 * sentence ends only at ".", "!" or "?" followed by a capital.
 */

export interface Sentence {
  /** The sentence as written, a wrapped line's break read as a space (offsets stay the same). */
  text: string;
  /** Where the sentence starts in the whole item. */
  index: number;
  /** 0 for the first paragraph. */
  paragraph: number;
}

const sentenceEnd = /[.!?…]+["”’»)]*\s+(?=["“„«(]?\p{Lu})/gu;
const bullet = /^\s*(?:[•\-*–·]|\d+[.)])\s/u;
const closed = /[.!?:;…]["”’»)]?\s*$/u;
const goesOn = /^\s*[\p{Ll}\d(]/u;

interface Piece {
  text: string;
  index: number;
}

function paragraphs(text: string, offset: number): Piece[] {
  const out: Piece[] = [];
  let current: Piece | null = null;
  let at = 0;
  for (const line of text.split('\n')) {
    const index = offset + at;
    at += line.length + 1;
    if (!line.trim()) {
      current = null;
      continue;
    }
    if (current && !closed.test(current.text) && goesOn.test(line) && !bullet.test(line)) {
      current.text += `\n${line}`;
      continue;
    }
    current = { text: line, index };
    out.push(current);
  }
  return out;
}

function sentencesOf(paragraph: Piece): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  const push = (to: number) => {
    const raw = paragraph.text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim().replace(/\n/g, ' ');
    if (text) out.push({ text, index: paragraph.index + from + lead });
  };
  for (const m of paragraph.text.matchAll(sentenceEnd)) {
    push(m.index + m[0].trimEnd().length);
    from = m.index + m[0].length;
  }
  push(paragraph.text.length);
  return out;
}

/** The sentences of `text`, whose first character sits at `offset` in the whole item. */
export function splitSentences(text: string, offset = 0): Sentence[] {
  return paragraphs(text, offset).flatMap((p, n) =>
    sentencesOf(p).map((s) => ({ ...s, paragraph: n })),
  );
}
