import type { TimelineItem } from '../../src/lib/timeline/items.ts';

/**
 * A curated entry as pages and feeds see it, with every field a test does not care about left
 * empty, so each test states only the fields its behaviour depends on.
 */
export function timelineItem(over: Partial<TimelineItem> & { id: string }): TimelineItem {
  return {
    type: 'entry',
    title: over.id,
    date: '2024-01-01T00:00:00.000Z',
    datePrecision: 'day',
    summary: '',
    companies: [],
    regions: [],
    href: `/entries/${over.id}/`,
    sources: [],
    ...over,
  };
}
