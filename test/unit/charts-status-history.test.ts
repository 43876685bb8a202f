import { describe, expect, it } from 'vitest';
import { bandText, layoutStatusChart } from '../../src/lib/charts/status-chart.ts';
import { laneRegions, statusHistory } from '../../src/lib/charts/status-history.ts';
import { timeScale, yearTicks } from '../../src/lib/charts/time-axis.ts';
import { cellAt, StatusIndex } from '../../src/lib/compare/matrix.ts';
import { statusEvents } from '../../src/lib/compare/status.ts';
import { makeNames } from '../../src/lib/timeline/names.ts';
import { testCompany, testRegion } from '../support/taxonomy.ts';
import { statusEntry as entry } from '../support/timeline-item.ts';

const blocsOf = new Map<string, string[]>([['IE', ['EU']]]);
const items = [
  entry('li-start', '2024-09-18', [
    { company: 'linkedin', region: 'GLOBAL', training: 'default-on', optOut: 'settings' },
    { company: 'linkedin', region: 'EU', training: 'off' },
  ]),
  entry('li-uk-pause', '2024-09-20', [{ company: 'linkedin', region: 'UK', training: 'paused' }]),
  entry('li-eu-optout-form', '2025-02-01', [
    { company: 'linkedin', region: 'EU', training: 'off', note: 'confirmed' },
  ]),
  entry('li-2025', '2025-11-03', [
    { company: 'linkedin', region: 'EU', training: 'default-on', optOut: 'settings' },
    { company: 'linkedin', region: 'UK', training: 'default-on', optOut: 'settings' },
  ]),
  entry('meta-eu', '2024-06-14', [{ company: 'meta', region: 'EU', training: 'paused' }]),
  entry('meta-ie', '2024-07-01', [{ company: 'meta', region: 'IE', training: 'blocked' }]),
];
const events = statusEvents(items);
const today = '2026-01-15';
const names = makeNames(
  [testCompany('linkedin', 'LinkedIn'), testCompany('meta', 'Meta')],
  [
    testRegion('EU', 'European Union / EEA'),
    testRegion('UK', 'United Kingdom'),
    testRegion('GLOBAL', 'Global'),
  ],
);

const linkedin = () => statusHistory({ events, companies: ['linkedin'], today, blocsOf })!;
const simple = (h: ReturnType<typeof linkedin>) =>
  h.groups.map((g) =>
    g.lanes.map((l) => ({
      region: l.region,
      bands: l.bands.map((b) => [b.status, b.from, b.to, b.inheritedFrom ?? null]),
    })),
  );

describe('status history lanes', () => {
  it('gives a lane to each region the company has a status of its own in, Global first', () => {
    expect(laneRegions(events, 'linkedin')).toEqual(['GLOBAL', 'EU', 'UK']);
    expect(laneRegions(events, 'meta')).toEqual(['EU', 'IE']);
  });

  it('cuts each lane into bands from the first entry to today', () => {
    expect(simple(linkedin())).toEqual([
      [
        { region: 'GLOBAL', bands: [['default-on', '2024-09-18', today, null]] },
        {
          region: 'EU',
          bands: [
            ['off', '2024-09-18', '2025-11-03', null],
            ['default-on', '2025-11-03', today, null],
          ],
        },
        {
          region: 'UK',
          bands: [
            ['default-on', '2024-09-18', '2024-09-20', 'GLOBAL'],
            ['paused', '2024-09-20', '2025-11-03', null],
            ['default-on', '2025-11-03', today, null],
          ],
        },
      ],
    ]);
  });

  it('shows on every day the status the matrix shows for that day', () => {
    const index = new StatusIndex(events);
    for (const l of linkedin().groups[0]!.lanes)
      for (const b of l.bands) {
        const cell = cellAt(index, 'linkedin', l.region, b.from, blocsOf);
        expect(cell.current?.training ?? 'unknown').toBe(b.status);
        expect(cell.inheritedFrom).toBe(b.inheritedFrom);
      }
  });

  it('keeps one band when a later entry confirms the same status, but marks both entries', () => {
    const eu = linkedin().groups[0]!.lanes.find((l) => l.region === 'EU')!;
    expect(eu.bands.filter((b) => b.status === 'off')).toHaveLength(1);
    expect(eu.markers.map((m) => m.entryId)).toEqual(['li-start', 'li-eu-optout-form', 'li-2025']);
  });

  it('shows a member state with its bloc’s status until it has one of its own', () => {
    const meta = statusHistory({ events, companies: ['meta'], today, blocsOf })!;
    const ie = meta.groups[0]!.lanes.find((l) => l.region === 'IE')!;
    expect(ie.bands.map((b) => [b.status, b.inheritedFrom ?? null])).toEqual([
      ['paused', 'EU'],
      ['blocked', null],
    ]);
  });

  it('puts two companies on one axis that starts at the earlier first entry', () => {
    const both = statusHistory({ events, companies: ['meta', 'linkedin'], today, blocsOf })!;
    expect(both.start).toBe('2024-06-14');
    expect(both.groups.map((g) => g.company)).toEqual(['meta', 'linkedin']);
    const global = both.groups[1]!.lanes[0]!;
    expect(global.bands[0]).toMatchObject({
      status: 'unknown',
      from: '2024-06-14',
      to: '2024-09-18',
    });
  });

  it('ignores entries dated after today and has nothing to draw without a status', () => {
    const later = statusEvents([
      entry('future', '2027-01-01', [{ company: 'linkedin', region: 'US', training: 'off' }]),
    ]);
    expect(
      statusHistory({ events: later, companies: ['linkedin'], today, blocsOf }),
    ).toBeUndefined();
    expect(statusHistory({ events, companies: ['x'], today, blocsOf })).toBeUndefined();
  });
});

