/**
 * Text normalisation shared by the index builder and the query side, so a word is spelled the same
 * way in both: folded as the classifier folds it (lower case, diacritics stripped, "æ" as "ae",
 * "ø" as "o"), and every run of punctuation, hyphens or spaces folded to one space ("Opt-Out" and
 * "opt out" both become "opt out").
 */
import { fold } from '../text/fold.ts';

/** Words too common to help a search; they are left out of the index and ignored in queries. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be but by for from has have he her his if in into is it its of on or ' +
    'our she so than that the their them then there these they this those to was were which who ' +
    'will with you your'
  ).split(' '),
);

/** Folded, only letters and digits separated by single spaces. */
export function normalize(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a text after normalisation, stopwords included, in order. */
export function words(text: string): string[] {
  const n = normalize(text);
  return n ? n.split(' ') : [];
}

/** The words a search uses: normalised, without stopwords. */
export function terms(text: string): string[] {
  return words(text).filter((w) => !STOPWORDS.has(w));
}
