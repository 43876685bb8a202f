import { describe, expect, it } from 'vitest';
import { itemFeatures } from '../../src/lib/classify/features.ts';
import { tokenize } from '../../src/lib/taxonomy/text.ts';

const signals = (...names: string[]) => ({ found: new Map(names.map((n) => [n, `'${n}'`])) });
const features = (...names: string[]) =>
  [...itemFeatures(tokenize('Meta trains AI'), signals(...names))].filter((f) => /^[sn]:/.test(f));

describe('relevance features', () => {
  it('pairs each two signals found together, so the model can weigh one in the company of another', () => {
    expect(features('authorityNearAi', 'trainingNearPersonal', 'company')).toEqual(
      expect.arrayContaining([
        's:authorityNearAi&company',
        's:authorityNearAi&trainingNearPersonal',
        's:company&trainingNearPersonal',
      ]),
    );
  });

  it('counts the signals found, up to eight', () => {
    expect(features('ai', 'aiInHeadline', 'personal')).toContain('n:3');
    expect(features()).toContain('n:0');
    const many = Array.from({ length: 12 }, (_, i) => `signal${i}`);
    expect(features(...many)).toContain('n:8');
  });

  it('leaves contexts that count against and headline copies out of the pairs and the count', () => {
    const f = features('training', 'trainingInHeadline', 'negative', 'negativeInHeadline:outage');
    expect(f).toContain('n:2');
    expect(f.filter((x) => x.includes('&'))).toEqual([]);
    expect(f).toEqual(expect.arrayContaining(['s:negative', 's:trainingInHeadline']));
  });

  it('weighs no language by itself: every feature is a signal, a pair, a count, a word or a part of one', () => {
    const all = itemFeatures(tokenize('Meta vil trene KI med innhold'), signals('ai', 'training'));
    expect([...all].filter((f) => !/^(?:s|n|w|b|c):/.test(f))).toEqual([]);
  });
});
