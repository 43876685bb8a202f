/**
 * Activity by month: how many entries (by what sort of event) and news stories each month has,
 * every month from the oldest item to the newest, each linked to where that month starts in the
 * paged timeline, and the bars' places in SVG units.
 */
import type { Kind } from '../content/entry.ts';
import { formatMonth, monthKey } from '../timeline/dates.ts';
import type { TimelineItem } from '../timeline/items.ts';
import { pageHref, PAGE_SIZE } from '../timeline/paging.ts';
import { round } from './time-axis.ts';

/** The stacks, bottom first: entries grouped by what happened, then news stories. */
export const ACTIVITY_GROUPS = [
  {
    id: 'moves',
    label: 'Company moves',
    one: 'company move',
    kinds: ['policy-change', 'opt-out', 'pause'] as Kind[],
  },
  {
    id: 'rulings',
    label: 'Regulators and courts',
    one: 'regulator or court action',
    kinds: ['regulator-action', 'court'] as Kind[],
  },
  {
    id: 'deals',
    label: 'Deals and statements',
    one: 'deal or statement',
    kinds: ['data-deal', 'statement'] as Kind[],
  },
  { id: 'stories', label: 'News stories', one: 'news story', kinds: [] as Kind[] },
] as const;
export type ActivityGroup = (typeof ACTIVITY_GROUPS)[number]['id'];

export function groupOf(item: Pick<TimelineItem, 'type' | 'kind'>): ActivityGroup {
  if (item.type === 'story' || !item.kind) return 'stories';
  return ACTIVITY_GROUPS.find((g) => g.kinds.includes(item.kind!))?.id ?? 'moves';
}

export interface MonthActivity {
  /** `2024-09`. */
  month: string;
  /** "September 2024". */
  label: string;
  counts: Record<ActivityGroup, number>;
  total: number;
  /** The timeline page and month section where this month starts; undefined for an empty month. */
  href?: string | undefined;
}

const nextMonth = (m: string) => {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
};

/**
 * One bar per month, oldest first. `items` must be in the timeline's order (newest first) and
 * `base` its first page, so each link names the page the month's first item is on: a month's
 * section exists on every page it spans, and this is the first.
 */
export function monthlyActivity(
  items: readonly TimelineItem[],
  base: string,
  pageSize = PAGE_SIZE,
): MonthActivity[] {
  if (!items.length) return [];
  const byMonth = new Map<string, MonthActivity>();
  items.forEach((item, i) => {
    const month = monthKey(item.date);
    let m = byMonth.get(month);
    if (!m) {
      const page = Math.floor(i / pageSize) + 1;
      m = {
        month,
        label: formatMonth(month),
        counts: { moves: 0, rulings: 0, deals: 0, stories: 0 },
        total: 0,
        href: `${pageHref(base, page)}#m-${month}`,
      };
      byMonth.set(month, m);
    }
    m.counts[groupOf(item)] += 1;
    m.total += 1;
  });
  const months = [...byMonth.keys()].sort();
  const out: MonthActivity[] = [];
  for (let m = months[0]!; m <= months.at(-1)!; m = nextMonth(m))
    out.push(
      byMonth.get(m) ?? {
        month: m,
        label: formatMonth(m),
        counts: { moves: 0, rulings: 0, deals: 0, stories: 0 },
        total: 0,
      },
    );
  return out;
}

/** "3 entries (2 company moves, 1 regulator or court action) and 14 news stories". */
export function describeMonth(m: MonthActivity): string {
  const plural = (n: number, one: string) =>
    `${n} ${n === 1 ? one : one.replace(/y$/, 'ie') + 's'}`;
  const entryGroups = ACTIVITY_GROUPS.filter((g) => g.id !== 'stories' && m.counts[g.id] > 0);
  const entries = entryGroups.reduce((n, g) => n + m.counts[g.id], 0);
  const parts: string[] = [];
  if (entries)
    parts.push(
      `${plural(entries, 'entry')} (${entryGroups.map((g) => plural(m.counts[g.id], g.one)).join(', ')})`,
    );
  if (m.counts.stories) parts.push(plural(m.counts.stories, 'news story'));
  return parts.length ? parts.join(' and ') : 'nothing';
}

export const ACTIVITY_CHART = {
  width: 720,
  height: 150,
  left: 34,
  right: 712,
  top: 10,
  /** The bars' baseline; month and year labels go below. */
  base: 122,
} as const;

export interface BarShape {
  month: MonthActivity;
  x: number;
  width: number;
  segments: { group: ActivityGroup; y: number; height: number }[];
}

export interface ActivityLayout {
  bars: BarShape[];
  /** The count the top of the plot stands for, a round number at least the busiest month's. */
  max: number;
  years: { x: number; label: string }[];
}

/** 1, 2, 5, 10, 20, 50…: the smallest at or above n. */
export function niceCeil(n: number): number {
  if (n <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 5, 10].map((k) => k * p).find((v) => v >= n)!;
}

export function layoutActivity(months: readonly MonthActivity[]): ActivityLayout {
  const { left, right, top, base } = ACTIVITY_CHART;
  const max = niceCeil(Math.max(1, ...months.map((m) => m.total)));
  const slot = (right - left) / Math.max(1, months.length);
  const gap = slot > 6 ? 1.5 : 0.5;
  const perUnit = (base - top) / max;
  const bars = months.map((month, i) => {
    let y: number = base;
    const segments = ACTIVITY_GROUPS.filter((g) => month.counts[g.id] > 0).map((g) => {
      const height = round(month.counts[g.id] * perUnit);
      y = round(y - height);
      return { group: g.id, y, height };
    });
    return { month, x: round(left + i * slot + gap / 2), width: round(slot - gap), segments };
  });
  const years = bars
    .filter((b, i) => i === 0 || b.month.month.endsWith('-01'))
    .map((b) => ({ x: b.x, label: b.month.month.slice(0, 4) }));
  // The first bar's year is only labelled when it does not crowd the next January's.
  if (years.length > 1 && years[1]!.x - years[0]!.x < 34) years.shift();
  return { bars, max, years };
}
