/**
 * Platt scaling: how far to trust the model's sums. A model fitted on a few hundred headlines is
 * surer of itself on the items it learned from than on items it has never seen, so its scores run
 * to 0 and 1 too readily. Fitting a logistic curve to the sums that models trained without an item
 * gave it says how much to scale and shift every sum so that a score means what it says: of the
 * items scored 0.7, seven in ten are relevant (Platt 1999, with his smoothed targets, so that
 * cleanly separated items cannot send the scale to infinity).
 *
 * Two parameters fitted by Newton's method in a few steps; a library for it would be the larger
 * part of the code.
 */

export interface Calibration {
  /** Multiplies the model's sum (below 1 when the model is too sure of itself). */
  scale: number;
  /** Added after scaling. */
  shift: number;
}

/** Below this many items of either class, a fitted curve says more about the few items than the model. */
export const MIN_PER_CLASS = 10;
const MAX_STEPS = 100;
const TOLERANCE = 1e-9;
/** Keeps the Hessian invertible when every sum is the same. */
const RIDGE = 1e-12;
/** A step cut below this no longer lowers the loss: the fit has converged. */
const MIN_STEP = 1e-10;

/** A held-out item: the sum a model trained without it gave it, and its label. */
interface Point {
  sum: number;
  relevant: boolean;
}

/** Cross-entropy of the smoothed targets under scale `a` and shift `b`, in a form that cannot overflow. */
function loss(points: readonly Point[], a: number, b: number, high: number, low: number): number {
  let total = 0;
  for (const p of points) {
    const z = a * p.sum + b;
    const t = p.relevant ? high : low;
    total += z >= 0 ? (1 - t) * z + Math.log1p(Math.exp(-z)) : -t * z + Math.log1p(Math.exp(z));
  }
  return total;
}

/**
 * The scale and shift that best fit held-out sums to their labels; null when there are too few
 * items of a class to tell, or when the sums do not rise with relevance. Newton's method with
 * a backtracking line search, from a flat curve at the share of relevant items (after Lin, Lin and
 * Weng's note on Platt's method), so that sums far from zero cannot throw a step off.
 */
export function fitCalibration(points: readonly Point[]): Calibration | null {
  const positives = points.filter((p) => p.relevant).length;
  const negatives = points.length - positives;
  if (positives < MIN_PER_CLASS || negatives < MIN_PER_CLASS) return null;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  let a = 0;
  let b = Math.log((positives + 1) / (negatives + 1));
  let current = loss(points, a, b, high, low);
  for (let step = 0; step < MAX_STEPS; step++) {
    let ga = 0;
    let gb = 0;
    let haa = RIDGE;
    let hab = 0;
    let hbb = RIDGE;
    for (const p of points) {
      const q = 1 / (1 + Math.exp(-(a * p.sum + b)));
      const e = q - (p.relevant ? high : low);
      const w = q * (1 - q);
      ga += e * p.sum;
      gb += e;
      haa += w * p.sum * p.sum;
      hab += w * p.sum;
      hbb += w;
    }
    if (Math.abs(ga) < TOLERANCE && Math.abs(gb) < TOLERANCE) break;
    const det = haa * hbb - hab * hab;
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(haa * gb - hab * ga) / det;
    let t = 1;
    while (t >= MIN_STEP) {
      const next = loss(points, a + t * da, b + t * db, high, low);
      if (next < current + 1e-4 * t * (ga * da + gb * db)) {
        a += t * da;
        b += t * db;
        current = next;
        break;
      }
      t /= 2;
    }
    if (t < MIN_STEP) break;
  }
  return a > 0 ? { scale: a, shift: b } : null;
}
