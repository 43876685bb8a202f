/**
 * Approximate substring matching of one query word against one indexed word, with the tolerance of
 * fuse.js at threshold 0.3: a word of length m may differ by floor(0.3·m) edits (insertions,
 * deletions, substitutions) from some part of the indexed word. It runs Myers' bit-parallel
 * algorithm, a few integer operations per character, because the matcher is applied to every word
 * of the vocabulary on each query.
 */

/** fuse.js's default-for-this-site threshold: errors ÷ pattern length must not exceed it. */
export const THRESHOLD = 0.3;

/** Longest query word compared in full; longer words are cut (the bit-vector holds 31 positions). */
export const MAX_PATTERN = 31;

/** How many edits a query word of this length may have, the way fuse.js counts them. */
export function allowedErrors(length: number, threshold = THRESHOLD): number {
  let k = 0;
  while ((k + 1) / length <= threshold) k++;
  return k;
}

export interface WordMatcher {
  readonly word: string;
  readonly maxErrors: number;
  /**
   * The fewest edits turning the query word into some substring of `text`, or -1 when that is
   * more than `maxErrors`.
   */
  distance(text: string): number;
}

/**
 * A matcher for one query word. `maxErrors` defaults to the word's own allowance; a multi-word
 * query may grant one word more, out of the whole query's allowance (see engine.ts).
 */
export function wordMatcher(
  query: string,
  maxErrors = allowedErrors(Math.min(query.length, MAX_PATTERN)),
): WordMatcher {
  const word = query.slice(0, MAX_PATTERN);
  const m = word.length;
  const ascii = new Int32Array(128);
  const other = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const c = word.charCodeAt(i);
    if (c < 128) ascii[c]! |= 1 << i;
    else other.set(c, (other.get(c) ?? 0) | (1 << i));
  }
  const high = 1 << (m - 1);
  const minLength = m - maxErrors;

  function distance(text: string): number {
    const n = text.length;
    if (m === 0 || n < minLength) return -1;
    if (maxErrors === 0) return text.includes(word) ? 0 : -1;
    let pv = -1;
    let mv = 0;
    let score = m;
    let best = m;
    for (let j = 0; j < n; j++) {
      const c = text.charCodeAt(j);
      const eq = c < 128 ? ascii[c]! : (other.get(c) ?? 0);
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & high) score++;
      else if (mh & high) score--;
      if (score < best) {
        best = score;
        if (best === 0) return 0;
      }
      ph <<= 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
    }
    return best <= maxErrors ? best : -1;
  }

  return { word, maxErrors, distance };
}

/**
 * How well an indexed word answers a query word, from 0 (not at all) to 1 (the same word). Whole
 * words beat prefixes, prefixes beat words found inside longer ones, and each edit costs.
 */
export function matchQuality(matcher: WordMatcher, text: string): number {
  const { word } = matcher;
  if (text === word) return 1;
  if (text.startsWith(word)) return 0.6 + 0.3 * (word.length / text.length);
  const d = matcher.distance(text);
  if (d < 0) return 0;
  const lengthFit = Math.min(word.length, text.length) / Math.max(word.length, text.length);
  if (d === 0) return 0.3 + 0.3 * lengthFit;
  return (0.2 + 0.25 * lengthFit) * (1 - d / (word.length + 1));
}
