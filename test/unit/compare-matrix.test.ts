import { describe, expect, it } from 'vitest';
import {
  buildMatrix,
  cellAt,
  defaultColumns,
  lookupChain,
  regionsForCompany,
  StatusIndex,
} from '../../src/lib/compare/matrix.ts';
import { companyStatus, regionStatus } from '../../src/lib/compare/profiles.ts';
import { statusEvents } from '../../src/lib/compare/status.ts';
import { entryToItem } from '../../src/lib/timeline/items.ts';
import { statusEntry as entry } from '../support/timeline-item.ts';

const blocsOf = new Map<string, string[]>([
  ['IE', ['EU']],
  ['DE', ['EU']],
]);

const items = [
  entry('li-2024', '2024-09-18', [
    { company: 'linkedin', region: 'GLOBAL', training: 'default-on', optOut: 'settings' },
    { company: 'linkedin', region: 'EU', training: 'off' },
    { company: 'linkedin', region: 'UK', training: 'off' },
  ]),
  entry(
    'li-2025',
    '2025-09-18',
    [
      { company: 'linkedin', region: 'EU', training: 'default-on', optOut: 'settings' },
      { company: 'linkedin', region: 'UK', training: 'default-on', optOut: 'settings' },
    ],
    { effective: '2025-11-03' },
  ),
  entry('meta-announce', '2024-05-22', [
    { company: 'meta', region: 'EU', training: 'default-on', optOut: 'form' },
  ]),
  entry('meta-pause', '2024-06-14', [{ company: 'meta', region: 'EU', training: 'paused' }]),
  entry('meta-ie-only', '2024-07-01', [{ company: 'meta', region: 'IE', training: 'blocked' }]),
  entry('story-ignored', '2024-08-01', [], { type: 'story' }),
];
const events = statusEvents(items);
const index = new StatusIndex(events);

describe('status events', () => {
  it('collects every status change with the entry that made it, oldest entry first', () => {
    expect(events.map((e) => `${e.entryId}:${e.company}/${e.region}`)).toEqual([
      'meta-announce:meta/EU',
      'meta-pause:meta/EU',
      'meta-ie-only:meta/IE',
      'li-2024:linkedin/GLOBAL',
      'li-2024:linkedin/EU',
      'li-2024:linkedin/UK',
      'li-2025:linkedin/EU',
      'li-2025:linkedin/UK',
    ]);
    expect(events.at(-1)).toMatchObject({
      date: '2025-09-18',
      effective: '2025-11-03',
      entryHref: '/entries/li-2025/',
      entryTitle: 'Entry li-2025',
    });
  });

  it('carries an entry’s status into its timeline item', () => {
    const item = entryToItem({
      id: 'x',
      data: {
        title: 'T',
        date: new Date('2024-09-18T00:00:00Z'),
        datePrecision: 'day',
        companies: ['linkedin'],
        regions: ['US'],
        kind: 'policy-change',
        summary: 'S',
        sources: [{ url: 'https://example.org/', title: 'src' }],
        status: [{ company: 'linkedin', region: 'US', training: 'default-on', optOut: 'settings' }],
        articles: [],
        draft: false,
      },
    });
    expect(item.status).toEqual([
      {
        company: 'linkedin',
        region: 'US',
        training: 'default-on',
        optOut: 'settings',
        optOutUrl: undefined,
        note: undefined,
      },
    ]);
  });
});

