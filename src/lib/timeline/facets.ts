/**
 * Facet counts and filters over timeline items. The static pages use them for their facet lists
 * and per-company/per-region timelines; the same rules decide what a filter keeps.
 */
import type { Kind } from '../content/entry.ts';
import { yearOf } from './dates.ts';
import type { TimelineItem } from './items.ts';

export interface FacetCount {
  /** Company id, region code, kind, or year as text. */
  value: string;
  count: number;
}

export type FacetField = 'companies' | 'regions' | 'kind' | 'year';

function valuesOf(item: TimelineItem, field: FacetField): readonly string[] {
  switch (field) {
    case 'companies':
      return item.companies;
    case 'regions':
      return item.regions;
    case 'kind':
      return item.kind ? [item.kind] : [];
    case 'year':
      return [String(yearOf(item.date))];
  }
}

/**
 * How many items carry each value of a field, most first (ties by value, so the list is stable).
 * Years come newest first instead, as a reader scans them.
 */
/**
 * Counts per item list and field. The same lists (the whole timeline) are counted again on every
 * timeline page; at 50 000 articles recounting them per page made the build grow quadratically.
 */
const countsCache = new WeakMap<readonly TimelineItem[], Map<FacetField, FacetCount[]>>();

export function facetCounts(items: readonly TimelineItem[], field: FacetField): FacetCount[] {
  let byField = countsCache.get(items);
  if (!byField) countsCache.set(items, (byField = new Map()));
  let rows = byField.get(field);
  if (!rows) byField.set(field, (rows = countFacet(items, field)));
  return rows.map((r) => ({ ...r }));
}

function countFacet(items: readonly TimelineItem[], field: FacetField): FacetCount[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    for (const v of new Set(valuesOf(item, field))) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const rows = [...counts].map(([value, count]) => ({ value, count }));
  return field === 'year'
    ? rows.sort((a, b) => b.value.localeCompare(a.value))
    : rows.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

export interface ItemFilter {
  company?: string | undefined;
  /** A region code; bloc codes match members' items because tagging adds the bloc. */
  region?: string | undefined;
  kind?: Kind | undefined;
  year?: number | undefined;
  /** `entry` keeps curated entries only, `story` ingested stories only. */
  type?: TimelineItem['type'] | undefined;
}

/** The items that match every given criterion; an empty filter keeps everything. */
export function filterItems(items: readonly TimelineItem[], f: ItemFilter): TimelineItem[] {
  return items.filter(
    (i) =>
      (f.company === undefined || i.companies.includes(f.company)) &&
      (f.region === undefined || i.regions.includes(f.region)) &&
      (f.kind === undefined || i.kind === f.kind) &&
      (f.year === undefined || yearOf(i.date) === f.year) &&
      (f.type === undefined || i.type === f.type),
  );
}
