/**
 * The charts as a reader sees them, read back from the built pages and checked against the
 * entries in content/ (not against the chart code): LinkedIn's status over time, the
 * side-by-side chart, activity by month and its links, at desktop and phone widths.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { isoToday } from '../../src/lib/compare/view.ts';
import { launchBrowser } from './browser.ts';
import { loadSiteContent } from './site-content.ts';

const baseUrl = inject('baseUrl');
const content = loadSiteContent();
const SHOTS = path.resolve('test-results/charts');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, width = 1280, colorScheme: 'light' | 'dark' = 'light') {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  const page = await context.newPage();
  const res = await page.goto(baseUrl + path);
  expect(res?.status(), `${path} should load`).toBe(200);
  return page;
}

interface ShownLane {
  company: string;
  region: string;
  bands: { status: string; x: number; width: number }[];
  markers: { entry: string; day: string; href: string; training: string; x: number }[];
}

/** Lanes, bands and markers as drawn: read from the SVG's shapes and links. */
function readChart(page: Page, selector = 'figure[data-chart="status-history"]') {
  return page.locator(selector).evaluate((figure) => {
    const svg = figure.querySelector('svg')!;
    const today = svg.querySelector('.today line')!;
    const num = (el: Element, a: string) => Number(el.getAttribute(a));
    return {
      start: svg.dataset['start']!,
      end: svg.dataset['end']!,
      todayX: num(today, 'x1'),
      lanes: [...svg.querySelectorAll<SVGGElement>('g.lane')].map((lane) => ({
        company: lane.dataset['company']!,
        region: lane.dataset['region']!,
        bands: [...lane.querySelectorAll<SVGGElement>('g.band')].map((b) => {
          const rect = b.querySelector('rect')!;
          return { status: b.dataset['status']!, x: num(rect, 'x'), width: num(rect, 'width') };
        }),
        markers: [...lane.querySelectorAll<SVGAElement>('a.marker')].map((a) => {
          const d = a.querySelector('path')!.getAttribute('d')!;
          return {
            entry: a.dataset['entry']!,
            day: a.dataset['day']!,
            href: a.getAttribute('href')!,
            training: a.dataset['training']!,
            x: Number(/^M([\d.]+)/.exec(d)![1]),
          };
        }),
      })),
    };
  }) as Promise<{ start: string; end: string; todayX: number; lanes: ShownLane[] }>;
}

/** The status lines of the entries, per company and region, oldest first. */
function recorded(company: string) {
  const byRegion = new Map<string, { id: string; day: string; href: string; training: string }[]>();
  for (const item of content.items) {
    if (item.type !== 'entry') continue;
    for (const s of item.status ?? []) {
      if (s.company !== company) continue;
      const list = byRegion.get(s.region) ?? [];
      list.push({
        id: item.id,
        day: item.date.slice(0, 10),
        href: item.href,
        training: s.training,
      });
      byRegion.set(s.region, list);
    }
  }
  for (const list of byRegion.values())
    list.sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id));
  return byRegion;
}

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

