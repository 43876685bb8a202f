import { describe, expect, it } from 'vitest';
import { facetCounts, filterItems } from '../../src/lib/timeline/facets.ts';
import type { TimelineItem } from '../../src/lib/timeline/items.ts';
import { safeHttpUrl } from '../../src/lib/timeline/labels.ts';
import { relatedEntries } from '../../src/lib/timeline/related.ts';
import { timelineItem } from '../support/timeline-item.ts';

const item = (id: string, date: string, extra: Partial<TimelineItem>): TimelineItem =>
  timelineItem({ id, date, ...extra });

const items = [
  item('li-us', '2024-09-18T00:00:00Z', {
    companies: ['linkedin'],
    regions: ['US', 'GLOBAL'],
    kind: 'policy-change',
  }),
  item('meta-ie', '2024-06-14T00:00:00Z', {
    companies: ['meta'],
    regions: ['IE', 'EU'],
    kind: 'pause',
  }),
  item('meta-uk', '2024-09-13T00:00:00Z', {
    companies: ['meta'],
    regions: ['UK'],
    kind: 'policy-change',
  }),
  item('story', '2023-03-31T10:00:00Z', {
    type: 'story',
    companies: ['openai', 'meta'],
    regions: ['IT', 'EU'],
  }),
];

describe('facet counts', () => {
  it('counts companies most first, ties by id', () => {
    expect(facetCounts(items, 'companies')).toEqual([
      { value: 'meta', count: 3 },
      { value: 'linkedin', count: 1 },
      { value: 'openai', count: 1 },
    ]);
  });

  it('counts a member state’s items under its bloc too, since tagging adds the bloc', () => {
    const eu = facetCounts(items, 'regions').find((f) => f.value === 'EU');
    expect(eu).toEqual({ value: 'EU', count: 2 });
  });

  it('lists years newest first and leaves stories out of kinds', () => {
    expect(facetCounts(items, 'year')).toEqual([
      { value: '2024', count: 3 },
      { value: '2023', count: 1 },
    ]);
    expect(facetCounts(items, 'kind')).toEqual([
      { value: 'policy-change', count: 2 },
      { value: 'pause', count: 1 },
    ]);
  });

  it('counts an item once even if a value repeats in it', () => {
    const dup = [item('x', '2024-01-01T00:00:00Z', { companies: ['meta', 'meta'] })];
    expect(facetCounts(dup, 'companies')).toEqual([{ value: 'meta', count: 1 }]);
  });
});

describe('filtering', () => {
  it('combines company, region, kind and year', () => {
    const ids = (f: Parameters<typeof filterItems>[1]) => filterItems(items, f).map((i) => i.id);
    expect(ids({ company: 'meta' })).toEqual(['meta-ie', 'meta-uk', 'story']);
    expect(ids({ company: 'meta', region: 'EU' })).toEqual(['meta-ie', 'story']);
    expect(ids({ company: 'meta', region: 'EU', year: 2024 })).toEqual(['meta-ie']);
    expect(ids({ kind: 'policy-change', region: 'UK' })).toEqual(['meta-uk']);
    expect(ids({ type: 'story' })).toEqual(['story']);
    expect(ids({})).toHaveLength(4);
  });

  it('keeps nothing when the criteria exclude each other', () => {
    expect(filterItems(items, { company: 'linkedin', region: 'EU' })).toEqual([]);
  });
});

describe('links', () => {
  it('renders only http and https links', () => {
    expect(safeHttpUrl('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHttpUrl('http://example.org/')).toBe('http://example.org/');
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('data:text/html,hi')).toBeUndefined();
    expect(safeHttpUrl('/relative')).toBeUndefined();
    expect(safeHttpUrl(undefined)).toBeUndefined();
  });
});

describe('related entries', () => {
  it('lists other entries about the same company, newest first, without stories or itself', () => {
    const self = items[1]!;
    expect(relatedEntries(items, self).map((i) => i.id)).toEqual(['meta-uk']);
  });

  it('puts entries sharing more companies first and respects the limit', () => {
    const pool = [
      item('a', '2024-01-01T00:00:00Z', { companies: ['meta'] }),
      item('b', '2023-01-01T00:00:00Z', { companies: ['meta', 'linkedin'] }),
      item('c', '2025-01-01T00:00:00Z', { companies: ['meta'] }),
      item('self', '2024-05-01T00:00:00Z', { companies: ['meta', 'linkedin'] }),
    ];
    expect(relatedEntries(pool, pool[3]!, 2).map((i) => i.id)).toEqual(['b', 'c']);
  });
});
