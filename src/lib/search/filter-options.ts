/**
 * The choices the search filters offer: companies and regions that tag at least one item, kinds,
 * and years with items, newest first. Computed once per item list: the filters appear on every
 * timeline page, and recomputing them per page made a 50 000-article build quadratic.
 */
import { KINDS } from '../content/entry.ts';
import type { Company, Region } from '../content/taxonomy.ts';
import { yearOf } from '../timeline/dates.ts';
import type { TimelineItem } from '../timeline/items.ts';
import { KIND_LABELS } from '../timeline/labels.ts';

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterOptions {
  companies: FilterOption[];
  regions: FilterOption[];
  kinds: FilterOption[];
  years: FilterOption[];
}

const cache = new WeakMap<readonly TimelineItem[], FilterOptions>();

export function filterOptions(
  items: readonly TimelineItem[],
  companies: readonly Pick<Company, 'id' | 'name'>[],
  regions: readonly Pick<Region, 'code' | 'name'>[],
): FilterOptions {
  const hit = cache.get(items);
  if (hit) return hit;
  const usedCompanies = new Set<string>();
  const usedRegions = new Set<string>();
  const years = new Set<number>();
  for (const item of items) {
    for (const c of item.companies) usedCompanies.add(c);
    for (const r of item.regions) usedRegions.add(r);
    years.add(yearOf(item.date));
  }
  const options: FilterOptions = {
    companies: companies
      .filter((c) => usedCompanies.has(c.id))
      .map((c) => ({ value: c.id, label: c.name })),
    regions: regions
      .filter((r) => usedRegions.has(r.code))
      .map((r) => ({ value: r.code, label: r.name })),
    kinds: [
      { value: 'news', label: 'News reports' },
      ...KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })),
    ],
    years: [...years].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) })),
  };
  cache.set(items, options);
  return options;
}
