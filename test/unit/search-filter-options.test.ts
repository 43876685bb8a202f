import { describe, expect, it } from 'vitest';
import { filterOptions } from '../../src/lib/search/filter-options.ts';
import type { TimelineItem } from '../../src/lib/timeline/items.ts';
import { timelineItem } from '../support/timeline-item.ts';

const item = (id: string, date: string, companies: string[], regions: string[]): TimelineItem =>
  timelineItem({ id, date, companies, regions, type: 'story', href: `https://news.example/${id}` });

const companies = [
  { id: 'linkedin', name: 'LinkedIn' },
  { id: 'meta', name: 'Meta' },
  { id: 'zoom', name: 'Zoom' },
];
const regions = [
  { code: 'EU', name: 'European Union / EEA' },
  { code: 'UK', name: 'United Kingdom' },
];

describe('search filter options', () => {
  it('offers only companies and regions that tag an item, and years newest first', () => {
    const items = [
      item('a', '2025-03-01T00:00:00Z', ['meta'], ['EU']),
      item('b', '2023-01-01T00:00:00Z', ['linkedin'], ['EU']),
      item('c', '2024-06-01T00:00:00Z', ['meta'], ['EU']),
    ];
    const options = filterOptions(items, companies, regions);
    expect(options.companies).toEqual([
      { value: 'linkedin', label: 'LinkedIn' },
      { value: 'meta', label: 'Meta' },
    ]);
    expect(options.regions).toEqual([{ value: 'EU', label: 'European Union / EEA' }]);
    expect(options.years.map((y) => y.value)).toEqual(['2025', '2024', '2023']);
    expect(options.kinds[0]).toEqual({ value: 'news', label: 'News reports' });
    expect(options.kinds.map((k) => k.value)).toContain('regulator-action');
  });

  it('computes the options once per item list, however many pages render the filters', () => {
    const items = [item('a', '2025-03-01T00:00:00Z', ['meta'], ['EU'])];
    expect(filterOptions(items, companies, regions)).toBe(filterOptions(items, companies, regions));
  });
});
