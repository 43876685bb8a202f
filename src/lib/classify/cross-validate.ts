/**
 * K-fold cross-validation: every labelled item is scored by a model trained without it. Folds are
 * fixed by a hash of each item's headline, spread evenly over languages and labels, so the figures
 * are the same run after run and every language is in every fold. One split of 476 items into
 * folds can be luckier than another by a few items; other splits, each as fixed as the first,
 * show how far the figures move with it.
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

/** `split` 0 is the split the figures are quoted on; each other number orders the items afresh. */
export function assignFolds(items: readonly TrainingItem[], k: number, split = 0): number[] {
  const folds = new Array<number>(items.length);
  const strata = new Map<string, number[]>();
  items.forEach((x, i) => {
    const key = `${x.language}|${x.relevant}`;
    strata.set(key, [...(strata.get(key) ?? []), i]);
  });
  let next = 0;
  for (const key of [...strata.keys()].sort()) {
    const members = strata.get(key)!;
    const order = new Map(
      members.map((i) => [i, hash(split ? `${split}\u0000${items[i]!.title}` : items[i]!.title)]),
    );
    members.sort((a, b) => order.get(a)!.localeCompare(order.get(b)!) || a - b);
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
  split = 0,
): ScoredItem[] {
  const folds = assignFolds(items, k, split);
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
