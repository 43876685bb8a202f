import type { StatusChange, TimelineItem } from '../../src/lib/timeline/items.ts';

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

/** An entry that sets these statuses on `day`, about the companies and regions they name. */
export const statusEntry = (
  id: string,
  day: string,
  status: StatusChange[],
  extra: Partial<TimelineItem> = {},
): TimelineItem =>
  timelineItem({
    id,
    title: `Entry ${id}`,
    date: `${day}T00:00:00.000Z`,
    companies: [...new Set(status.map((s) => s.company))],
    regions: [...new Set(status.map((s) => s.region))],
    status,
    ...extra,
  });
