import { describe, expect, it } from 'vitest';
import { format } from 'prettier';
import { parse } from 'yaml';
import { entrySchema, type Vocabulary } from '../../src/lib/content/entry.ts';
import { entryFileName } from '../../src/lib/editorial/entry-file.ts';
import { planNewEntry } from '../../src/lib/editorial/new-entry.ts';
import { splitFrontMatter } from '../../src/lib/editorial/yaml-source.ts';

const vocab: Vocabulary = {
  companyIds: ['linkedin', 'meta', 'microsoft'],
  regionCodes: ['EU', 'GLOBAL', 'IE', 'UK', 'US'],
  blocsOf: new Map([['IE', ['EU']]]),
};
const today = new Date('2025-06-01T12:00:00Z');
const base = { title: 'LinkedIn opts members into AI training', date: '2024-09-18' };

function planned(input: Parameters<typeof planNewEntry>[0]) {
  const plan = planNewEntry(input, vocab, today);
  if (!plan.ok) throw new Error(plan.errors.join('\n'));
  return plan;
}

describe('entryFileName', () => {
  it('names the file after the date and a slug of the title', () => {
    expect(entryFileName('2024-09-18', 'LinkedIn opts members into AI training!')).toBe(
      '2024-09-18-linkedin-opts-members-into-ai-training.md',
    );
  });

  it('cuts a long slug at a word rather than mid-word', () => {
    const name = entryFileName(
      '2024-09-18',
      'Irish regulator asks Meta to delay training its large language models on public content shared by adults',
    );
    const slug = name.slice('2024-09-18-'.length, -'.md'.length);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe('irish-regulator-asks-meta-to-delay-training-its-large');
  });

  it('turns punctuation and accents into a plain slug', () => {
    expect(entryFileName('2025-05-23', 'Köln court: “no injunction” for Meta’s AI plans')).toBe(
      '2025-05-23-köln-court-no-injunction-for-metas-ai-plans.md',
    );
  });
});

describe('planNewEntry', () => {
  it('writes the given title, date, companies, regions and kind into valid YAML front matter', () => {
    const { text } = planned({
      ...base,
      companies: ['LinkedIn'],
      regions: ['us', 'GLOBAL'],
      kind: 'policy-change',
    });
    const fm = parse(splitFrontMatter(text)!.yaml);
    expect(fm).toMatchObject({
      title: base.title,
      date: '2024-09-18',
      companies: ['linkedin'],
      regions: ['US', 'GLOBAL'],
      kind: 'policy-change',
    });
  });

  it('documents every field of the entry schema in a comment', () => {
    const { text } = planned({ ...base, companies: ['meta'], regions: ['EU'] });
    const shape = (entrySchema(vocab) as unknown as { in: { shape: Record<string, unknown> } }).in
      .shape;
    for (const field of Object.keys(shape)) expect(text).toMatch(new RegExp(`\\b${field}\\b`));
  });

  it('quotes a title with a colon and quotes so the YAML still reads back the same title', () => {
    const title = 'Meta: "pauses" AI training after the DPC’s request — it\'s official';
    const { text } = planned({ ...base, title, companies: ['meta'], regions: ['IE'] });
    expect(parse(splitFrontMatter(text)!.yaml).title).toBe(title);
  });

  it('writes a file the project formatter leaves as it is', async () => {
    const { text } = planned({
      ...base,
      title: "Meta's plan: train on posts",
      companies: ['meta'],
      regions: ['EU'],
    });
    const formatted = await format(text, {
      parser: 'markdown',
      printWidth: 100,
      singleQuote: true,
    });
    expect(formatted).toBe(text);
  });

  it('lists the valid company ids when a company is unknown', () => {
    const plan = planNewEntry({ ...base, companies: ['linkdin'], regions: ['US'] }, vocab, today);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors.join('\n')).toContain(
      '--company "linkdin" is not a known company id; valid ids: linkedin, meta, microsoft',
    );
  });

  it('reports every bad flag at once', () => {
    const plan = planNewEntry(
      { title: '', date: '2024-02-30', companies: ['nope'], regions: ['XX'], kind: 'rumour' },
      vocab,
      today,
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    const all = plan.errors.join('\n');
    expect(all).toContain('--title is required');
    expect(all).toContain('--date "2024-02-30" is not a real day');
    expect(all).toContain('--company "nope"');
    expect(all).toContain(
      '--region "XX" is not a known region code; valid codes: EU, GLOBAL, IE, UK, US',
    );
    expect(all).toContain('--kind "rumour" is not a kind');
  });

  it('refuses a date in the future', () => {
    const plan = planNewEntry(
      { ...base, date: '2025-06-05', companies: ['meta'], regions: ['EU'] },
      vocab,
      today,
    );
    expect(plan.ok ? [] : plan.errors).toEqual([
      expect.stringContaining('--date 2025-06-05 is in the future'),
    ]);
  });

  it('accepts --company none for an event about no company in particular', () => {
    const { text } = planned({ ...base, companies: ['none'], regions: ['EU'] });
    expect(parse(splitFrontMatter(text)!.yaml).companies).toEqual([]);
  });
});
