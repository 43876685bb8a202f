import { describe, expect, it } from 'vitest';
import {
  isStale,
  monthsBefore,
  newestEntryDay,
  staleStatuses,
} from '../../src/lib/compare/freshness.ts';
import {
  buildMatrix,
  cellAt,
  companiesWithStatus,
  StatusIndex,
} from '../../src/lib/compare/matrix.ts';
import { regionStatus } from '../../src/lib/compare/profiles.ts';
import { statusEvents } from '../../src/lib/compare/status.ts';
import { statusEntry as entry, timelineItem } from '../support/timeline-item.ts';

const blocsOf = new Map<string, string[]>([['IE', ['EU']]]);

const items = [
  entry('openai-2023', '2023-04-25', [
    { company: 'openai', region: 'GLOBAL', training: 'default-on', optOut: 'settings' },
  ]),
  entry('openai-health', '2026-01-07', [
    { company: 'openai', region: 'GLOBAL', training: 'default-on', confirms: true },
  ]),
  entry('li-ca-pause', '2024-12-10', [{ company: 'linkedin', region: 'CA', training: 'paused' }]),
  entry('li-ca-pause-still', '2025-03-01', [
    { company: 'linkedin', region: 'CA', training: 'paused', confirms: true },
  ]),
  entry('li-ca-on', '2025-11-03', [
    { company: 'linkedin', region: 'CA', training: 'default-on', optOut: 'settings' },
  ]),
  entry('zoom-off', '2023-08-11', [{ company: 'zoom', region: 'GLOBAL', training: 'off' }]),
  // Says "opt-in" while the status in force is "off": check reports it, and it must not freshen.
  entry('zoom-wrong-confirm', '2026-05-01', [
    { company: 'zoom', region: 'GLOBAL', training: 'opt-in', confirms: true },
  ]),
  entry('acme-confirm-only', '2026-02-01', [
    { company: 'acme', region: 'EU', training: 'default-on', confirms: true },
  ]),
];
const events = statusEvents(items);
const index = new StatusIndex(events);

describe('months before a day', () => {
  it('goes back whole calendar months, across a year', () => {
    expect(monthsBefore('2026-12-01', 12)).toBe('2025-12-01');
    expect(monthsBefore('2026-03-15', 5)).toBe('2025-10-15');
  });

  it('lands on the last day of a shorter month', () => {
    expect(monthsBefore('2028-02-29', 12)).toBe('2027-02-28');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
  });
});

describe('a stale status', () => {
  it('is one last confirmed more than twelve months before the day', () => {
    expect(isStale('2025-11-30', '2026-12-01')).toBe(true);
    expect(isStale('2025-12-01', '2026-12-01')).toBe(false);
    expect(isStale('2026-06-24', '2026-12-01')).toBe(false);
  });
});

describe('last confirmed', () => {
  it('is the change itself when no later entry confirms it', () => {
    const cell = cellAt(index, 'linkedin', 'CA', '2026-12-01', blocsOf);
    expect(cell.current?.entryId).toBe('li-ca-on');
    expect(cell.confirmed?.entryId).toBe('li-ca-on');
    expect(cell.confirmed?.date).toBe('2025-11-03');
  });

  it('moves to a later entry that confirms the status, without changing what the cell shows', () => {
    const cell = cellAt(index, 'openai', 'GLOBAL', '2026-12-01', blocsOf);
    expect(cell.current?.entryId).toBe('openai-2023');
    expect(cell.current?.optOut).toBe('settings');
    expect(cell.history.map((e) => e.entryId)).toEqual(['openai-2023']);
    expect(cell.confirmed?.entryId).toBe('openai-health');
    expect(cell.confirmed?.date).toBe('2026-01-07');
  });

  it('ignores a confirmation dated after the as-of day', () => {
    const cell = cellAt(index, 'openai', 'GLOBAL', '2025-06-30', blocsOf);
    expect(cell.confirmed?.entryId).toBe('openai-2023');
  });

  it('ignores a confirmation that states a different training status', () => {
    const cell = cellAt(index, 'zoom', 'GLOBAL', '2026-12-01', blocsOf);
    expect(cell.current?.training).toBe('off');
    expect(cell.confirmed?.entryId).toBe('zoom-off');
  });

  it('follows the region a status is inherited from', () => {
    const matrix = buildMatrix({
      events,
      companies: ['openai'],
      regions: ['GLOBAL', 'IE'],
      asOf: '2026-12-01',
      blocsOf,
    });
    const ie = matrix.rows[0]!.cells.find((c) => c.region === 'IE')!;
    expect(ie.inheritedFrom).toBe('GLOBAL');
    expect(ie.confirmed?.date).toBe('2026-01-07');
  });

  it('does not count a confirmation as a status: a company with confirmations only has no row', () => {
    expect(companiesWithStatus(events).has('acme')).toBe(false);
    expect(regionStatus(events, 'EU', ['acme'], '2026-12-01', blocsOf)).toEqual([]);
  });

  it('is reset by a change: a confirmation of the earlier status no longer counts', () => {
    const before = cellAt(index, 'linkedin', 'CA', '2025-06-30', blocsOf);
    expect(before.current?.training).toBe('paused');
    expect(before.confirmed?.entryId).toBe('li-ca-pause-still');
    const after = cellAt(index, 'linkedin', 'CA', '2026-12-01', blocsOf);
    expect(after.current?.training).toBe('default-on');
    expect(after.confirmed?.entryId).toBe('li-ca-on');
  });
});

describe('stale statuses', () => {
  it('lists each own status last set or confirmed over twelve months ago, by company and region', () => {
    const stale = staleStatuses(events, '2026-12-01');
    expect(stale.map((s) => `${s.company}/${s.region}:${s.lastConfirmed}`)).toEqual([
      'linkedin/CA:2025-11-03',
      'zoom/GLOBAL:2023-08-11',
    ]);
    expect(stale[0]).toMatchObject({
      training: 'default-on',
      entryId: 'li-ca-on',
      entryHref: '/entries/li-ca-on/',
      statusIndex: 0,
    });
  });

  it('leaves out a status that a recent entry confirms', () => {
    expect(staleStatuses(events, '2026-12-01').some((s) => s.company === 'openai')).toBe(false);
    // Before the confirming entry, the 2023 status was stale.
    expect(staleStatuses(events, '2025-12-31').map((s) => s.company)).toContain('openai');
  });

  it('uses the window it is given', () => {
    expect(staleStatuses(events, '2026-12-01', 1).map((s) => s.company)).toContain('openai');
  });
});

describe('the newest entry', () => {
  it('is the latest entry day up to today; stories and future days do not count', () => {
    const withStory = [
      ...items,
      timelineItem({ id: 's', type: 'story', date: '2026-11-30T10:00:00.000Z' }),
      timelineItem({ id: 'future', date: '2027-01-01T00:00:00.000Z' }),
    ];
    expect(newestEntryDay(withStory, '2026-12-01')).toBe('2026-05-01');
    expect(newestEntryDay([], '2026-12-01')).toBeUndefined();
  });
});
