/**
 * Folding a word to the form matching compares: one module, used by the classifier's tokeniser
 * and by search on both sides of the index, so that a word typed without its accents or special
 * letters finds the word as written wherever it is looked up. It has no dependencies, so the
 * browser's search bundle carries nothing of the classifier.
 */

const MARKS = /\p{M}+/gu;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Letters Unicode does not decompose into a base letter and a mark, spelt as a keyboard without
 * them spells them: "lærere" as "laerere", "bøde" as "bode", "włamanie" as "wlamanie", "cœur" as
 * "coeur". Without this, a vocabulary word typed either way missed the other.
 */
const LETTERS: Record<string, string> = { æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', đ: 'd' };
const UNDECOMPOSED = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');

/**
 * Lower case, accents stripped ("Autorité" → "autorite", "Forbrukerrådet" → "forbrukerradet",
 * "lærere" → "laerere") and full-width forms made plain ("ＡＩ" → "ai"), so editors need not type
 * diacritics or the width a Japanese outlet used.
 */
export function fold(s: string): string {
  // Most words are plain ASCII: skip the costly Unicode decomposition for them.
  return ASCII.test(s)
    ? s.toLowerCase()
    : s
        .normalize('NFKD')
        .replace(MARKS, '')
        .toLowerCase()
        .replace(UNDECOMPOSED, (c) => LETTERS[c]!);
}
