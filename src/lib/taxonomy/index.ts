/** Finding the taxonomy's companies and regions in text. */
export { createTaxonomyTagger, GLOBAL } from './tagger.ts';
export type { RegionTarget, RegionTermKind, Tags, TaxonomyTagger } from './tagger.ts';
export { buildTermIndex, findTerms } from './terms.ts';
export type { Term, TermIndex, TermMatch } from './terms.ts';
export { tokenize, tokenizeItem } from './text.ts';
export type { Token } from './text.ts';
