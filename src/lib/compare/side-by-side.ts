/**
 * Two or three companies' timelines in parallel columns, aligned by month: each row is a month in
 * which at least one of them has an item, so a reader can see who moved first.
 */
import { formatMonth, monthKey } from '../timeline/dates.ts';
import { byNewest, type TimelineItem } from '../timeline/items.ts';

export interface SideBySideRow {
  /** `2024-09`. */
  month: string;
  /** "September 2024". */
  label: string;
  /** One list per company, in the order the companies were given; newest first inside. */
  columns: TimelineItem[][];
}

/** Newest month first. An item about two of the companies appears in both columns. */
export function sideBySide(
  items: readonly TimelineItem[],
  companies: readonly string[],
): SideBySideRow[] {
  const rows = new Map<string, SideBySideRow>();
  for (const item of [...items].sort(byNewest)) {
    companies.forEach((company, col) => {
      if (!item.companies.includes(company)) return;
      const month = monthKey(item.date);
      let row = rows.get(month);
      if (!row) {
        row = { month, label: formatMonth(month), columns: companies.map(() => []) };
        rows.set(month, row);
      }
      row.columns[col]!.push(item);
    });
  }
  return [...rows.values()].sort((a, b) => b.month.localeCompare(a.month));
}

export interface Comparison {
  /** `meta-vs-linkedin`: the URL segment, `/compare/meta-vs-linkedin/`. */
  id: string;
  companies: string[];
}

const comparisonId = (companies: readonly string[]) => companies.join('-vs-');

/** Hand-picked comparisons readers ask for; the first is the default. */
export const FEATURED: readonly (readonly string[])[] = [
  ['meta', 'linkedin'],
  ['meta', 'linkedin', 'x'],
  ['google', 'microsoft', 'openai'],
  ['openai', 'anthropic'],
  ['linkedin', 'microsoft'],
  ['meta', 'google'],
  ['x', 'xai'],
  ['reddit', 'stack-overflow'],
];

/**
 * The comparisons to build: the featured ones whose companies all have items, then every pair of
 * the `top` companies with the most items, without repeats.
 */
export function comparisons(items: readonly TimelineItem[], top = 6): Comparison[] {
  const counts = new Map<string, number>();
  for (const i of items) for (const c of i.companies) counts.set(c, (counts.get(c) ?? 0) + 1);
  const out: Comparison[] = [];
  const seen = new Set<string>();
  const add = (companies: readonly string[]) => {
    const key = [...companies].sort().join(' ');
    if (seen.has(key) || !companies.every((c) => counts.has(c))) return;
    seen.add(key);
    out.push({ id: comparisonId(companies), companies: [...companies] });
  };
  FEATURED.forEach(add);
  const leaders = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, top)
    .map(([c]) => c);
  leaders.forEach((a, i) => leaders.slice(i + 1).forEach((b) => add([a, b])));
  return out;
}
