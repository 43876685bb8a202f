import { describe, expect, it } from 'vitest';
import {
  makeQuarter,
  parseQuarterId,
  quarterOf,
  quartersBetween,
} from '../../src/lib/compare/quarters.ts';
import { comparisons, sideBySide } from '../../src/lib/compare/side-by-side.ts';
import { comparisonModel, isoToday } from '../../src/lib/compare/view.ts';
import type { TimelineItem } from '../../src/lib/timeline/items.ts';
import { makeNames } from '../../src/lib/timeline/names.ts';
import { testCompany, testRegion } from '../support/taxonomy.ts';
import { timelineItem } from '../support/timeline-item.ts';

const item = (id: string, date: string, companies: string[]): TimelineItem =>
  timelineItem({ id, date, companies, regions: ['GLOBAL'] });

describe('quarter snapshots', () => {
  it('ends each quarter on its real last day', () => {
    expect(makeQuarter(2024, 1)).toMatchObject({
      id: '2024-q1',
      label: 'Q1 2024',
      asOf: '2024-03-31',
    });
    expect(makeQuarter(2024, 2).asOf).toBe('2024-06-30');
    expect(makeQuarter(2024, 3).asOf).toBe('2024-09-30');
    expect(makeQuarter(2024, 4).asOf).toBe('2024-12-31');
  });

  it('runs from the first status’s quarter to the last quarter that has ended', () => {
    const qs = quartersBetween('2023-11-05', '2024-10-02');
    expect(qs.map((q) => q.id)).toEqual(['2023-q4', '2024-q1', '2024-q2', '2024-q3']);
  });

  it('includes a quarter that ends on the day of the build', () => {
    expect(quartersBetween('2024-07-01', '2024-09-30').map((q) => q.id)).toEqual(['2024-q3']);
  });

  it('has nothing when no quarter has ended yet', () => {
    expect(quartersBetween('2024-08-01', '2024-09-29')).toEqual([]);
  });

  it('reads quarter ids from URLs and refuses others', () => {
    expect(parseQuarterId('2024-q3')?.asOf).toBe('2024-09-30');
    expect(parseQuarterId('2024-q5')).toBeUndefined();
    expect(parseQuarterId('meta-vs-linkedin')).toBeUndefined();
    expect(quarterOf('2024-11-30')).toEqual({ year: 2024, quarter: 4 });
    expect(() => quarterOf('soon')).toThrow(/YYYY-MM-DD/);
  });
});

describe('side by side', () => {
  const items = [
    item('li-sep', '2024-09-18T00:00:00Z', ['linkedin']),
    item('meta-sep', '2024-09-10T00:00:00Z', ['meta']),
    item('meta-jun', '2024-06-14T00:00:00Z', ['meta']),
    item('both', '2024-06-01T00:00:00Z', ['meta', 'linkedin']),
    item('google', '2024-07-01T00:00:00Z', ['google']),
  ];

  it('aligns the companies’ items by month, newest month first, one column each', () => {
    const rows = sideBySide(items, ['meta', 'linkedin']);
    expect(rows.map((r) => [r.label, r.columns.map((c) => c.map((i) => i.id))])).toEqual([
      ['September 2024', [['meta-sep'], ['li-sep']]],
      ['June 2024', [['meta-jun', 'both'], ['both']]],
    ]);
  });

  it('skips months in which none of the chosen companies did anything', () => {
    expect(sideBySide(items, ['meta', 'linkedin']).map((r) => r.month)).not.toContain('2024-07');
  });

  it('builds the featured comparisons that have data, Meta vs LinkedIn first, and the leaders’ pairs', () => {
    const list = comparisons(items);
    expect(list[0]).toEqual({ id: 'meta-vs-linkedin', companies: ['meta', 'linkedin'] });
    const ids = list.map((c) => c.id);
    expect(ids).toContain('meta-vs-google');
    expect(ids).not.toContain('openai-vs-anthropic');
    expect(ids).not.toContain('linkedin-vs-meta');
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the comparison model', () => {
  const entry = (id: string, day: string, status: TimelineItem['status']): TimelineItem => ({
    ...item(id, `${day}T00:00:00.000Z`, [...new Set(status!.map((s) => s.company))]),
    status,
  });
  const items = [
    entry('li', '2024-09-18', [{ company: 'linkedin', region: 'GLOBAL', training: 'default-on' }]),
    entry('meta', '2024-06-14', [{ company: 'meta', region: 'EU', training: 'paused' }]),
  ];
  const model = comparisonModel(
    items,
    [testCompany('meta', 'Meta'), testCompany('linkedin', 'LinkedIn'), testCompany('x', 'X')],
    [testRegion('GLOBAL'), testRegion('IE', 'IE', ['EU']), testRegion('EU'), testRegion('US')],
    '2024-12-01',
  );

  it('has a row for each company with a recorded status, by name, and the default columns it knows', () => {
    expect(model.companies).toEqual(['linkedin', 'meta']);
    expect(model.columns).toEqual(['GLOBAL', 'EU', 'US']);
  });

  it('offers quarters from the first status to the last quarter that has ended', () => {
    expect(model.quarters.map((q) => q.id)).toEqual(['2024-q2', '2024-q3']);
  });

  it('builds the matrix as of any day with bloc and global inheritance', () => {
    const m = model.matrixAt('2024-12-01');
    const us = m.rows[0]!.cells.find((c) => c.region === 'US')!;
    expect([us.company, us.current?.training, us.inheritedFrom]).toEqual([
      'linkedin',
      'default-on',
      'GLOBAL',
    ]);
    expect(model.matrixAt('2024-06-30').rows[0]!.cells.every((c) => !c.current)).toBe(true);
  });

  it('shows no quarters and no rows before any entry records a status', () => {
    const empty = comparisonModel(
      [],
      [testCompany('meta', 'Meta')],
      [testRegion('EU')],
      '2024-12-01',
    );
    expect([empty.companies, empty.quarters, empty.matrixAt('2024-12-01').rows]).toEqual([
      [],
      [],
      [],
    ]);
  });

  it('writes today as a UTC day', () => {
    expect(isoToday(new Date('2024-12-31T23:30:00-02:00'))).toBe('2025-01-01');
  });
});

describe('display names', () => {
  it('names companies and regions, falling back to the raw id', () => {
    const names = makeNames(
      [testCompany('meta', 'Meta')],
      [testRegion('EU', 'European Union / EEA')],
    );
    expect([names.company('meta'), names.company('acme')]).toEqual(['Meta', 'acme']);
    expect([names.region('EU'), names.regionShort('EU'), names.regionShort('GLOBAL')]).toEqual([
      'European Union / EEA',
      'EU',
      'Global',
    ]);
  });
});
