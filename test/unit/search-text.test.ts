import { describe, expect, it } from 'vitest';
import { allowedErrors, matchQuality, wordMatcher } from '../../src/lib/search/fuzzy.ts';
import { normalize, terms } from '../../src/lib/search/normalize.ts';
import { VarintWriter, readVarint } from '../../src/lib/search/varint.ts';

/** Plain dynamic-programming reference: fewest edits from `p` to any substring of `t`. */
function substringDistance(p: string, t: string): number {
  let prev = Array.from({ length: p.length + 1 }, (_, i) => i);
  let best = prev[p.length]!;
  for (const ch of t) {
    const cur = [0];
    for (let i = 1; i <= p.length; i++) {
      cur[i] = Math.min(prev[i]! + 1, cur[i - 1]! + 1, prev[i - 1]! + (p[i - 1] === ch ? 0 : 1));
    }
    best = Math.min(best, cur[p.length]!);
    prev = cur;
  }
  return best;
}

describe('normalize', () => {
  it('lower-cases, strips diacritics and folds hyphens and punctuation to single spaces', () => {
    expect(normalize('  Opt-Out — Données  Personnelles! ')).toBe('opt out donnees personnelles');
    expect(normalize('opt out')).toBe(normalize('OPT-OUT'));
    expect(normalize('Zürich’s CNIL/ICO')).toBe('zurich s cnil ico');
  });

  it('spells letters Unicode cannot strip as a keyboard without them does, so either spelling finds the other', () => {
    expect(normalize('Lærere, Bøde, Włamanie')).toBe('laerere bode wlamanie');
    expect(terms('Forbrukerrådet vil stoppe KI-trening')).toEqual(
      terms('forbrukerradet vil stoppe ki trening'),
    );
  });

  it('drops stopwords from search terms but keeps meaningful short words', () => {
    expect(terms('The EU and the UK: X trains on it')).toEqual(['eu', 'uk', 'x', 'trains']);
  });
});

describe('typo-tolerant word matching', () => {
  it('allows the edits fuse.js allows at threshold 0.3', () => {
    expect([3, 4, 6, 7, 9, 10].map((n) => allowedErrors(n))).toEqual([0, 1, 1, 2, 2, 3]);
  });

  it('finds misspelt company names inside indexed words', () => {
    expect(wordMatcher('linkdin').distance('linkedin')).toBe(1);
    expect(wordMatcher('trainig').distance('training')).toBe(1);
    expect(wordMatcher('insta').distance('instagram')).toBe(0);
    expect(wordMatcher('gram').distance('instagram')).toBe(0);
    expect(wordMatcher('linkdin').distance('google')).toBe(-1);
  });

  it('agrees with a plain edit-distance computation on many word pairs', () => {
    const words = [
      'linkedin',
      'training',
      'instagram',
      'privacy',
      'regulator',
      'opt',
      'gdpr',
      'meta',
      'data',
      'zürich',
      'ab',
    ];
    const queries = [
      'linkdin',
      'trainig',
      'insta',
      'privcy',
      'regulater',
      'opt',
      'gdrp',
      'mata',
      'daat',
      'zurich',
      'ba',
    ];
    for (const q of queries) {
      const m = wordMatcher(q);
      for (const w of words) {
        const d = substringDistance(q, w);
        expect(m.distance(w), `${q} in ${w}`).toBe(d <= m.maxErrors ? d : -1);
      }
    }
  });

  it('ranks the same word above a prefix, a prefix above a word found inside, and typos lowest', () => {
    const m = wordMatcher('train');
    const exact = matchQuality(m, 'train');
    const prefix = matchQuality(m, 'training');
    const inside = matchQuality(m, 'retrained');
    const typo = matchQuality(m, 'trxin');
    expect(exact).toBe(1);
    expect(prefix).toBeLessThan(exact);
    expect(inside).toBeLessThan(prefix);
    expect(typo).toBeGreaterThan(0);
    expect(typo).toBeLessThan(inside);
  });
});

describe('varints', () => {
  it('round-trips small and large numbers', () => {
    const w = new VarintWriter();
    const values = [0, 1, 127, 128, 300, 16_383, 16_384, 2 ** 31 + 5];
    values.forEach((v) => w.write(v));
    const bytes = w.bytes();
    const pos = { at: 0 };
    expect(values.map(() => readVarint(bytes, pos))).toEqual(values);
    expect(pos.at).toBe(bytes.length);
  });

  it('refuses negative numbers and reports truncated input', () => {
    expect(() => new VarintWriter().write(-1)).toThrow(/≥ 0/);
    expect(() => readVarint(new Uint8Array([0x80]), { at: 0 })).toThrow(/truncated/);
  });
});
