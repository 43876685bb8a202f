/**
 * How labelled items are split into folds for cross-validation: at random (fixed by a hash of each
 * headline, spread evenly over languages and labels) or by period.
 */
import { createHash } from 'node:crypto';
import type { TrainingItem } from './labelled.ts';

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
