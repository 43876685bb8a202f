import { describe, expect, it } from 'vitest';
import { makeVocabulary, misspell, rng } from '../../src/lib/bench/synthetic.ts';
import { allowedErrors, wordMatcher } from '../../src/lib/search/fuzzy.ts';
import { matchesAsTyped, plausibleTypo, typoVariants } from '../../src/lib/search/variants.ts';

describe('misspellings of the vocabulary’s words', () => {
  it('finds through its letter-pair index the same words as a check of every word would', () => {
    const random = rng(5);
    const base = makeVocabulary(600, random);
    const vocabulary = [
      ...new Set([...base, ...base.slice(0, 300).map((w) => misspell(w, random))]),
    ].sort();
    const counts = vocabulary.map(() => 1 + Math.floor(random() * 20));
    const slow = vocabulary.map((word, at) => {
      if (allowedErrors(word.length) === 0) return [];
      const matcher = wordMatcher(word);
      return vocabulary.flatMap((term, t) =>
        counts[t]! < counts[at]! &&
        plausibleTypo(word, term) &&
        !matchesAsTyped(word, term, counts[t]! >= 10) &&
        matcher.distance(term) >= 0
          ? [t]
          : [],
      );
    });
    expect(typoVariants(vocabulary, counts, 10)).toEqual(slow);
    expect(slow.flat().length).toBeGreaterThan(50);
  });

  it('keeps only typos fewer items use than the word, and none for three letters', () => {
    const vocabulary = ['consent', 'conesnt', 'content', 'pay', 'paw'];
    const counts = [50, 2, 80, 9, 1];
    const found = typoVariants(vocabulary, counts, 10).map((list) =>
      list.map((t) => vocabulary[t]),
    );
    expect(found).toEqual([['conesnt'], [], ['consent', 'conesnt'], [], []]);
  });

  it('takes a short word’s typo only as a whole word, a longer word’s only if not much longer', () => {
    expect(plausibleTypo('gdpr', 'gepr')).toBe(true);
    expect(plausibleTypo('gdpr', 'wordpress')).toBe(false);
    expect(plausibleTypo('training', 'trainig')).toBe(true);
    expect(plausibleTypo('training', 'abstrainingulo')).toBe(false);
  });
});
