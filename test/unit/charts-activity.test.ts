import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_CHART,
  describeMonth,
  groupOf,
  layoutActivity,
  monthlyActivity,
  niceCeil,
} from '../../src/lib/charts/activity.ts';
import { byNewest, type TimelineItem } from '../../src/lib/timeline/items.ts';
import { timelineItem } from '../support/timeline-item.ts';

const item = (id: string, day: string, over: Partial<TimelineItem> = {}) =>
  timelineItem({ id, date: `${day}T00:00:00.000Z`, kind: 'policy-change', ...over });

const items = [
  item('a', '2024-01-10'),
  item('b', '2024-01-20', { kind: 'court' }),
  item('c', '2024-03-02', { type: 'story', kind: undefined }),
  item('d', '2024-03-05', { type: 'story', kind: undefined }),
  item('e', '2024-03-09', { kind: 'data-deal' }),
].sort(byNewest);

describe('activity by month', () => {
  it('counts every month from the oldest item to the newest, empty months included', () => {
    const months = monthlyActivity(items, '/');
    expect(months.map((m) => [m.month, m.total])).toEqual([
      ['2024-01', 2],
      ['2024-02', 0],
      ['2024-03', 3],
    ]);
    expect(months[0]!.counts).toEqual({ moves: 1, rulings: 1, deals: 0, stories: 0 });
    expect(months[2]!.counts).toEqual({ moves: 0, rulings: 0, deals: 1, stories: 2 });
  });

  it('links each month to its section on the timeline page where it starts', () => {
    const months = monthlyActivity(items, '/companies/meta/', 2);
    // Newest first: March fills page 1 and half of page 2, January starts on page 2.
    expect(months.map((m) => m.href)).toEqual([
      '/companies/meta/page/2/#m-2024-01',
      undefined,
      '/companies/meta/#m-2024-03',
    ]);
  });

  it('sorts entries into stacks by kind and stories into their own', () => {
    expect(groupOf({ type: 'entry', kind: 'opt-out' })).toBe('moves');
    expect(groupOf({ type: 'entry', kind: 'regulator-action' })).toBe('rulings');
    expect(groupOf({ type: 'entry', kind: 'statement' })).toBe('deals');
    expect(groupOf({ type: 'story', kind: undefined })).toBe('stories');
  });

  it('says what a bar shows in words', () => {
    const [jan, feb, mar] = monthlyActivity(items, '/');
    expect(describeMonth(jan!)).toBe('2 entries (1 company move, 1 regulator or court action)');
    expect(describeMonth(feb!)).toBe('nothing');
    expect(describeMonth(mar!)).toBe('1 entry (1 deal or statement) and 2 news stories');
  });

  it('has nothing to show without items', () => {
    expect(monthlyActivity([], '/')).toEqual([]);
  });
});

describe('activity chart layout', () => {
  it('stacks each month’s counts from the baseline, taller for busier months', () => {
    const layout = layoutActivity(monthlyActivity(items, '/'));
    expect(layout.max).toBe(5);
    const [jan, feb, mar] = layout.bars;
    expect(feb!.segments).toEqual([]);
    const top = (b: typeof jan) => Math.min(...b!.segments.map((s) => s.y));
    expect(top(mar)).toBeLessThan(top(jan));
    for (const b of [jan, mar]) {
      const bottom = Math.max(...b!.segments.map((s) => s.y + s.height));
      expect(bottom).toBeCloseTo(ACTIVITY_CHART.base, 1);
    }
    expect(mar!.segments.map((s) => s.group)).toEqual(['deals', 'stories']);
  });

  it('rounds the scale up to 1, 2 or 5 times a power of ten', () => {
    expect([1, 3, 7, 10, 11, 180, 4300].map(niceCeil)).toEqual([1, 5, 10, 10, 20, 200, 5000]);
  });
});
