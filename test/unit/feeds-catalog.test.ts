import { describe, expect, it } from 'vitest';
import type { Company, Region } from '../../src/lib/content/taxonomy.ts';
import {
  calendarCatalog,
  feedCatalog,
  feedsFor,
  feedsForItem,
  inScope,
} from '../../src/lib/feeds/catalog.ts';
import { scopeSummary } from '../../src/lib/feeds/summary.ts';
import { timelineItem } from '../support/timeline-item.ts';

const company = (id: string, name: string) => ({ id, name }) as Company;
const region = (code: string, name: string) => ({ id: code.toLowerCase(), code, name }) as Region;
const companies = [
  company('linkedin', 'LinkedIn'),
  company('meta', 'Meta'),
  company('zoom', 'Zoom'),
];
const regions = [
  region('EU', 'European Union / EEA'),
  region('IE', 'Ireland'),
  region('JP', 'Japan'),
];

const items = [
  timelineItem({ id: 'a', companies: ['meta'], regions: ['IE', 'EU'], effective: '2024-06-26' }),
  timelineItem({ id: 'b', companies: ['linkedin'], regions: ['EU'] }),
  timelineItem({
    id: 's',
    type: 'story',
    companies: ['linkedin', 'meta'],
    regions: ['EU'],
    href: 'https://example.org/',
  }),
];

describe('feedCatalog', () => {
  const catalog = feedCatalog(items, companies, regions);

  it('always offers the whole site and the curated entries first', () => {
    expect(catalog.slice(0, 2).map((f) => [f.path, f.scope.type])).toEqual([
      ['/rss.xml', 'all'],
      ['/entries/rss.xml', 'entries'],
    ]);
    expect(feedCatalog([], companies, regions).map((f) => f.path)).toEqual([
      '/rss.xml',
      '/entries/rss.xml',
    ]);
  });

  it('has a feed for each company and region with items, and none for those without', () => {
    expect(catalog.filter((f) => f.scope.type === 'company').map((f) => f.path)).toEqual([
      '/companies/linkedin/rss.xml',
      '/companies/meta/rss.xml',
    ]);
    expect(catalog.filter((f) => f.scope.type === 'region').map((f) => f.path)).toEqual([
      '/regions/eu/rss.xml',
      '/regions/ie/rss.xml',
    ]);
  });

  it('uses lower-case region codes in addresses and upper-case codes as scope ids', () => {
    const eu = catalog.find((f) => f.path === '/regions/eu/rss.xml')!;
    expect(eu.scope).toEqual({ type: 'region', id: 'EU' });
    expect(eu.page).toBe('/regions/eu/');
  });

  it('titles each feed with the display name readers know', () => {
    expect(catalog.map((f) => f.title)).toContain('AI Data Watch: Meta');
    expect(catalog.map((f) => f.title)).toContain('AI Data Watch: European Union / EEA');
  });

  it('never lists the same address twice', () => {
    expect(new Set(catalog.map((f) => f.path)).size).toBe(catalog.length);
  });

  it('finds the feeds a company page and an entry page should link', () => {
    expect(feedsFor(catalog, { type: 'company', id: 'meta' }).map((f) => f.path)).toEqual([
      '/companies/meta/rss.xml',
    ]);
    expect(feedsForItem(catalog, items[0]!).map((f) => f.path)).toEqual([
      '/companies/meta/rss.xml',
      '/regions/eu/rss.xml',
      '/regions/ie/rss.xml',
    ]);
  });
});

describe('inScope', () => {
  it('puts stories in the site feed but not in the entries feed', () => {
    expect(inScope(items[2]!, { type: 'all' })).toBe(true);
    expect(inScope(items[2]!, { type: 'entries' })).toBe(false);
    expect(inScope(items[1]!, { type: 'entries' })).toBe(true);
  });

  it('matches companies by id and regions by upper-case code', () => {
    expect(inScope(items[0]!, { type: 'company', id: 'meta' })).toBe(true);
    expect(inScope(items[1]!, { type: 'company', id: 'meta' })).toBe(false);
    expect(inScope(items[0]!, { type: 'region', id: 'IE' })).toBe(true);
    expect(inScope(items[1]!, { type: 'region', id: 'IE' })).toBe(false);
  });
});

describe('calendarCatalog', () => {
  it('offers the site calendar and one per company that has an entry with an effective date', () => {
    expect(calendarCatalog(items, companies).map((c) => c.path)).toEqual([
      '/calendar.ics',
      '/companies/meta/calendar.ics',
    ]);
  });
});

describe('scopeSummary', () => {
  const dated = [
    timelineItem({ id: 'old', date: '2024-01-05T00:00:00.000Z', companies: ['meta'] }),
    timelineItem({ id: 'new', date: '2024-09-18T00:00:00.000Z', companies: ['linkedin'] }),
    timelineItem({ id: 'mid', date: '2024-06-14T09:30:00.000Z', companies: ['meta'] }),
  ];

  it('counts the items a feed covers and gives the newest one’s date, in any order', () => {
    expect(scopeSummary(dated, { type: 'company', id: 'meta' })).toEqual({
      count: 2,
      latest: '2024-06-14T09:30:00.000Z',
    });
    expect(scopeSummary(dated, { type: 'all' })).toEqual({
      count: 3,
      latest: '2024-09-18T00:00:00.000Z',
    });
  });

  it('gives no date for a feed with nothing in it yet', () => {
    expect(scopeSummary(dated, { type: 'company', id: 'zoom' })).toEqual({ count: 0 });
  });
});
