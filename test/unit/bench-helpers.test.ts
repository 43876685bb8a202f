import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { shippedJs } from '../../src/lib/bench/js-shipped.ts';
import type { NamedQuery } from '../../src/lib/bench/queries.ts';
import { namedReference } from '../../src/lib/bench/search-bench.ts';
import { percentile } from '../../src/lib/bench/stats.ts';
import { makeVocabulary, rng, syntheticArticles, zipf } from '../../src/lib/bench/synthetic.ts';
import { articleSchema } from '../../src/lib/content/article.ts';
import { loadTaxonomy } from '../../src/lib/content/load-taxonomy.ts';
import { editDistance } from '../../src/lib/search/names.ts';
import { words } from '../../src/lib/search/normalize.ts';
import type { TimelineItem } from '../../src/lib/timeline/items.ts';
import { scratchDir } from '../support/scratch-dir.ts';

const taxonomy = loadTaxonomy('content');

describe('the synthetic archive', () => {
  const articles = syntheticArticles({
    articles: 2000,
    companies: taxonomy.companies,
    regions: taxonomy.regions,
    seed: 3,
  });

  it('writes articles that pass the article schema, with real company and region ids', () => {
    const companyIds = new Set(taxonomy.companies.map((c) => c.id));
    const codes = new Set(taxonomy.regions.map((r) => r.code));
    for (const a of articles.slice(0, 300)) {
      expect(articleSchema.safeParse(a).success, a.id).toBe(true);
      expect(a.companies.every((c) => companyIds.has(c))).toBe(true);
      expect(a.regions.every((r) => codes.has(r))).toBe(true);
    }
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
  });

  it('is the same archive on every run with the same seed', () => {
    const again = syntheticArticles({
      articles: 50,
      companies: taxonomy.companies,
      regions: taxonomy.regions,
      seed: 3,
    });
    expect(again).toEqual(articles.slice(0, 50));
  });

  it('has news-like lengths and groups some articles into shared stories', () => {
    const words = (s: string) => s.split(' ').length;
    const titleWords = articles.map((a) => words(a.title)).sort((x, y) => x - y);
    const summaryWords = articles.map((a) => words(a.summary)).sort((x, y) => x - y);
    expect(titleWords[1000]).toBeGreaterThanOrEqual(8);
    expect(titleWords[1000]).toBeLessThanOrEqual(16);
    expect(summaryWords[1000]).toBeGreaterThanOrEqual(25);
    const stories = new Set(articles.map((a) => a.story)).size;
    expect(stories).toBeLessThan(articles.length * 0.85);
    expect(stories).toBeGreaterThan(articles.length * 0.6);
  });

  it('has a long tail of several thousand rare words: names, places and misspellings', () => {
    const big = syntheticArticles({
      articles: 10_000,
      companies: taxonomy.companies,
      regions: taxonomy.regions,
      seed: 7,
    });
    const df = new Map<string, number>();
    for (const a of big)
      for (const w of new Set(words(`${a.title} ${a.summary}`))) df.set(w, (df.get(w) ?? 0) + 1);
    const rare = [...df].filter(([, n]) => n <= 3).map(([w]) => w);
    expect(rare.length).toBeGreaterThan(3000);
    const common = [...df].filter(([, n]) => n >= 200).map(([w]) => w);
    const slips = rare.filter((w) => common.some((c) => c !== w && editDistance(w, c, 1) === 1));
    expect(slips.length).toBeGreaterThan(300);
    expect(rare.filter((w) => /(burg|ville|stad|ford)$/.test(w)).length).toBeGreaterThan(300);
  });

  it('draws words with Zipf frequencies: the top word far more often than the hundredth', () => {
    const random = rng(5);
    const vocab = makeVocabulary(5000, random);
    expect(new Set(vocab).size).toBe(5000);
    const draw = zipf(vocab, 1.05, random);
    const counts = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) {
      const w = draw();
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    const top = counts.get(vocab[0]!) ?? 0;
    const hundredth = counts.get(vocab[99]!) ?? 0;
    expect(top / hundredth).toBeGreaterThan(60);
    expect(top / hundredth).toBeLessThan(200);
  });
});

describe('JavaScript shipped before interaction', () => {
  it('sums the page’s module scripts and their static imports, not dynamic ones or JSON-LD', () => {
    const dist = scratchDir('aidw-js-');
    fs.mkdirSync(path.join(dist, '_astro'));
    const files = {
      'entry.js': 'import { a } from "./shared.js";\nconst b = () => import("./lazy.js");\na(b);',
      'shared.js': 'export const a = (x) => x;',
      'lazy.js': 'export default "never loaded before interaction";'.repeat(50),
    };
    for (const [name, code] of Object.entries(files))
      fs.writeFileSync(path.join(dist, '_astro', name), code);
    fs.writeFileSync(
      path.join(dist, 'index.html'),
      '<script type="application/ld+json">{"@type":"WebSite"}</script>' +
        '<script type="module" src="/_astro/entry.js"></script><script type="module">console.log(1)</script>',
    );
    const js = shippedJs(dist);
    expect(js.files.map((f) => f.path)).toEqual([
      '_astro/entry.js',
      '_astro/shared.js',
      'index.html (inline)',
    ]);
    const gz = (s: string) => zlib.gzipSync(s, { level: 9 }).length;
    expect(js.gzip).toBe(gz(files['entry.js']) + gz(files['shared.js']) + gz('console.log(1)'));
  });
});

describe('percentiles', () => {
  it('takes the nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile([3], 95)).toBe(3);
  });
});

describe('the recall reference for a query naming a tag', () => {
  const day = (d: number) => `2024-05-${String(d).padStart(2, '0')}T00:00:00.000Z`;
  const story = (id: string, title: string, d: number, companies: string[], regions: string[]) =>
    ({
      id,
      type: 'story',
      title,
      summary: '',
      date: day(d),
      datePrecision: 'day',
      href: `https://news.example/${id}`,
      companies,
      regions,
      sources: [],
    }) satisfies TimelineItem;
  const items = [
    story('a', 'Meta pauses AI training', 9, ['meta'], ['IE']),
    story('b', 'Meta changes its privacy policy', 8, ['meta'], ['US']),
    story('c', 'LinkedIn pauses AI training', 7, ['linkedin'], ['UK']),
    story('d', 'Regulator fines Meta over training data', 6, ['meta'], ['EU']),
  ];

  it('is the naive scan over that tag’s items only, searching the rest of the query', () => {
    const ids = (q: NamedQuery) =>
      namedReference(items, taxonomy.regions, q).map((i) => items[i]!.id);
    expect(ids({ companies: ['meta'], rest: 'trainig' }).sort()).toEqual(['a', 'd']);
    expect(ids({ companies: ['meta'], rest: '' })).toEqual(['a', 'b', 'd']);
  });

  it('counts a member state’s items as its bloc’s, and narrows by a company and a region', () => {
    const ids = (q: NamedQuery) =>
      namedReference(items, taxonomy.regions, q).map((i) => items[i]!.id);
    expect(ids({ regions: ['EU'], rest: '' })).toEqual(['a', 'd']);
    expect(ids({ companies: ['meta', 'linkedin'], regions: ['UK'], rest: '' })).toEqual(['c']);
  });
});
