/**
 * Logistic regression over binary features, fitted with ml-logistic-regression (gradient descent
 * on ml-matrix). Only features seen in enough training items get a weight: rarer ones would let
 * the model memorise single headlines instead of learning what relevant stories share. Each
 * feature enters the fit scaled by its naive-Bayes log-count ratio (Wang and Manning's NBSVM): a
 * feature that already tells the classes apart starts with a large value, so the few gradient
 * steps a small corpus allows are spent on how features combine rather than on finding them.
 */
import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';

export interface FitOptions {
  /** A feature must occur in at least this many training items. */
  minItems: number;
  /**
   * The features that tell the classes apart best (by chi-square on the training items) are kept,
   * this many: few enough for the dense fit to be quick and the model file to be read by a person.
   */
  maxFeatures: number;
  /** Gradient steps; fewer steps keep weights small, as regularisation would. */
  steps: number;
  learningRate: number;
}

export interface Fitted {
  bias: number;
  /** What each feature adds to an item's sum when present: the fitted weight times its ratio. */
  weights: Map<string, number>;
}

/** Add-one smoothing of the counts behind the log-count ratio. */
const SMOOTHING = 1;

export function fitLogistic(
  examples: readonly { features: ReadonlySet<string>; relevant: boolean }[],
  options: FitOptions,
): Fitted {
  const seen = new Map<string, number>();
  for (const e of examples) for (const f of e.features) seen.set(f, (seen.get(f) ?? 0) + 1);
  const positives = new Map<string, number>();
  for (const e of examples)
    if (e.relevant) for (const f of e.features) positives.set(f, (positives.get(f) ?? 0) + 1);
  const total = examples.length;
  const relevant = examples.filter((e) => e.relevant).length;
  const names = [...seen]
    .filter(([, n]) => n >= options.minItems)
    .map(([f, n]) => [f, chiSquare(positives.get(f) ?? 0, n, relevant, total)] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, options.maxFeatures)
    .map(([f]) => f)
    .sort();
  const counts = names.map((f) => {
    const p = positives.get(f) ?? 0;
    return { p: p + SMOOTHING, q: seen.get(f)! - p + SMOOTHING };
  });
  // The ratio's constant part, log(|q| / |p|) over all kept features, shifts every feature alike.
  const norm = Math.log(counts.reduce((n, c) => n + c.q, 0) / counts.reduce((n, c) => n + c.p, 0));
  const value = counts.map(({ p, q }) => Math.log(p / q) + norm);
  const column = new Map(names.map((f, i) => [f, i + 1]));
  const x = Matrix.zeros(examples.length, names.length + 1);
  examples.forEach((e, row) => {
    x.set(row, 0, 1);
    for (const f of e.features) {
      const c = column.get(f);
      if (c !== undefined) x.set(row, c, value[c - 1]!);
    }
  });
  // The library fits one-against-the-rest per class; with classes 0 and 1 its first
  // classifier is "relevant against not", the one kept.
  const y = Matrix.columnVector(examples.map((e) => (e.relevant ? 1 : 0)));
  const lr = new LogisticRegression({
    numSteps: options.steps,
    learningRate: options.learningRate,
  });
  lr.train(x, y);
  const w = lr.classifiers[0]!.weights.to1DArray();
  return {
    bias: w[0] ?? 0,
    weights: new Map(names.map((f, i) => [f, (w[i + 1] ?? 0) * value[i]!])),
  };
}

/** Chi-square of a feature's 2×2 table: how far its presence departs from independence of the class. */
function chiSquare(
  withPositive: number,
  withAll: number,
  positives: number,
  total: number,
): number {
  const a = withPositive;
  const b = withAll - withPositive;
  const c = positives - withPositive;
  const d = total - positives - b;
  const den = (a + b) * (c + d) * (a + c) * (b + d);
  return den === 0 ? 0 : (total * (a * d - b * c) ** 2) / den;
}
