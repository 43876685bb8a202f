/**
 * K-fold cross-validation: every labelled item is scored by a model trained without it. Folds are
 * fixed by a hash of each item's headline, spread evenly over languages and labels, so the figures
 * are the same run after run and every language is in every fold.
 */
import { createHash } from 'node:crypto';
import type { Taxonomy } from '../content/load-taxonomy.ts';
import { createClassifier, type Classification } from './index.ts';
import type { TrainingItem } from './labelled.ts';
import type { Scored } from './metrics.ts';
import type { KnownChange } from './known-changes.ts';
import type { ClassifierRules } from './rules.ts';
import { trainModel } from './train.ts';

export interface ScoredItem extends Scored {
  item: TrainingItem;
  fold: number;
  /** The fold model's whole answer: score and reasons too. */
  predicted: Classification;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

export function assignFolds(items: readonly TrainingItem[], k: number): number[] {
  const folds = new Array<number>(items.length);
  const strata = new Map<string, number[]>();
  items.forEach((x, i) => {
    const key = `${x.language}|${x.relevant}`;
    strata.set(key, [...(strata.get(key) ?? []), i]);
  });
  let next = 0;
  for (const key of [...strata.keys()].sort()) {
    const members = strata.get(key)!;
    members.sort((a, b) => hash(items[a]!.title).localeCompare(hash(items[b]!.title)) || a - b);
    for (const i of members) folds[i] = next++ % k;
  }
  return folds;
}

export function crossValidate(
  items: readonly TrainingItem[],
  taxonomy: Taxonomy,
  rules: ClassifierRules,
  changes: readonly KnownChange[] = [],
  k = 5,
): ScoredItem[] {
  const folds = assignFolds(items, k);
  const out: ScoredItem[] = [];
  for (let f = 0; f < k; f++) {
    const train = items.filter((_, i) => folds[i] !== f);
    const model = trainModel(train, { 'training folds': train.length }, taxonomy, rules);
    const classify = createClassifier(taxonomy, rules, model, changes);
    items.forEach((item, i) => {
      if (folds[i] !== f) return;
      const p = classify(item);
      out.push({
        item,
        fold: f,
        language: item.language,
        gold: item,
        predicted: p,
      });
    });
  }
  return out;
}
