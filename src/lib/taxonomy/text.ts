/**
 * Tokenising shared by the taxonomy matcher, the relevance scorer and story clustering, so that
 * "Meta's", "meta" and "META" are cut and compared the same way everywhere.
 */

export interface Token {
  /** The word exactly as written. */
  raw: string;
  /** Lower case with accents removed: what case-insensitive matching compares. */
  folded: string;
  start: number;
  end: number;
  /** Sentence number: co-occurrence only counts inside one sentence. */
  sentence: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;
const ASCII = /^[\x00-\x7f]*$/;
/** A full stop, question or exclamation mark, semicolon or colon followed by a space ends a sentence. */
const SENTENCE_END = /[.!?;:]\s/;

/** Lower case, accents stripped ("Autorité" → "autorite"), so editors need not type diacritics. */
export function fold(s: string): string {
  // Most words are plain ASCII: skip the costly Unicode decomposition for them.
  return ASCII.test(s) ? s.toLowerCase() : s.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** Whitespace and dashes between words count as one space; other punctuation must match as written. */
export function normaliseSeparator(s: string): string {
  return s.replace(/[\s\-‐‑–—]+/g, ' ');
}

/**
 * Splits text into word tokens, numbering sentences from `firstSentence`; offsets are shifted by
 * `offset` so that they point into a longer source. They refer to the text as given: callers that
 * compare with other strings normalise it (NFC) first, as `tokenizeItem` does.
 */
export function tokenize(text: string, firstSentence = 0, offset = 0): Token[] {
  const tokens: Token[] = [];
  let sentence = firstSentence;
  let lastEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    if (tokens.length && SENTENCE_END.test(text.slice(lastEnd, start))) sentence++;
    tokens.push({
      raw: m[0],
      folded: fold(m[0]),
      start: start + offset,
      end: start + offset + m[0].length,
      sentence,
    });
    lastEnd = start + m[0].length;
  }
  return tokens;
}

/** A title and its text as one token stream; the title is a sentence of its own. */
export function tokenizeItem(
  rawTitle: string,
  rawText: string,
): { source: string; tokens: Token[]; textStart: number } {
  const title = rawTitle.normalize('NFC');
  const text = rawText.normalize('NFC');
  const source = `${title}\n${text}`;
  const head = tokenize(title);
  const tail = tokenize(text, (head.at(-1)?.sentence ?? 0) + 1, title.length + 1);
  return { source, tokens: head.concat(tail), textStart: head.length };
}