describe('a cell as of a date', () => {
  it('takes the latest status on or before the day', () => {
    expect(cellAt(index, 'meta', 'EU', '2024-06-01', blocsOf).current?.training).toBe('default-on');
    expect(cellAt(index, 'meta', 'EU', '2024-06-14', blocsOf).current?.training).toBe('paused');
    expect(cellAt(index, 'linkedin', 'EU', '2025-09-17', blocsOf).current?.training).toBe('off');
    expect(cellAt(index, 'linkedin', 'EU', '2025-12-31', blocsOf).current?.training).toBe(
      'default-on',
    );
  });

  it('knows nothing before the first entry', () => {
    const cell = cellAt(index, 'meta', 'EU', '2024-01-01', blocsOf);
    expect(cell.current).toBeUndefined();
    expect(cell.history).toEqual([]);
  });

  it('lets a member state inherit its bloc’s status and says so', () => {
    const cell = cellAt(index, 'linkedin', 'DE', '2024-12-31', blocsOf);
    expect(cell.current?.training).toBe('off');
    expect(cell.inheritedFrom).toBe('EU');
  });

  it('prefers a member state’s own status over its bloc’s', () => {
    const cell = cellAt(index, 'meta', 'IE', '2024-12-31', blocsOf);
    expect(cell.current?.training).toBe('blocked');
    expect(cell.inheritedFrom).toBeUndefined();
  });

  it('falls back to the company’s GLOBAL status where nothing more specific exists', () => {
    const cell = cellAt(index, 'linkedin', 'US', '2024-12-31', blocsOf);
    expect(cell.current).toMatchObject({
      training: 'default-on',
      optOut: 'settings',
      entryId: 'li-2024',
    });
    expect(cell.inheritedFrom).toBe('GLOBAL');
  });

  it('links every entry that shaped the cell, oldest first', () => {
    const cell = cellAt(index, 'meta', 'EU', '2024-12-31', blocsOf);
    expect(cell.history.map((e) => e.entryHref)).toEqual([
      '/entries/meta-announce/',
      '/entries/meta-pause/',
    ]);
  });

  it('breaks a same-day tie by entry id so the result never depends on file order', () => {
    const tie = [
      entry('b-second', '2024-01-01', [{ company: 'x', region: 'US', training: 'off' }]),
      entry('a-first', '2024-01-01', [{ company: 'x', region: 'US', training: 'default-on' }]),
    ];
    const c1 = cellAt(new StatusIndex(statusEvents(tie)), 'x', 'US', '2024-12-31', blocsOf);
    const c2 = cellAt(
      new StatusIndex(statusEvents([...tie].reverse())),
      'x',
      'US',
      '2024-12-31',
      blocsOf,
    );
    expect(c1.current?.entryId).toBe('b-second');
    expect(c2.current?.entryId).toBe('b-second');
  });
});

describe('the matrix', () => {
  it('has one row per company and one cell per region, in the order asked', () => {
    const m = buildMatrix({
      events,
      companies: ['linkedin', 'meta'],
      regions: ['EU', 'UK', 'US'],
      asOf: '2024-12-31',
      blocsOf,
    });
    expect(m.rows.map((r) => [r.company, r.cells.map((c) => c.current?.training ?? '—')])).toEqual([
      ['linkedin', ['off', 'off', 'default-on']],
      ['meta', ['paused', '—', '—']],
    ]);
    expect(m.asOf).toBe('2024-12-31');
  });

  it('looks for a status in the region, its blocs, then GLOBAL', () => {
    expect(lookupChain('IE', blocsOf)).toEqual(['IE', 'EU', 'GLOBAL']);
    expect(lookupChain('GLOBAL', blocsOf)).toEqual(['GLOBAL']);
    expect(
      lookupChain(
        'A',
        new Map([
          ['A', ['B']],
          ['B', ['A']],
        ]),
      ),
    ).toEqual(['A', 'B', 'GLOBAL']);
  });

  it('offers GLOBAL as the baseline, then the major jurisdictions the taxonomy has', () => {
    expect(defaultColumns(['US', 'GLOBAL', 'EU', 'IE', 'UK'])).toEqual([
      'GLOBAL',
      'EU',
      'UK',
      'US',
    ]);
  });

  it('adds a company’s own extra regions to its list', () => {
    expect(regionsForCompany(events, 'meta', ['EU', 'IE', 'US', 'GLOBAL'])).toEqual([
      'GLOBAL',
      'EU',
      'US',
      'IE',
    ]);
  });
});

describe('company and region pages', () => {
  it('lists a company’s status in the major regions and its own extra ones', () => {
    const cells = companyStatus(
      events,
      'meta',
      ['EU', 'UK', 'IE', 'GLOBAL'],
      '2024-12-31',
      blocsOf,
    );
    expect(cells.map((c) => [c.region, c.current?.training ?? 'unknown'])).toEqual([
      ['GLOBAL', 'unknown'],
      ['EU', 'paused'],
      ['UK', 'unknown'],
      ['IE', 'blocked'],
    ]);
  });

  it('lists the companies with a known status in a region, trainers first, inherited ones included', () => {
    const cells = regionStatus(events, 'US', ['linkedin', 'meta'], '2024-12-31', blocsOf);
    expect(cells.map((c) => [c.company, c.current?.training, c.inheritedFrom])).toEqual([
      ['linkedin', 'default-on', 'GLOBAL'],
    ]);
    const eu = regionStatus(events, 'EU', ['meta', 'linkedin'], '2024-12-31', blocsOf);
    expect(eu.map((c) => [c.company, c.current?.training])).toEqual([
      ['meta', 'paused'],
      ['linkedin', 'off'],
    ]);
  });
});
