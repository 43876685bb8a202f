/**
 * Tokenising shared by the taxonomy matcher, the relevance scorer and story clustering, so that
 * "Meta's", "meta" and "META" are cut and compared the same way everywhere.
 */
import { fold } from '../text/fold.ts';

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
/** A full stop, question or exclamation mark, semicolon or colon followed by a space ends a sentence; so does a CJK full stop. */
const SENTENCE_END = /[.!?;:]\s|[。！？]/;

/** Chinese and Japanese write words without spaces: such a run is cut into words by ICU's dictionary. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

function* words(text: string): Generator<{ word: string; index: number }> {
  for (const m of text.matchAll(WORD)) {
    if (!UNSPACED.test(m[0])) {
      yield { word: m[0], index: m.index };
      continue;
    }
    for (const s of segmenter.segment(m[0]))
      if (s.isWordLike) yield { word: s.segment, index: m.index + s.index };
  }
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
  for (const { word, index: start } of words(text)) {
    if (tokens.length && SENTENCE_END.test(text.slice(lastEnd, start))) sentence++;
    tokens.push({
      raw: word,
      folded: fold(word),
      start: start + offset,
      end: start + offset + word.length,
      sentence,
    });
    lastEnd = start + word.length;
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

/**
 * Korean writes a particle onto the word before it ("메타가", "미국에서"): the word without it is
 * what a name matches. Longest particles first, so "에서" is cut whole rather than as "서".
 */
const PARTICLES = [
  '에서는',
  '에서',
  '으로',
  '에게',
  '까지',
  '부터',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '로',
  '와',
  '과',
  '도',
  '만',
].map(fold);
const HANGUL = /\p{Script=Hangul}/u;

/**
 * German and the Scandinavian languages write a name's genitive with a bare s ("Metas KI-Pläne",
 * "Irlands datatilsyn", "EUs medlemsland"): a capitalised word of three letters or more, or an
 * acronym, with an s after it.
 */
const GENITIVE = /^(?:\p{Lu}\p{L}{2,}|\p{Lu}{2,})s$/u;

/**
 * The folded forms a name may be matched against: the word, a Korean word without its particle
 * and, where `genitive` (the last word of a name), a capitalised word without its genitive s.
 */
export function matchForms(t: Token, genitive = false): string[] {
  if (!HANGUL.test(t.raw))
    return genitive && GENITIVE.test(t.raw) ? [t.folded, t.folded.slice(0, -1)] : [t.folded];
  const p = PARTICLES.find((x) => t.folded.length > x.length && t.folded.endsWith(x));
  return p ? [t.folded, t.folded.slice(0, -p.length)] : [t.folded];
}

/** The forms a case-sensitive name may be matched against: as written, and without a genitive s. */
export function rawForms(t: Token, genitive = false): string[] {
  return genitive && GENITIVE.test(t.raw) ? [t.raw, t.raw.slice(0, -1)] : [t.raw];
}
