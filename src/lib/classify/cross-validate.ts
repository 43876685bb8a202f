/**
 * K-fold cross-validation: every labelled item is scored by a model trained without it. Folds are
 * fixed by a hash of each item's headline, spread evenly over languages and labels, so the figures
 * are the same run after run and every language is in every fold. One split of 476 items into
 * folds can be luckier than another by a few items; other splits, each as fixed as the first,
 * show how far the figures move with it.
 *
 * Random folds put other outlets' reports of a story in the training folds of each report, so they
 * reward remembering stories as well as recognising them. Period folds (`assignPeriodFolds`) hold
 * out whole stretches of time instead, so every story of a period is new to the model that
 * scores it: a harder measure, closer to a story the site has never seen.
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

/**
 * Folds by date: the items in order of publication, cut into `k` runs of equal size, so each fold
 * is a period. Items without a date come last, in the order of their headlines' hashes.
 */
export function assignPeriodFolds(items: readonly TrainingItem[], k: number): number[] {
  const order = items
    .map((x, i) => ({ i, date: x.published ?? '\uffff', tie: hash(x.title) }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.tie.localeCompare(b.tie) || a.i - b.i);
  const folds = new Array<number>(items.length);
  order.forEach(({ i }, rank) => (folds[i] = Math.floor((rank * k) / items.length)));
  return folds;
}

/** Scores every item with a model trained on the other folds; `folds` gives each item's fold, 0 to k − 1. */
export function crossValidate(
  items: readonly TrainingItem[],
  taxonomy: Taxonomy,
  rules: ClassifierRules,
  changes: readonly KnownChange[] = [],
  folds: readonly number[] = assignFolds(items, 5),
): ScoredItem[] {
  const k = Math.max(...folds) + 1;
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
