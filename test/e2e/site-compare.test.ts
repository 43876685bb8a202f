/**
 * The comparison as a reader sees it, checked against the matrix src/lib/compare derives from the
 * entries in content/, so the test follows the content rather than a copy of it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Cell } from '../../src/lib/compare/matrix.ts';
import { isStale, newestEntryDay } from '../../src/lib/compare/freshness.ts';
import { sideBySide } from '../../src/lib/compare/side-by-side.ts';
import { OPT_OUT_LABELS, TRAINING_INFO } from '../../src/lib/compare/status.ts';
import { comparisonModel, isoToday } from '../../src/lib/compare/view.ts';
import { formatDay, formatMonth, formatShortDay } from '../../src/lib/timeline/dates.ts';
import { launchBrowser } from './browser.ts';
import { loadSiteContent } from './site-content.ts';

const baseUrl = inject('baseUrl');
const content = loadSiteContent();
const model = comparisonModel(content.items, content.companies, content.regions, isoToday());

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  const res = await page.goto(baseUrl + path);
  expect(res?.status(), `${path} should load`).toBe(200);
  return page;
}

/** What the page shows in one matrix cell. */
async function shownCell(page: Page, company: string, region: string) {
  const cell = page.locator(`table.matrix td[data-company="${company}"][data-region="${region}"]`);
  expect(await cell.count(), `a cell for ${company} in ${region}`).toBe(1);
  return {
    training: await cell.getAttribute('data-training'),
    label: (await cell.locator('.status-label').innerText()).trim(),
    optOut: (await cell.locator('.status-optout').count())
      ? (await cell.locator('.status-optout').innerText()).trim()
      : undefined,
    inherited: (await cell.locator('.status-inherited').count())
      ? (await cell.locator('.status-inherited .inherited-as').innerText()).trim()
      : undefined,
    /** What a screen reader announces for the inherited marker: the visible words and why. */
    inheritedName: (await cell.locator('.status-inherited a').count())
      ? ((await cell.locator('.status-inherited a').textContent()) ?? '').replace(/\s+/g, ' ')
      : undefined,
    links: await cell
      .locator('.status-source a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
  };
}

function expectCellMatches(shown: Awaited<ReturnType<typeof shownCell>>, cell: Cell) {
  const current = cell.current!;
  expect(shown.training).toBe(current.training);
  expect(shown.label).toContain(TRAINING_INFO[current.training].label);
  if (cell.inheritedFrom) {
    // Inherited cells stay compact: the opt-out route is in the region's own cell.
    const short = cell.inheritedFrom === 'GLOBAL' ? 'Global' : cell.inheritedFrom;
    const full = content.regions.find((r) => r.code === cell.inheritedFrom)?.name ?? short;
    expect(shown.optOut).toBeUndefined();
    expect(shown.inherited).toBe(`as ${short}`);
    expect(shown.inheritedName).toContain(`as ${short}`);
    expect(shown.inheritedName).toContain(`follows ${full}`);
    expect(shown.inheritedName).toContain(current.entryTitle);
  } else {
    expect(shown.optOut).toBe(current.optOut && OPT_OUT_LABELS[current.optOut]);
    expect(shown.inherited).toBeUndefined();
  }
  expect(shown.links[0]).toBe(current.entryHref);
}

describe('the comparison matrix', () => {
  it('shows LinkedIn’s and Meta’s statuses for the EU, UK and US as the entries set them', async () => {
    const page = await open('/compare/');
    const matrix = model.matrixAt(isoToday());
    for (const company of ['linkedin', 'meta']) {
      const row = matrix.rows.find((r) => r.company === company);
      expect(row, `${company} has a recorded status`).toBeDefined();
      for (const region of ['EU', 'UK', 'US']) {
        const cell = row!.cells.find((c) => c.region === region)!;
        const shown = await shownCell(page, company, region);
        if (cell.current) expectCellMatches(shown, cell);
        else expect(shown.training).toBe('unknown');
      }
    }
    await page.close();
  });

  it('has recorded statuses for LinkedIn and Meta in the EU and the UK, the heart of the comparison', () => {
    const matrix = model.matrixAt(isoToday());
    for (const company of ['linkedin', 'meta'])
      for (const region of ['EU', 'UK']) {
        const cell = matrix.rows
          .find((r) => r.company === company)
          ?.cells.find((c) => c.region === region);
        expect(cell?.current, `${company} in ${region}`).toBeDefined();
      }
  });

  it('is a real table: caption, column and row headers, text in every cell', async () => {
    const page = await open('/compare/');
    // The heading gives the newest entry's date, not today's: the matrix is only as new as that.
    const newest = newestEntryDay(content.items, isoToday())!;
    const caption = page.locator('table.matrix caption');
    expect(await caption.innerText()).toContain(`up to our newest entry (${formatDay(newest)})`);
    expect(await caption.locator('time').getAttribute('datetime')).toBe(newest);
    const cols = await page.locator('table.matrix thead th[scope="col"]').allInnerTexts();
    expect(cols[0]).toBe('Company');
    expect(cols.slice(1)).toEqual(model.columns.map((c) => (c === 'GLOBAL' ? 'Global' : c)));
    const rows = await page.locator('table.matrix tbody th[scope="row"]').allInnerTexts();
    const names = new Map(content.companies.map((c) => [c.id, c.name]));
    expect(rows).toEqual(model.companies.map((id) => names.get(id)));
    const empty = await page
      .locator('table.matrix td')
      .evaluateAll((tds) => tds.filter((td) => !td.textContent?.trim()).length);
    expect(empty).toBe(0);
    await page.close();
  });

  it('explains every status in a legend, with the same icons as the cells', async () => {
    const page = await open('/compare/');
    const legend = await page.locator('.legend dt').allInnerTexts();
    for (const info of Object.values(TRAINING_INFO))
      expect(legend.some((t) => t.includes(info.icon) && t.includes(info.label))).toBe(true);
    // Above the matrix, a one-line key explains the "as Global" cells and leads to the legend.
    expect(await page.locator('.matrix-key').innerText()).toMatch(/“as Global”/);
    const target = await page.locator('.matrix-key a').getAttribute('href');
    expect(await page.locator(target!).innerText()).toBe('What the statuses mean');
    await page.close();
  });

  it('links each cell to the entries that set it', async () => {
    const page = await open('/compare/');
    const href = await page
      .locator('table.matrix td[data-company="linkedin"][data-region="EU"] .status-source a')
      .first()
      .getAttribute('href');
    expect(href).toMatch(/^\/entries\/[^/]+\/$/);
    await page.goto(baseUrl + href);
    expect(await page.locator('h1').innerText()).toBeTruthy();
    expect(await page.locator('table.status-table').innerText()).toContain('LinkedIn');
    await page.close();
  });
});

describe('when each status was last confirmed', () => {
  const today = isoToday();
  const matrix = model.matrixAt(today);
  const cells = matrix.rows.flatMap((r) => r.cells).filter((c) => c.current);

  it('shows every matrix cell with a status the date of the newest entry that set or confirmed it', async () => {
    const page = await open('/compare/');
    const shown = await page.locator('table.matrix td').evaluateAll((tds) =>
      tds.map((td) => ({
        key: `${td.getAttribute('data-company')}/${td.getAttribute('data-region')}`,
        text: td.querySelector('.status-confirmed')?.textContent?.replace(/\s+/g, ' ').trim(),
        datetime: td.querySelector('.status-confirmed time')?.getAttribute('datetime'),
      })),
    );
    const byKey = new Map(shown.map((s) => [s.key, s]));
    for (const cell of cells) {
      const s = byKey.get(`${cell.company}/${cell.region}`)!;
      const day = cell.confirmed!.date;
      expect(s.datetime, `${cell.company}/${cell.region}`).toBe(day);
      // Visible words, read out as they are seen: not a tooltip.
      const date = cell.inheritedFrom ? formatMonth(day) : formatShortDay(day);
      expect(s.text).toContain(`confirmed ${date}`);
      expect(s.text?.includes('old'), `${cell.company}/${cell.region} flagged old`).toBe(
        isStale(day, today),
      );
    }
    await page.close();
  });

  it('links a status confirmed by a later entry to that entry, while the cell still links the one that set it', async () => {
    const confirmed = cells.find((c) => !c.inheritedFrom && c.confirmed !== c.current);
    expect(confirmed, 'some entry confirms a status with confirms: true').toBeDefined();
    const page = await open('/compare/');
    const td = page.locator(
      `table.matrix td[data-company="${confirmed!.company}"][data-region="${confirmed!.region}"]`,
    );
    expect(await td.locator('.status-confirmed a').getAttribute('href')).toBe(
      confirmed!.confirmed!.entryHref,
    );
    expect(await td.locator('.status-source a').first().getAttribute('href')).toBe(
      confirmed!.current!.entryHref,
    );
    await page.close();
  });

  it('shows the date on company and region pages too', async () => {
    const cell = cells.find((c) => c.company === 'linkedin' && c.region === 'CA')!;
    for (const path of ['/companies/linkedin/', '/regions/ca/']) {
      const page = await open(path);
      const shown = page.locator(
        'table.status-table td[data-company="linkedin"][data-region="CA"]',
      );
      expect(await shown.locator('.status-confirmed time').getAttribute('datetime')).toBe(
        cell.confirmed!.date,
      );
      expect(await shown.locator('.status-confirmed').innerText()).toContain(
        `Last confirmed ${formatShortDay(cell.confirmed!.date)}`,
      );
      expect(await page.locator('table.status-table caption').innerText()).toContain(
        'up to our newest entry',
      );
      await page.close();
    }
  });
});

describe('the as-of control', () => {
  it('offers a static page per past quarter, and each shows the matrix as of that quarter’s end', async () => {
    expect(model.quarters.length).toBeGreaterThan(0);
    const page = await open('/compare/');
    const links = await page
      .locator('nav.asof a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(
      expect.arrayContaining(['/compare/', ...model.quarters.map((q) => `/compare/${q.id}/`)]),
    );
    await page.close();

    // The quarter in which LinkedIn's EU status last changed before today, and the one before it.
    const linkedinEu = model.events.filter((e) => e.company === 'linkedin' && e.region === 'EU');
    const probes = model.quarters.filter((q) => linkedinEu.some((e) => e.date <= q.asOf)).slice(-2);
    for (const q of [model.quarters[0]!, ...probes]) {
      const snap = await open(`/compare/${q.id}/`);
      expect(await snap.locator('nav.asof a[aria-current="page"]').innerText()).toContain(q.label);
      const matrix = model.matrixAt(q.asOf);
      for (const company of ['linkedin', 'meta']) {
        const row = matrix.rows.find((r) => r.company === company)!;
        for (const region of ['EU', 'UK', 'US']) {
          const cell = row.cells.find((c) => c.region === region)!;
          const shown = await shownCell(snap, company, region);
          if (cell.current) expectCellMatches(shown, cell);
          else expect(shown.training, `${company}/${region} at ${q.id}`).toBe('unknown');
        }
      }
      await snap.close();
    }
  });
});

describe('side by side', () => {
  it('lays Meta and LinkedIn out in parallel columns, month by month', async () => {
    const page = await open('/compare/meta-vs-linkedin/');
    const heads = await page.locator('table.side-by-side thead th').allInnerTexts();
    expect(heads).toEqual(['Month', 'Meta', 'LinkedIn']);
    const rows = sideBySide(
      content.items.filter((i) => i.type === 'entry'),
      ['meta', 'linkedin'],
    );
    const months = await page
      .locator('table.side-by-side tbody th time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    expect(months).toEqual(rows.map((r) => r.month));
    const first = page.locator('table.side-by-side tbody tr').first();
    const cells = first.locator('td');
    for (const [col, items] of rows[0]!.columns.entries()) {
      const hrefs = await cells
        .nth(col)
        .locator('a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(items.map((i) => i.href));
    }
    await page.close();
  });

  it('lets a reader pick another comparison from links, no script needed', async () => {
    const page = await open('/compare/');
    const link = page.locator('nav.comparisons a').nth(1);
    const href = await link.getAttribute('href');
    await link.click();
    await page.waitForURL(baseUrl + href);
    expect(await page.locator('table.side-by-side').count()).toBe(1);
    expect(await page.locator('nav.comparisons a[aria-current="page"]').getAttribute('href')).toBe(
      href,
    );
    await page.close();
  });
});

describe('company and region pages', () => {
  it('show a company’s status per region from the same rules as the matrix', async () => {
    const page = await open('/companies/linkedin/');
    const cell = model
      .matrixAt(isoToday())
      .rows.find((r) => r.company === 'linkedin')!
      .cells.find((c) => c.region === 'EU')!;
    const shown = page.locator('td[data-company="linkedin"][data-region="EU"]');
    expect(await shown.getAttribute('data-training')).toBe(cell.current!.training);
    await page.close();
  });

  it('show which companies train on a region’s people, with the opt-out guide on company pages', async () => {
    const page = await open('/regions/uk/');
    const rows = await page
      .locator('table.status-table td[data-region="UK"]')
      .evaluateAll((tds) => tds.map((td) => td.getAttribute('data-company')));
    expect(rows).toContain('linkedin');
    expect(rows).toContain('meta');
    await page.close();

    // Unlike the matrix, a region page spells out an inherited status: the reader came for that region.
    const inherited = model
      .matrixAt(isoToday())
      .rows.flatMap((r) => r.cells)
      .find((c) => c.inheritedFrom && c.current?.optOut && c.region !== 'GLOBAL');
    expect(inherited, 'some region inherits a status with an opt-out route').toBeDefined();
    const region = await open(`/regions/${inherited!.region.toLowerCase()}/`);
    const cell = region.locator(
      `table.status-table td[data-company="${inherited!.company}"][data-region="${inherited!.region}"]`,
    );
    expect(await cell.locator('.status-optout').innerText()).toBe(
      OPT_OUT_LABELS[inherited!.current!.optOut!],
    );
    expect(await cell.locator('.status-inherited').innerText()).toBe(
      `inherited from ${inherited!.inheritedFrom === 'GLOBAL' ? 'Global' : inherited!.inheritedFrom}`,
    );
    await region.close();

    const meta = await open('/companies/meta/');
    const guide = content.companies.find((c) => c.id === 'meta')!.optOut;
    if (guide) {
      expect(await meta.locator('.optout-guide').innerText()).toContain(guide.summary);
      expect(await meta.locator('.optout-guide ol li').count()).toBe(guide.steps.length);
    }
    await meta.close();
  });
});