describe('status chart layout', () => {
  it('places bands end to end across the plot and markers on their entries’ days', () => {
    const layout = layoutStatusChart(linkedin(), names);
    for (const l of layout.lanes) {
      expect(l.bands[0]!.x).toBe(layout.plotLeft);
      const last = l.bands.at(-1)!;
      expect(last.x + last.width).toBeCloseTo(layout.today.x, 1);
      l.bands.slice(1).forEach((b, i) => {
        const prev = l.bands[i]!;
        expect(b.x).toBeCloseTo(prev.x + prev.width, 1);
      });
    }
    const uk = layout.lanes.find((l) => l.region === 'UK')!;
    const paused = uk.bands.find((b) => b.status === 'paused')!;
    expect(uk.markers.map((m) => [m.day, m.href])).toEqual([
      ['2024-09-20', '/entries/li-uk-pause/'],
      ['2025-11-03', '/entries/li-2025/'],
    ]);
    expect(uk.markers[0]!.x).toBe(paused.x);
  });

  it('names the company of each group only when there are several', () => {
    expect(layoutStatusChart(linkedin(), names).groups).toEqual([]);
    const both = statusHistory({ events, companies: ['meta', 'linkedin'], today, blocsOf })!;
    expect(layoutStatusChart(both, names).groups.map((g) => g.label)).toEqual(['Meta', 'LinkedIn']);
  });

  it('labels markers with the day, region, status and entry title for screen readers', () => {
    const uk = layoutStatusChart(linkedin(), names).lanes.find((l) => l.region === 'UK')!;
    expect(uk.markers[0]!.label).toBe('20 Sept 2024, United Kingdom: Paused. Entry li-uk-pause');
  });

  it('writes words in a band where they fit, the icon alone where they do not', () => {
    expect(bandText('paused', undefined, 300, names)).toBe('‖ Paused');
    expect(bandText('default-on', 'GLOBAL', 400, names)).toBe('● Trains by default (as Global)');
    expect(bandText('default-on', 'GLOBAL', 160, names)).toBe('● Trains by default');
    expect(bandText('paused', undefined, 20, names)).toBe('‖');
    expect(bandText('paused', undefined, 6, names)).toBe('');
  });
});

describe('time axis', () => {
  it('ticks each new year with its number and the quarters between without', () => {
    const x = timeScale('2024-09-18', '2026-01-15', 0, 100);
    const ticks = yearTicks(x);
    expect(ticks.filter((t) => t.major).map((t) => t.label)).toEqual(['2025', '2026']);
    expect(ticks.map((t) => t.day)).toEqual([
      '2024-10-01',
      '2025-01-01',
      '2025-04-01',
      '2025-07-01',
      '2025-10-01',
      '2026-01-01',
    ]);
    expect(x('2024-09-18')).toBe(0);
    expect(x('2026-01-15')).toBe(100);
  });
});
