import { describe, expect, it } from 'vitest';
import { fitCalibration, MIN_PER_CLASS } from '../../src/lib/classify/calibrate.ts';

/** `n` items at each sum, of which the share a logistic curve of `slope` and `offset` gives are relevant. */
function sample(sums: number[], n: number, slope: number, offset = 0) {
  return sums.flatMap((sum) => {
    const relevant = Math.round(n / (1 + Math.exp(-(slope * sum + offset))));
    return Array.from({ length: n }, (_, i) => ({ sum, relevant: i < relevant }));
  });
}

/** The fitted calibration, which these samples have enough of each class for. */
function fitted(points: { sum: number; relevant: boolean }[]) {
  const c = fitCalibration(points);
  expect(c).not.toBeNull();
  return c!;
}

describe('calibration', () => {
  it('shrinks the sums of a model that is surer of itself than its record on unseen items', () => {
    const c = fitted(sample([-8, -4, -2, 0, 2, 4, 8], 40, 0.25));
    expect(c.scale).toBeGreaterThan(0.2);
    expect(c.scale).toBeLessThan(0.3);
    expect(Math.abs(c.shift)).toBeLessThan(0.1);
  });

  it('shifts the curve when relevant items are more common than the sums say', () => {
    const c = fitted(sample([-4, -2, 0, 2, 4], 40, 1, 1));
    expect(c.scale).toBeGreaterThan(0.85);
    expect(c.scale).toBeLessThan(1.15);
    expect(c.shift).toBeGreaterThan(0.8);
    expect(c.shift).toBeLessThan(1.2);
  });

  it('stays finite when the held-out sums part the classes cleanly', () => {
    const c = fitted(sample([-6, -5, 5, 6], 20, 100));
    expect(Number.isFinite(c.scale) && Number.isFinite(c.shift)).toBe(true);
    expect(c.scale).toBeGreaterThan(0);
  });

  it('leaves the scores as they are with too few items of a class to tell', () => {
    const few = [
      ...Array.from({ length: MIN_PER_CLASS - 1 }, () => ({ sum: 3, relevant: true })),
      ...Array.from({ length: 50 }, (_, i) => ({ sum: -i / 10, relevant: false })),
    ];
    expect(fitCalibration(few)).toBeNull();
  });

  it('never turns a model around whose sums do not rise with relevance', () => {
    expect(fitCalibration(sample([-4, -2, 0, 2, 4], 40, -1))).toBeNull();
  });
});
