/** Month sections of the timeline: one <h2> per month, in the order the items come. */
import { formatMonth, monthKey } from './dates.ts';
import type { TimelineItem } from './items.ts';

export interface MonthGroup<T> {
  /** `2024-09`: stable, also the section's anchor. */
  key: string;
  /** "September 2024". */
  label: string;
  items: T[];
}

/**
 * Groups consecutive items that share a month. Items must already be sorted (newest first on the
 * timeline); the order inside each month is kept.
 */
export function groupByMonth<T extends Pick<TimelineItem, 'date'>>(
  items: readonly T[],
): MonthGroup<T>[] {
  const groups: MonthGroup<T>[] = [];
  for (const item of items) {
    const key = monthKey(item.date);
    const last = groups.at(-1);
    if (last?.key === key) last.items.push(item);
    else groups.push({ key, label: formatMonth(key), items: [item] });
  }
  return groups;
}
