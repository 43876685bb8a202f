import { describe, expect, it } from 'vitest';
import { fitLogistic } from '../../src/lib/classify/fit.ts';

const options = {
  minItems: 2,
  maxFeatures: 100,
  steps: 300,
  learningRate: 0.01,
  l2: { signals: 0.001, text: 0.001 },
};
const example = (relevant: boolean, ...features: string[]) => ({
  relevant,
  features: new Set(features),
});
// "s:training" marks every relevant item and no other; "w:the" is everywhere.
const examples = [
  ...Array.from({ length: 6 }, (_, i) => example(true, 's:training', 'w:the', `w:r${i % 3}`)),
  ...Array.from({ length: 6 }, (_, i) => example(false, 'w:the', `w:n${i % 3}`)),
];

describe('logistic fit', () => {
  it('weighs a feature only relevant items have far above one every item has', () => {
    const { weights } = fitLogistic(examples, options);
    expect(weights.get('s:training')!).toBeGreaterThan(0.5);
    expect(Math.abs(weights.get('w:the') ?? 0)).toBeLessThan(weights.get('s:training')! / 4);
  });

  it('scores a relevant item above one half and a decoy below it', () => {
    const { bias, weights } = fitLogistic(examples, options);
    const score = (fs: string[]) =>
      1 / (1 + Math.exp(-fs.reduce((z, f) => z + (weights.get(f) ?? 0), bias)));
    expect(score(['s:training', 'w:the', 'w:r1'])).toBeGreaterThan(0.5);
    expect(score(['w:the', 'w:n1'])).toBeLessThan(0.5);
  });

  it('leaves out features seen in fewer items than the minimum', () => {
    const { weights } = fitLogistic([...examples, example(true, 'w:once')], options);
    expect(weights.has('w:once')).toBe(false);
  });

  it('lets an example with more weight pull its features further', () => {
    // "w:both" sits in one relevant and one irrelevant item: their weights decide where it leans.
    const tied = (relevantWeight: number) =>
      fitLogistic(
        [
          ...examples,
          { ...example(true, 'w:both'), weight: relevantWeight },
          example(false, 'w:both'),
        ],
        options,
      ).weights.get('w:both')!;
    expect(tied(3)).toBeGreaterThan(0);
    expect(tied(3)).toBeGreaterThan(tied(1));
    expect(tied(1)).toBeGreaterThan(tied(1 / 3));
  });

  it('keeps weights smaller the stronger the penalty', () => {
    const loose = fitLogistic(examples, { ...options, l2: { signals: 0, text: 0 } }).weights.get(
      's:training',
    )!;
    const tight = fitLogistic(examples, { ...options, l2: { signals: 0.5, text: 0 } }).weights.get(
      's:training',
    )!;
    expect(tight).toBeGreaterThan(0);
    expect(tight).toBeLessThan(loose / 2);
  });

  it('penalises the words of an item apart from the signals of the vocabulary', () => {
    const twins = examples.map((e) =>
      e.relevant ? { ...e, features: new Set([...e.features, 'w:training']) } : e,
    );
    const words = fitLogistic(twins, { ...options, l2: { signals: 0, text: 0.5 } }).weights;
    expect(words.get('s:training')!).toBeGreaterThan(3 * words.get('w:training')!);
    const signals = fitLogistic(twins, { ...options, l2: { signals: 0.5, text: 0 } }).weights;
    expect(signals.get('w:training')!).toBeGreaterThan(3 * signals.get('s:training')!);
  });

  it('keeps only the features that tell the classes apart best when there are too many', () => {
    const { weights } = fitLogistic(examples, { ...options, maxFeatures: 1 });
    expect([...weights.keys()]).toEqual(['s:training']);
  });

  it('gives the same weights for the same examples', () => {
    expect([...fitLogistic(examples, options).weights]).toEqual([
      ...fitLogistic(examples, options).weights,
    ]);
  });
});
