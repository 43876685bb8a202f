/** "Related entries" on an entry page: other curated entries about the same companies. */
import type { TimelineItem } from './items.ts';

/**
 * Up to `limit` other entries sharing a company with `item`, most shared companies first, then
 * newest. Stories are left out: related reading should be curated.
 */
export function relatedEntries(
  items: readonly TimelineItem[],
  item: TimelineItem,
  limit = 6,
): TimelineItem[] {
  const mine = new Set(item.companies);
  return items
    .filter((i) => i.type === 'entry' && i.id !== item.id)
    .map((i) => ({ i, shared: i.companies.filter((c) => mine.has(c)).length }))
    .filter(({ shared }) => shared > 0)
    .sort(
      (a, b) =>
        b.shared - a.shared || b.i.date.localeCompare(a.i.date) || a.i.id.localeCompare(b.i.id),
    )
    .slice(0, limit)
    .map(({ i }) => i);
}
