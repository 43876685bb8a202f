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
 *
 * Language folds (`crossLanguage`) hold out every item in one language, so that what the model
 * knows of it comes from the vocabulary and from stories told in other languages: how a story in
 * that language is read when it is about something the labelled headlines in it never covered.
 */
import type { Taxonomy } from '../content/load-taxonomy.ts';
import { createClassifier, type Classification } from './index.ts';
import type { TrainingItem } from './labelled.ts';
import type { Scored } from './metrics.ts';
import type { KnownChange } from './known-changes.ts';
import { assignFolds } from './folds.ts';
import type { ClassifierRules } from './rules.ts';
import { trainModel } from './train.ts';

export interface ScoredItem extends Scored {
  item: TrainingItem;
  fold: number;
  /** The fold model's whole answer: score and reasons too. */
  predicted: Classification;
}

/**
 * Scores every item with a model trained on the other folds; `folds` gives each item's fold, 0 to
 * k − 1, or −1 for an item every model trains on and none scores.
 */
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

/**
 * Scores the items of each language in `languages` with a model trained on the items of every
 * other language.
 */
export function crossLanguage(
  items: readonly TrainingItem[],
  languages: readonly string[],
  taxonomy: Taxonomy,
  rules: ClassifierRules,
  changes: readonly KnownChange[] = [],
): ScoredItem[] {
  const folds = items.map((x) => languages.indexOf(x.language));
  return crossValidate(items, taxonomy, rules, changes, folds);
}
