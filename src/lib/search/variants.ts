/**
 * Which words of the archive a query word matches as typed, and which only through a typo.
 * fuse.js matches a word anywhere within its allowance of edits, so a correctly spelt "consent"
 * also finds "conesnt". The engine matches the word as typed from the vocabulary at query time;
 * the misspellings of every vocabulary word are found at build time (typoVariants) and their items
 * stored beside the word's own posting list, in the same shard, so a spelt word finds them, after
 * its own items, without fetching another shard.
 */
import { allowedErrors, MAX_PATTERN, wordMatcher } from './fuzzy.ts';
import { editDistance } from './names.ts';

/**
 * Words up to this long match as typed only at the start of words, not inside them: "out" inside
 * "mouth" or "data" inside "metadata" are noise, and there are hundreds of them.
 */
export const SHORT_WORD = 4;

/**
 * A longer word with a typo matches a word at most this much longer than itself ("trainig" →
 * "training"), not any long word that happens to hold something close ("abstrainingu").
 */
const TYPO_SLACK = 3;

/**
 * Whether the engine matches `term` for the query word `word` as typed (no typo). A word of three
 * or four letters matches only the archive's common words starting with it ("tra": train,
 * training), not every rare name that begins so: those come with the fifth letter.
 */
export function matchesAsTyped(word: string, term: string, termIsCommon: boolean): boolean {
  if (word.length <= SHORT_WORD) return term === word || (termIsCommon && term.startsWith(word));
  return term.includes(word);
}

/**
 * Whether a word within a query word's allowance of edits is a typo of it worth matching: a short
 * word's typo must be a whole word, since "data" with one edit inside "mandate" and hundreds like
 * it would bury a four-letter query's results (and fetch most shards), and a longer word's must
 * not be much longer than the word.
 */
export function plausibleTypo(word: string, term: string): boolean {
  if (word.length <= SHORT_WORD) return editDistance(word, term, 1) <= 1;
  return term.length <= word.length + TYPO_SLACK;
}

/**
 * Positions in `vocabulary` of the misspellings of each word that fuse.js would match
 * (within the word's allowance of edits of some part of them): plausible typos that the engine does
 * not match as typed and that fewer items use than the word itself. A word used more often is a
 * word of its own, or the word this one misspells ("content" is not a slip of "consent"); the
 * engine reaches those, for a word the archive rarely uses, at query time. Empty for words of three
 * letters or fewer, which fuse.js allows no typo. One list per vocabulary word; `counts`: items
 * per vocabulary word; `commonCount`: the count from which a word is one of the archive's common
 * words.
 */
export function typoVariants(
  vocabulary: readonly string[],
  counts: readonly number[],
  commonCount: number,
): number[][] {
  // Each edit spoils at most two of a word's letter pairs, so a word within k edits of part of a
  // term shares at least (length − 1 − 2k) of its pairs with it: counting shared pairs through an
  // index of pairs leaves a few candidates per word instead of the whole vocabulary.
  const termsWithPair = new Map<string, number[]>();
  vocabulary.forEach((term, t) => {
    for (const pair of new Set(pairs(term))) {
      let list = termsWithPair.get(pair);
      if (!list) termsWithPair.set(pair, (list = []));
      list.push(t);
    }
  });
  const shared = new Int32Array(vocabulary.length);
  return vocabulary.map((word, at) => {
    const pattern = word.slice(0, MAX_PATTERN);
    const errors = allowedErrors(pattern.length);
    if (errors === 0) return [];
    const needed = pattern.length - 1 - 2 * errors;
    const own = counts[at]!;
    const touched: number[] = [];
    for (const pair of pairs(pattern))
      for (const t of termsWithPair.get(pair)!)
        if (counts[t]! < own && shared[t]!++ === 0) touched.push(t);
    const matcher = wordMatcher(word);
    const out: number[] = [];
    for (const t of touched) {
      const term = vocabulary[t]!;
      if (
        shared[t]! >= needed &&
        plausibleTypo(word, term) &&
        !matchesAsTyped(word, term, counts[t]! >= commonCount) &&
        matcher.distance(term) >= 0
      )
        out.push(t);
      shared[t] = 0;
    }
    return out.sort((a, b) => a - b);
  });
}

function pairs(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(i, i + 2));
  return out;
}
