import { describe, expect, it } from 'vitest';
import { formatItemDate, itemDatetime } from '../../src/lib/timeline/dates.ts';
import { byNewest, type TimelineItem } from '../../src/lib/timeline/items.ts';
import { groupByMonth } from '../../src/lib/timeline/months.ts';
import { timelineItem } from '../support/timeline-item.ts';

const item = (id: string, date: string, extra: Partial<TimelineItem> = {}): TimelineItem =>
  timelineItem({ id, date, companies: ['meta'], regions: ['EU'], ...extra });

describe('month grouping', () => {
  it('puts newest-first items under one heading per month, newest month first', () => {
    const items = [
      item('a', '2024-09-18T00:00:00.000Z'),
      item('b', '2024-06-10T00:00:00.000Z'),
      item('c', '2024-09-02T00:00:00.000Z'),
      item('d', '2023-12-31T00:00:00.000Z'),
    ].sort(byNewest);
    const groups = groupByMonth(items);
    expect(groups.map((g) => [g.key, g.label, g.items.map((i) => i.id)])).toEqual([
      ['2024-09', 'September 2024', ['a', 'c']],
      ['2024-06', 'June 2024', ['b']],
      ['2023-12', 'December 2023', ['d']],
    ]);
  });

  it('files a late-evening story under its UTC month', () => {
    const groups = groupByMonth([item('s', '2024-06-30T23:30:00.000Z', { type: 'story' })]);
    expect(groups[0]!.label).toBe('June 2024');
  });

  it('returns no groups for no items', () => {
    expect(groupByMonth([])).toEqual([]);
  });
});

describe('item dates', () => {
  it('shows a month-precision entry as the month alone', () => {
    const i = item('m', '2023-04-01T00:00:00.000Z', { datePrecision: 'month' });
    expect(formatItemDate(i)).toBe('April 2023');
    expect(itemDatetime(i)).toBe('2023-04');
  });

  it('shows an entry day in words and as a YYYY-MM-DD datetime', () => {
    const i = item('d', '2024-09-18T00:00:00.000Z');
    expect(formatItemDate(i)).toBe('18 September 2024');
    expect(itemDatetime(i)).toBe('2024-09-18');
  });

  it('keeps a story’s full instant in its datetime', () => {
    const i = item('s', '2024-09-18T09:30:00.000Z', { type: 'story' });
    expect(itemDatetime(i)).toBe('2024-09-18T09:30:00.000Z');
  });
});

describe('ordering', () => {
  it('sorts newest first and breaks same-day ties by id so builds are stable', () => {
    const items = [
      item('b', '2024-01-01T00:00:00.000Z'),
      item('z', '2024-02-01T00:00:00.000Z'),
      item('a', '2024-01-01T00:00:00.000Z'),
    ].sort(byNewest);
    expect(items.map((i) => i.id)).toEqual(['z', 'a', 'b']);
  });
});
