import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createClassifier, loadClassifierRules } from '../../src/lib/classify/index.ts';
import { ContentError, loadTaxonomy } from '../../src/lib/content/load-taxonomy.ts';

const taxonomy = loadTaxonomy('content');
const rules = loadClassifierRules('content');
const classify = createClassifier(taxonomy, rules);

describe('classifier', () => {
  it('keeps a story about training AI on users’ posts and explains the verdict', () => {
    const c = classify({
      title: 'Meta to train AI on Instagram posts of British adults',
      text: 'The ICO said people can object before the company starts using their public content.',
    });
    expect(c.relevant).toBe(true);
    expect(c.score).toBeGreaterThanOrEqual(0.9);
    expect(c.companies).toEqual(['meta']);
    expect(c.regions).toEqual(['UK']);
    expect(c.why[0]).toMatch(
      /^relevance 0\.\d\d: 'train' \+ 'posts' \(AI training on people's data\)/,
    );
    expect(c.why[0]).toContain("'ICO' (regulator or court)");
    expect(c.why).toContain("'Meta', 'Instagram' → meta");
    expect(c.why).toContain("'British', 'ICO' → UK");
  });

  it('gives a reason for every company and region it tags', () => {
    const c = classify({
      title: 'Irish DPC takes X to court over Grok training on posts',
      text: 'The watchdog wants the platform to stop processing personal data for xAI.',
    });
    expect(c.companies).toEqual(['x', 'xai']);
    expect(c.regions).toEqual(['EU', 'IE']);
    for (const tag of [...c.companies, ...c.regions])
      expect(
        c.why.some((w) => w.endsWith(`→ ${tag}`) || w.includes(`→ ${tag} (`)),
        tag,
      ).toBe(true);
    expect(c.why).toContain("'IE' → EU (member state)");
  });

  it('says GLOBAL and why when no region is named', () => {
    const c = classify({ title: 'Anthropic will train Claude on user chats', text: '' });
    expect(c.regions).toEqual(['GLOBAL']);
    expect(c.why.at(-1)).toBe('no region named → GLOBAL');
  });

  it.each([
    [
      'Meta shares jump as advertising revenue beats forecasts',
      'The Instagram owner lifted spending on AI.',
    ],
    [
      'US widens export controls on AI chips',
      'Nvidia processors used to train large models are covered.',
    ],
    [
      'Meta-analysis links social media to sleep loss',
      'Researchers pooled data from 30 studies of teenagers.',
    ],
    [
      'Irish regulator fines Meta over ad targeting',
      'The DPC said behavioural advertising on Facebook needed consent.',
    ],
    [
      'Data breach at AI start-up exposes chat logs',
      'Hackers accessed a database of user conversations.',
    ],
    ['OpenAI chief technology officer resigns', 'She led development of ChatGPT.'],
    ['Snap election called in Japan', 'Voters go to the polls next month.'],
    ['Zoom in: telescope captures galaxy', 'Astronomers used new imaging software.'],
    ['Apple harvest hit by frost', 'Growers in Poland expect a smaller crop.'],
    [
      'Google launches Gemini 3 with better reasoning',
      'The model tops benchmarks, the company said.',
    ],
    [
      'LinkedIn report: AI skills in demand in UK job market',
      'Job postings mentioning AI doubled.',
    ],
  ])('rejects a decoy that only mentions a company, AI or data: %s', (title, text) => {
    const c = classify({ title, text });
    expect(c.relevant).toBe(false);
    expect(c.score).toBeLessThan(rules.threshold);
    expect(c.why[0]).toMatch(/^relevance 0\.\d\d: /);
  });

  it('does not read everyday uses of training words as AI training', () => {
    const c = classify({
      title: 'Code reviews: too many comments?',
      text: 'Reviews are a chance to improve your code and learn from experienced engineers.',
    });
    expect(c.relevant).toBe(false);
    expect(
      classify({ title: 'Rail union says train drivers’ data on shifts is wrong', text: '' })
        .relevant,
    ).toBe(false);
  });

  it('names the context that counted against an item', () => {
    const c = classify({
      title: 'Nvidia revenue soars on demand for AI training chips',
      text: 'Data centre sales doubled.',
    });
    expect(c.why[0]).toContain('(earnings and markets: counts against)');
    expect(c.why[0]).toContain('(chips and exports: counts against)');
  });

  it('keeps scores between 0.01 and 0.99', () => {
    const strong = classify({
      title: 'LinkedIn trains AI on member posts by default; users must opt out',
      text: 'Regulators opened an inquiry into the use of personal data to train models.',
    });
    const weak = classify({
      title: 'Meta shares slump as quarterly revenue misses forecasts after data breach',
      text: 'The chief financial officer resigned.',
    });
    expect(strong.score).toBe(0.99);
    expect(weak.score).toBe(0.01);
  });

  it('reads relevance words with their endings and across hyphens', () => {
    for (const verb of ['trains', 'trained', 'training', 'retrains', 'scraped', 'scraping'])
      expect(
        classify({ title: `Company ${verb} AI on users' photos`, text: '' }).relevant,
        verb,
      ).toBe(true);
    expect(
      classify({ title: 'X users get an opt-out from Grok training on posts', text: '' }).relevant,
    ).toBe(true);
  });

  it('copes with empty, accented and very long input', () => {
    expect(classify({ title: '', text: '' }).regions).toEqual(['GLOBAL']);
    expect(
      classify({ title: 'La CNIL et l’Autorité de protection des données', text: '' }).regions,
    ).toEqual(expect.arrayContaining(['FR', 'BE']));
    const long = 'Meta trains AI on posts. '.repeat(5_000);
    expect(classify({ title: 'Long', text: long }).companies).toEqual(['meta']);
  });
});

describe('classifier rules file', () => {
  const withRules = (edit: (raw: Record<string, unknown>) => void) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'classifier-rules-'));
    const raw = parse(fs.readFileSync('content/classifier.yaml', 'utf8')) as Record<
      string,
      unknown
    >;
    edit(raw);
    fs.writeFileSync(path.join(dir, 'classifier.yaml'), stringify(raw));
    return dir;
  };

  it('lets an editor teach the classifier a new word without touching code', () => {
    const item = { title: 'Company will distil its assistant from members’ selfies', text: '' };
    expect(classify(item).relevant).toBe(false);
    const dir = withRules((raw) => {
      (raw['concepts'] as Record<string, string[]>)['training']!.push('distil*');
    });
    expect(createClassifier(taxonomy, loadClassifierRules(dir))(item).relevant).toBe(true);
  });

  it('names the file and field of a mistake', () => {
    const dir = withRules((raw) => {
      (raw['weights'] as Record<string, unknown>)['bias'] = 'low';
    });
    expect(() => loadClassifierRules(dir)).toThrow(ContentError);
    expect(() => loadClassifierRules(dir)).toThrow(
      /classifier\.yaml: weights\.bias — must be a number/,
    );
  });

  it('says when the file is missing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'classifier-rules-'));
    expect(() => loadClassifierRules(dir)).toThrow(/classifier\.yaml: \(file\) — is missing/);
  });
});
