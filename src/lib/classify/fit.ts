/**
 * L2-regularised logistic regression over binary features, fitted to convergence by Adam on
 * sparse rows. Only features seen in enough training items get a weight: rarer ones would let the
 * model memorise single headlines instead of learning what relevant stories share. Each feature
 * enters the fit scaled by the size of its naive-Bayes log-count ratio (after Wang and Manning's
 * NBSVM), so the penalty costs less for a feature that already tells the classes apart than for
 * one that merely happens to sit in a few relevant headlines. An example may carry a weight, its
 * share of the loss; which features are kept and how they are scaled still counts items.
 *
 * The loop is written here rather than taken from a library: ml-logistic-regression has no
 * penalty and fits dense matrices (12 s for 3 000 features), and tfjs-core's dense product on the
 * CPU takes 22 ms a step, half a minute a fit; over sparse rows a fit takes about a second, so
 * cross-validation stays quick enough to run on every CI build.
 */
import { isTextFeature } from './features.ts';

export interface FitOptions {
  /** A feature must occur in at least this many training items. */
  minItems: number;
  /** The features that tell the classes apart best (by chi-square on the training items) are kept, this many. */
  maxFeatures: number;
  /** Adam steps over the whole training set. */
  steps: number;
  learningRate: number;
  /**
   * Strength of the L2 penalty on the scaled weights: on the vocabulary's signals, and on the
   * item's own words and n-grams. Thousands of n-grams can each take a little weight from a
   * handful of headlines, and together they push an unrelated post over the line; the stronger
   * penalty on them leaves more of the decision to what the vocabulary understood.
   */
  l2: { signals: number; text: number };
}

export interface Example {
  features: ReadonlySet<string>;
  relevant: boolean;
  /** How much the example counts in the loss, 1 unless told otherwise. */
  weight?: number;
}

export interface Fitted {
  bias: number;
  /** What each feature adds to an item's sum when present: the fitted weight times its scale. */
  weights: Map<string, number>;
}

/** Add-one smoothing of the counts behind the log-count ratio. */
const SMOOTHING = 1;
/** The least scale a feature gets, so that one seen as often in both classes can still be learned. */
const MIN_SCALE = 0.1;
const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

export function fitLogistic(examples: readonly Example[], options: FitOptions): Fitted {
  const seen = new Map<string, number>();
  const positives = new Map<string, number>();
  for (const e of examples)
    for (const f of e.features) {
      seen.set(f, (seen.get(f) ?? 0) + 1);
      if (e.relevant) positives.set(f, (positives.get(f) ?? 0) + 1);
    }
  const total = examples.length;
  const relevant = examples.filter((e) => e.relevant).length;
  const names = [...seen]
    .filter(([, n]) => n >= options.minItems)
    .map(([f, n]) => [f, chiSquare(positives.get(f) ?? 0, n, relevant, total)] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, options.maxFeatures)
    .map(([f]) => f)
    .sort();
  const scale = names.map((f) => {
    const inRelevant = positives.get(f) ?? 0;
    const inOthers = seen.get(f)! - inRelevant;
    return Math.abs(Math.log((inRelevant + SMOOTHING) / (inOthers + SMOOTHING))) + MIN_SCALE;
  });
  const column = new Map(names.map((f, i) => [f, i]));
  const rows = examples.map((e) =>
    Int32Array.from([...e.features].flatMap((f) => column.get(f) ?? [])),
  );
  const targets = examples.map((e) => (e.relevant ? 1 : 0));
  const share = examples.map((e) => e.weight ?? 1);
  const totalWeight = share.reduce((a, b) => a + b, 0);
  const penalty = names.map((f) => (isTextFeature(f) ? options.l2.text : options.l2.signals));

  // Index `names.length` is the bias, which goes unpenalised.
  const size = names.length + 1;
  const w = new Float64Array(size);
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const g = new Float64Array(size);
  for (let step = 1; step <= options.steps; step++) {
    g.fill(0);
    rows.forEach((row, i) => {
      let z = w[names.length]!;
      for (const c of row) z += w[c]! * scale[c]!;
      const err = ((1 / (1 + Math.exp(-z)) - targets[i]!) * share[i]!) / totalWeight;
      g[names.length] = g[names.length]! + err;
      for (const c of row) g[c] = g[c]! + err * scale[c]!;
    });
    const c1 = 1 - ADAM.beta1 ** step;
    const c2 = 1 - ADAM.beta2 ** step;
    for (let c = 0; c < size; c++) {
      const grad = g[c]! + (c < names.length ? penalty[c]! * w[c]! : 0);
      m[c] = ADAM.beta1 * m[c]! + (1 - ADAM.beta1) * grad;
      v[c] = ADAM.beta2 * v[c]! + (1 - ADAM.beta2) * grad * grad;
      w[c] = w[c]! - (options.learningRate * (m[c]! / c1)) / (Math.sqrt(v[c]! / c2) + ADAM.epsilon);
    }
  }
  return {
    bias: w[names.length]!,
    weights: new Map(names.map((f, i) => [f, w[i]! * scale[i]!])),
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
