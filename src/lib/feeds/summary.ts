import type { TimelineItem } from '../timeline/items.ts';
import { inScope, type FeedScope } from './catalog.ts';

export interface ScopeSummary {
  /** Items in scope (a feed carries at most the newest FEED_LIMIT of them). */
  count: number;
  /** ISO date of the newest one. */
  latest?: string;
}

/** How much a feed covers and how fresh it is, for the /feeds/ page. */
export function scopeSummary(items: readonly TimelineItem[], scope: FeedScope): ScopeSummary {
  const inside = items.filter((i) => inScope(i, scope));
  const latest = inside.reduce<string | undefined>(
    (max, i) => (max === undefined || i.date > max ? i.date : max),
    undefined,
  );
  return latest ? { count: inside.length, latest } : { count: inside.length };
}