describe('status over time on LinkedIn’s page', () => {
  it('draws one lane per region LinkedIn has a status in, and a marker per entry that set it', async () => {
    const page = await open('/companies/linkedin/');
    const chart = await readChart(page);
    const entries = recorded('linkedin');
    expect(new Set(chart.lanes.map((l) => l.region))).toEqual(new Set(entries.keys()));
    expect(chart.lanes[0]!.region).toBe('GLOBAL');
    for (const lane of chart.lanes) {
      const expected = entries.get(lane.region)!;
      expect(
        lane.markers.map((m) => [m.entry, m.day, m.href, m.training]),
        `markers in ${lane.region}`,
      ).toEqual(expected.map((e) => [e.id, e.day, e.href, e.training]));
    }
    await page.context().close();
  });

  it('places bands and markers on the time axis at their entries’ dates, up to today', async () => {
    const page = await open('/companies/linkedin/');
    const chart = await readChart(page);
    const first = [...recorded('linkedin').values()]
      .flat()
      .map((e) => e.day)
      .sort()[0]!;
    expect(chart.start).toBe(first);
    expect(chart.end).toBe(isoToday());
    const plotLeft = Math.min(...chart.lanes.map((l) => l.bands[0]!.x));
    const xOf = (day: string) =>
      plotLeft +
      ((dayMs(day) - dayMs(chart.start)) / (dayMs(chart.end) - dayMs(chart.start))) *
        (chart.todayX - plotLeft);
    for (const lane of chart.lanes) {
      const last = lane.bands.at(-1)!;
      expect(last.x + last.width).toBeCloseTo(chart.todayX, 0);
      for (const m of lane.markers) expect(m.x).toBeCloseTo(xOf(m.day), 0);
    }
    await page.context().close();
  });

  it('colours each lane, from its first own entry on, with the status the entries set', async () => {
    const page = await open('/companies/linkedin/');
    const chart = await readChart(page);
    for (const lane of chart.lanes) {
      const entries = recorded('linkedin').get(lane.region)!;
      // The bands from the first own entry on, as statuses; repeats of one status are one band.
      const own = lane.bands.filter((b) => b.x >= lane.markers[0]!.x - 0.01).map((b) => b.status);
      const set = entries.map((e) => e.training).filter((t, i, all) => i === 0 || all[i - 1] !== t);
      expect(own, `bands in ${lane.region}`).toEqual(set);
      // A band that changes the status starts exactly at the marker of the entry that changed it.
      for (const m of lane.markers) {
        const band = lane.bands.find((b) => m.x >= b.x - 0.01 && m.x < b.x + b.width);
        expect(band?.status, `${m.entry} in ${lane.region}`).toBe(m.training);
      }
    }
    await page.context().close();
  });

  it('says the same in words and links every entry it marks', async () => {
    const page = await open('/companies/linkedin/');
    const words = page.locator('figure[data-chart="status-history"] .chart-words');
    await words.locator('summary').click();
    const text = (await words.innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/Global: trains by default from 18 Sept 2024/);
    expect(text).toMatch(/United Kingdom: .*paused from 20 Sept 2024.*then trains by default from/);
    const hrefs = new Set(
      await words.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    );
    for (const list of recorded('linkedin').values())
      for (const e of list) expect(hrefs, e.id).toContain(e.href);
    await page.context().close();
  });

  for (const width of [1280, 390]) {
    it(`stays legible at ${width} px: the page does not scroll sideways, the chart keeps its size`, async () => {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await open('/companies/linkedin/', width, scheme);
        const figure = page.locator('figure[data-chart="status-history"]');
        await figure.scrollIntoViewIfNeeded();
        await figure.screenshot({ path: path.join(SHOTS, `linkedin-${width}-${scheme}.png`) });
        await page.screenshot({ path: path.join(SHOTS, `linkedin-page-${width}-${scheme}.png`) });
        const sizes = await page.evaluate(() => {
          const scroll = document.querySelector(
            'figure[data-chart="status-history"] .chart-scroll',
          )!;
          const label = document.querySelector('figure[data-chart="status-history"] .lane-label')!;
          return {
            page: document.documentElement.scrollWidth,
            viewport: window.innerWidth,
            scrolls: scroll.scrollWidth > scroll.clientWidth,
            labelPx: label.getBoundingClientRect().height,
          };
        });
        expect(sizes.page).toBeLessThanOrEqual(sizes.viewport);
        expect(sizes.scrolls).toBe(width < 700);
        // 13-unit text never drawn smaller than about 11 px.
        expect(sizes.labelPx).toBeGreaterThanOrEqual(11);
        await page.context().close();
      }
    });
  }
});

describe('status over time side by side', () => {
  it('puts Meta and LinkedIn on one time axis from the earlier first entry', async () => {
    const page = await open('/compare/meta-vs-linkedin/');
    expect(await page.locator('figure[data-chart="status-history"]').count()).toBe(1);
    const chart = await readChart(page);
    const firsts = ['meta', 'linkedin'].map(
      (c) =>
        [...recorded(c).values()]
          .flat()
          .map((e) => e.day)
          .sort()[0]!,
    );
    expect(chart.start).toBe(firsts.sort()[0]);
    expect([...new Set(chart.lanes.map((l) => l.company))]).toEqual(['meta', 'linkedin']);
    for (const company of ['meta', 'linkedin'])
      expect(
        new Set(chart.lanes.filter((l) => l.company === company).map((l) => l.region)),
      ).toEqual(new Set(recorded(company).keys()));
    await page.screenshot({ path: path.join(SHOTS, 'meta-vs-linkedin-1280.png'), fullPage: true });
    await page.context().close();
  });
});

describe('activity by month', () => {
  const pages = ['/', '/companies/linkedin/', '/regions/eu/'];
  for (const path of pages) {
    it(`links every bar on ${path} to a month section that exists on its timeline page`, async () => {
      const page = await open(path);
      const bars = await page
        .locator('figure[data-chart="activity"] a.bar')
        .evaluateAll((as) =>
          as.map((a) => ({ href: a.getAttribute('href')!, name: a.getAttribute('aria-label')! })),
        );
      expect(bars.length).toBeGreaterThan(0);
      for (const bar of bars) {
        const [target, hash] = bar.href.split('#') as [string, string];
        const res = await page.context().request.get(baseUrl + target);
        expect(res.status(), bar.href).toBe(200);
        expect(await res.text(), bar.href).toContain(`id="${hash}"`);
        expect(bar.name).toMatch(/^\w+ \d{4}: \d+ (entr|news stor)/);
      }
      await page.context().close();
    });
  }

  it('counts, per month, the timeline items of the company', async () => {
    const page = await open('/companies/linkedin/');
    const shown = await page
      .locator('figure[data-chart="activity"] a.bar')
      .evaluateAll((as) =>
        as.map((a) => [
          (a as HTMLElement).dataset['month'],
          Number((a as HTMLElement).dataset['total']),
        ]),
      );
    const counts = new Map<string, number>();
    for (const i of content.items)
      if (i.companies.includes('linkedin'))
        counts.set(i.date.slice(0, 7), (counts.get(i.date.slice(0, 7)) ?? 0) + 1);
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(counts));
    await page.context().close();
  });
});
