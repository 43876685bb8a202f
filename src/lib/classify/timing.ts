/** The classifier's speed on real items, for the evaluation's report (not asserted in tests). */
import type { Taxonomy } from '../content/load-taxonomy.ts';
import { createClassifier } from './index.ts';
import type { TrainingItem } from './labelled.ts';
import { loadModel } from './model.ts';
import type { ClassifierRules } from './rules.ts';
import { median } from '../bench/stats.ts';

export function perItemMedianMs(
  taxonomy: Taxonomy,
  rules: ClassifierRules,
  items: readonly TrainingItem[],
): number {
  const classify = createClassifier(taxonomy, rules, loadModel());
  const times: number[] = [];
  for (const x of items) {
    const t = performance.now();
    classify(x);
    times.push(performance.now() - t);
  }
  return median(times);
}
