/**
 * A regression check of the shipped model on headlines this project wrote in the style of real
 * coverage, a third or more of them decoys. The model never trained on them, but they are tidy:
 * the honest figures come from `npm run eval-classifier` on real headlines. Measured as a reader
 * meets the result: precision of what the site shows (relevant and not held for review), recall
 * of what it keeps (shown, or held for an editor to decide).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/lib/classify/index.ts';
import { loadClassifierRules } from '../../src/lib/classify/rules.ts';
import { loadTaxonomy } from '../../src/lib/content/load-taxonomy.ts';

interface Labelled {
  title: string;
  text: string;
  relevant: boolean;
  companies: string[];
  regions: string[];
}

const classify = createClassifier(loadTaxonomy('content'), loadClassifierRules('content'));

function load(name: string): Labelled[] {
  return fs
    .readFileSync(`test/fixtures/classify/${name}.jsonl`, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Labelled);
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const f1 = (c: Counts) => (2 * c.tp) / (2 * c.tp + c.fp + c.fn);

function measure(items: Labelled[]) {
  const relevance: Counts = { tp: 0, fp: 0, fn: 0 };
  const companies: Counts = { tp: 0, fp: 0, fn: 0 };
  const regions: Counts = { tp: 0, fp: 0, fn: 0 };
  const misses: string[] = [];
  const tally = (got: string[], want: string[], c: Counts) => {
    for (const g of got) want.includes(g) ? c.tp++ : c.fp++;
    for (const w of want) if (!got.includes(w)) c.fn++;
  };
  for (const item of items) {
    const got = classify(item);
    const shown = got.relevant && !got.review;
    if (shown && item.relevant) relevance.tp++;
    else if (shown) relevance.fp++;
    if (item.relevant && !got.relevant && !got.review) relevance.fn++;
    tally(got.companies, item.companies, companies);
    tally(got.regions, item.regions, regions);
    if (
      got.relevant !== item.relevant ||
      got.companies.join() !== item.companies.join() ||
      got.regions.join() !== item.regions.join()
    )
      misses.push(`${item.title} → ${got.relevant} ${got.companies} ${got.regions}`);
  }
  return {
    precision: relevance.tp / (relevance.tp + relevance.fp),
    recall: 1 - relevance.fn / items.filter((i) => i.relevant).length,
    companyF1: f1(companies),
    regionF1: f1(regions),
    misses,
  };
}

describe.each(['labelled', 'holdout'])('labelled headlines: %s', (name) => {
  const items = load(name);

  it('is a fair test: enough items, a third of them decoys, labels in the taxonomy', () => {
    const taxonomy = loadTaxonomy('content');
    const ids = new Set(taxonomy.companies.map((c) => c.id));
    const codes = new Set(taxonomy.regions.map((r) => r.code));
    expect(items.length).toBeGreaterThanOrEqual(name === 'holdout' ? 40 : 90);
    expect(items.filter((i) => !i.relevant).length).toBeGreaterThanOrEqual(items.length / 3);
    expect(items.flatMap((i) => i.companies).filter((id) => !ids.has(id))).toEqual([]);
    expect(items.flatMap((i) => i.regions).filter((c) => !codes.has(c))).toEqual([]);
    expect(new Set(items.map((i) => i.title)).size).toBe(items.length);
  });

  it('shows mostly relevant stories and loses almost none: P ≥ 0.85, R ≥ 0.93, company F1 ≥ 0.9, region F1 ≥ 0.85', () => {
    const m = measure(items);
    console.log(
      `${name} (${items.length} items): relevance precision ${m.precision.toFixed(3)}, ` +
        `recall ${m.recall.toFixed(3)}; company F1 ${m.companyF1.toFixed(3)}; ` +
        `region F1 ${m.regionF1.toFixed(3)}` +
        (m.misses.length ? `\n  misses:\n  ${m.misses.join('\n  ')}` : ''),
    );
    expect(m.precision).toBeGreaterThanOrEqual(0.85);
    expect(m.recall).toBeGreaterThanOrEqual(0.93);
    expect(m.companyF1).toBeGreaterThanOrEqual(0.9);
    expect(m.regionF1).toBeGreaterThanOrEqual(0.85);
  });
});
