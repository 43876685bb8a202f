/**
 * Checks the real curated entries in content/entries with the real schema and taxonomy, so an
 * editor's mistake fails `npm test` in a second rather than only the slower site build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isoDay } from '../../src/lib/content/fields.ts';
import { entrySchema, type Entry } from '../../src/lib/content/entry.ts';
import { describeIssues, loadTaxonomy, vocabulary } from '../../src/lib/content/load-taxonomy.ts';
import { splitFrontMatter } from '../../src/lib/editorial/yaml-source.ts';
import { cellAt, StatusIndex } from '../../src/lib/compare/matrix.ts';
import { statusEvents } from '../../src/lib/compare/status.ts';
import { entryToItem } from '../../src/lib/timeline/items.ts';

const root = path.resolve('content');
const dir = path.join(root, 'entries');
const schema = entrySchema(vocabulary(loadTaxonomy(root)));

interface Parsed {
  file: string;
  slug: string;
  data: Entry;
  body: string;
}

/** Front matter and body, split as `npm run check` splits them. */
function parts(file: string, source: string): { front: string; body: string } {
  const fm = splitFrontMatter(source);
  if (!fm) throw new Error(`${file}: must start with front matter between two --- lines`);
  return { front: fm.yaml, body: fm.body.trim() };
}

const problems: string[] = [];
const entries: Parsed[] = [];
for (const name of fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort()) {
  const file = path.join('content/entries', name);
  const { front, body } = parts(file, fs.readFileSync(path.join(dir, name), 'utf8'));
  const result = schema.safeParse(parse(front));
  if (result.success)
    entries.push({ file, slug: name.replace(/\.md$/, ''), data: result.data, body });
  else problems.push(...describeIssues(file, result.error));
}

const about = (company: string) => entries.filter((e) => e.data.companies.includes(company));
const statusesOf = (company: string) =>
  about(company).flatMap((e) => e.data.status.filter((s) => s.company === company));

describe('the curated entries in content/entries', () => {
  it('all pass the entry schema against the real companies and regions', () => {
    expect(problems).toEqual([]);
  });

  it('number at least 60', () => {
    expect(entries.length).toBeGreaterThanOrEqual(60);
  });

  it('each cite at least one source with an http(s) link and a title', () => {
    const unsourced = entries.filter(
      (e) =>
        !e.data.sources.some((s) => /^https?:$/.test(new URL(s.url).protocol) && s.title.length),
    );
    expect(unsourced.map((e) => e.file)).toEqual([]);
  });

  it('name each source publisher, so readers see who reported it', () => {
    const missing = entries.filter((e) => e.data.sources.some((s) => !s.publisher));
    expect(missing.map((e) => e.file)).toEqual([]);
  });

  it('are named YYYY-MM-DD-slug.md after their own date', () => {
    const misnamed = entries.filter(
      (e) =>
        !/^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/.test(e.slug) ||
        !e.slug.startsWith(`${isoDay(e.data.date)}-`),
    );
    expect(misnamed.map((e) => e.file)).toEqual([]);
  });

  it('date month-precision entries on the first of the month', () => {
    const monthly = entries.filter((e) => e.data.datePrecision === 'month');
    expect(monthly.length).toBeGreaterThan(0);
    expect(monthly.filter((e) => e.data.date.getUTCDate() !== 1).map((e) => e.file)).toEqual([]);
  });

  it('have distinct titles', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of entries) {
      const key = e.data.title.toLowerCase();
      if (seen.has(key)) clashes.push(`${e.file} repeats ${seen.get(key)}`);
      else seen.set(key, e.file);
    }
    expect(clashes).toEqual([]);
  });

  it('have a body of their own beyond the summary', () => {
    const bare = entries.filter((e) => e.body.length < 40 || e.body === e.data.summary);
    expect(bare.map((e) => e.file)).toEqual([]);
  });

  it('record a status only for regions the entry is filed under', () => {
    const stray = entries.flatMap((e) =>
      e.data.status
        .filter((s) => !e.data.regions.includes(s.region))
        .map(
          (s) => `${e.file}: status for ${s.region} but regions are ${e.data.regions.join(', ')}`,
        ),
    );
    expect(stray).toEqual([]);
  });

  it('give an effective date on or after the entry date', () => {
    const early = entries.filter((e) => e.data.effective && e.data.effective < e.data.date);
    expect(early.map((e) => e.file)).toEqual([]);
  });

  it('track LinkedIn through default-on, exclusion and pause to its European roll-out', () => {
    const linkedin = statusesOf('linkedin');
    const has = (region: string, training: string) =>
      linkedin.some((s) => s.region === region && s.training === training);
    expect(has('US', 'default-on')).toBe(true);
    expect(has('EU', 'off')).toBe(true);
    expect(has('UK', 'paused')).toBe(true);
    expect(has('HK', 'paused')).toBe(true);
    for (const region of ['EU', 'UK', 'CH', 'CA', 'HK'])
      expect(has(region, 'default-on')).toBe(true);
  });

  it('follow LinkedIn in Canada from its December 2024 pause to its November 2025 roll-out', () => {
    const index = new StatusIndex(
      statusEvents(entries.map((e) => entryToItem({ id: e.slug, data: e.data }))),
    );
    const at = (day: string) => cellAt(index, 'linkedin', 'CA', day, new Map()).current;
    expect(at('2024-12-09')?.region).toBe('GLOBAL');
    expect(at('2024-12-10')).toMatchObject({ region: 'CA', training: 'paused' });
    expect(at('2025-11-02')?.training).toBe('paused');
    expect(at('2025-11-03')).toMatchObject({ region: 'CA', training: 'default-on' });
  });

  it('have Google Search keep uploads for training by default from 24 June 2026', () => {
    const index = new StatusIndex(
      statusEvents(entries.map((e) => entryToItem({ id: e.slug, data: e.data }))),
    );
    const cell = cellAt(index, 'google', 'GLOBAL', '2026-06-24', new Map());
    expect(cell.current).toMatchObject({
      date: '2026-06-24',
      training: 'default-on',
      optOut: 'settings',
    });
    expect(cellAt(index, 'google', 'GLOBAL', '2026-06-23', new Map()).current?.date).toBe(
      '2025-08-01',
    );
  });

  it('track Meta across the EU, UK, Brazil and Australia', () => {
    const meta = statusesOf('meta');
    const has = (region: string, training: string, optOut?: string) =>
      meta.some(
        (s) => s.region === region && s.training === training && (!optOut || s.optOut === optOut),
      );
    expect(has('EU', 'paused')).toBe(true);
    expect(has('EU', 'default-on', 'form')).toBe(true);
    expect(has('UK', 'paused')).toBe(true);
    expect(has('UK', 'default-on', 'form')).toBe(true);
    expect(has('BR', 'blocked')).toBe(true);
    expect(has('AU', 'default-on', 'none')).toBe(true);
    expect(about('meta').length).toBeGreaterThanOrEqual(15);
  });
});
