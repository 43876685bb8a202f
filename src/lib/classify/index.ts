/**
 * The classifier: relevance, company and region tags, each with its reasons. Ingest and
 * `npm run classify` build one with `createClassifier` and call it for every item.
 */
import type { Taxonomy } from '../content/load-taxonomy.ts';
import { createTaxonomyTagger } from '../taxonomy/tagger.ts';
import { tokenizeItem } from '../taxonomy/text.ts';
import { createRelevance } from './relevance.ts';
import { loadClassifierRules, type ClassifierRules } from './rules.ts';
import type { Classification, Classifier } from './types.ts';

export type { Classification, Classifier, ClassifyInput, StoryCandidate } from './types.ts';
export { assignStories } from './cluster.ts';
export { classifierRulesSchema, loadClassifierRules, type ClassifierRules } from './rules.ts';

/**
 * Builds the matchers once; the returned function is pure and fast (well under a millisecond an
 * item). `rules` defaults to content/classifier.yaml.
 */
export function createClassifier(
  taxonomy: Taxonomy,
  rules: ClassifierRules = loadClassifierRules(),
): Classifier {
  const tagger = createTaxonomyTagger(taxonomy, rules.shadows);
  const relevance = createRelevance(rules);

  return ({ title, text }): Classification => {
    const { source, tokens, textStart } = tokenizeItem(title ?? '', text ?? '');
    const companies = tagger.companies(source, tokens);
    const regions = tagger.regions(source, tokens);
    const spans = (kinds: string[]) =>
      regions.matches
        .filter((m) => m.targets.some((t) => kinds.includes(t.kind)))
        .map(({ first, last }) => ({ first, last }));
    const verdict = relevance({
      source,
      tokens,
      places: spans(['place']),
      authorities: spans(['regulator', 'law']),
      companies: companies.spans,
      textStart,
    });
    return {
      relevant: verdict.relevant,
      score: verdict.score,
      companies: companies.ids,
      regions: regions.ids,
      why: [verdict.why, ...companies.why, ...regions.why],
    };
  };
}
