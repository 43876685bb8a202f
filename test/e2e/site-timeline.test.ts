import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PAGE_SIZE } from '../../src/lib/timeline/paging.ts';
import { launchBrowser } from './browser.ts';
import { loadSiteContent } from './site-content.ts';

const baseUrl = inject('baseUrl');
const content = loadSiteContent();
const total = content.items.length;
const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const response = await page.goto(baseUrl + path);
  expect(response?.status(), `${path} should load`).toBe(200);
  return page;
}

/** Ids of the items on a timeline page, in order. */
const itemIds = (page: Page) =>
  page.$$eval('article.item', (els) => els.map((e) => e.getAttribute('data-item-id') ?? ''));

describe('the timeline', () => {
  it('shows the newest items first, each an article with a linked heading and a datetime', async () => {
    const page = await open('/');
    const ids = await itemIds(page);
    expect(ids).toEqual(content.items.slice(0, PAGE_SIZE).map((i) => i.id));
    const items = await page.$$eval('article.item', (els) =>
      els.map((e) => ({
        heading: e.querySelector('.item-title a')?.getAttribute('href') ?? null,
        datetime: e.querySelector('time[datetime]')?.getAttribute('datetime') ?? null,
      })),
    );
    for (const item of items) {
      expect(item.heading).toBeTruthy();
      expect(item.datetime).toMatch(/^\d{4}-\d{2}/);
    }
    await page.context().close();
  });

  it('puts each month under its own h2 heading, in order', async () => {
    const page = await open('/');
    const months = await page.$$eval('.timeline h2.month-heading', (els) =>
      els.map((e) => e.id.replace(/^m-/, '')),
    );
    const expected = [...new Set(content.items.slice(0, PAGE_SIZE).map((i) => i.date.slice(0, 7)))];
    expect(months).toEqual(expected);
    await page.context().close();
  });

  it('marks curated entries apart from news stories, in words', async () => {
    const page = await open('/');
    const first = content.items[0]!;
    const label = await page
      .locator(`article[data-item-id="${first.id}"] .item-type`)
      .textContent();
    expect(label?.trim()).toBe(first.type === 'entry' ? 'Curated entry' : 'In the news');
    await page.context().close();
  });

  it('pages the archive so no page holds more than the page size, with prev/next links', async () => {
    expect(pageCount, 'the content should fill more than one page').toBeGreaterThan(1);
    const seen: string[] = [];
    let path: string | null = '/';
    let pages = 0;
    while (path) {
      const page = await open(path);
      const ids = await itemIds(page);
      expect(ids.length).toBeLessThanOrEqual(PAGE_SIZE);
      seen.push(...ids);
      pages += 1;
      const prev = await page
        .$eval('head link[rel="prev"]', (l) => l.getAttribute('href'))
        .catch(() => null);
      expect(prev).toBe(pages === 1 ? null : pages === 2 ? '/' : `/page/${pages - 1}/`);
      const next = page.locator('nav.pager a[rel="next"]');
      path = (await next.count()) ? await next.getAttribute('href') : null;
      if (path) {
        expect(await page.locator('head link[rel="next"]').getAttribute('href')).toBe(path);
        expect(path).toBe(`/page/${pages + 1}/`);
      }
      await page.context().close();
    }
    expect(pages).toBe(pageCount);
    expect(seen).toEqual(content.items.map((i) => i.id));
  });

  it('marks the current page in the pager and says which items it shows', async () => {
    const page = await open('/page/2/');
    expect(await page.locator('nav.pager [aria-current="page"]').textContent()).toContain('2');
    const range = await page.locator('#page-range').textContent();
    expect(range).toContain(`${PAGE_SIZE + 1}–`);
    expect(range).toContain(`of ${total}`);
    await page.context().close();
  });

  it('lists companies and regions with counts that link to their static pages', async () => {
    const page = await open('/');
    const links = await page.$$eval('aside.facets a', (els) =>
      els.map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent ?? '' })),
    );
    const linkedin = links.find((l) => l.href === '/companies/linkedin/');
    const count = content.items.filter((i) => i.companies.includes('linkedin')).length;
    expect(linkedin?.text.replace(/\s+/g, ' ')).toContain(`(${count} items)`);
    expect(links.some((l) => l.href === '/regions/eu/')).toBe(true);
    const target = await open('/companies/linkedin/');
    expect(await target.locator('h1').textContent()).toBe('LinkedIn');
    await Promise.all([page.context().close(), target.context().close()]);
  });
});

describe('company pages', () => {
  it('names the products built into a platform, each linking to its maker', async () => {
    const hosts = content.companies.filter((c) => c.builtIn.length);
    expect(hosts.map((c) => c.id)).toContain('x');
    for (const host of hosts) {
      const page = await open(`/companies/${host.id}/`);
      const fact = page
        .locator('dl.facts div')
        .filter({ has: page.locator('dt', { hasText: 'Built in' }) });
      const text = (await fact.locator('dd').textContent())?.replace(/\s+/g, ' ').trim();
      for (const product of host.builtIn) {
        const maker = content.companies.find((c) => c.products.includes(product))!;
        expect(text).toContain(`${product} (${maker.name})`);
        expect(await fact.locator(`a[href="/companies/${maker.id}/"]`).count()).toBe(1);
      }
      await page.context().close();
    }
  });
});

describe('without JavaScript', () => {
  it('still shows the timeline items and the facets, and the facets lead to static pages', async () => {
    const page = await open('/', false);
    expect(await page.locator('article.item').count()).toBe(Math.min(PAGE_SIZE, total));
    await page.locator('aside.facets a[href="/regions/eu/"]').click();
    await page.waitForURL(/\/regions\/eu\/$/);
    expect(await page.locator('h1').textContent()).toContain('European Union');
    const euItems = content.items.filter((i) => i.regions.includes('EU')).length;
    expect(await page.locator('article.item').count()).toBe(Math.min(PAGE_SIZE, euItems));
    await page.context().close();
  });

  it('still shows the comparison table with a row per company that has a status', async () => {
    const page = await open('/compare/', false);
    expect(await page.locator('table.matrix caption').textContent()).toContain(
      'up to our newest entry',
    );
    const rows = await page.locator('table.matrix tbody tr').count();
    // A line that only confirms a status gives no company a row of its own.
    const withStatus = new Set(
      content.items.flatMap((i) =>
        (i.status ?? []).filter((s) => !s.confirms).map((s) => s.company),
      ),
    );
    expect(rows).toBe(withStatus.size);
    await page.context().close();
  });
});

describe('page outline', () => {
  it('has one h1 and never skips a heading level, on every kind of page', async () => {
    const entry = content.items.find((i) => i.type === 'entry')!;
    for (const path of [
      '/',
      '/page/2/',
      entry.href,
      '/companies/',
      '/companies/meta/',
      '/regions/',
      '/regions/eu/',
      '/compare/',
      '/compare/meta-vs-linkedin/',
    ]) {
      const page = await open(path);
      const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) =>
        hs.map((h) => Number(h.tagName[1])),
      );
      expect(
        levels.filter((l) => l === 1),
        `${path}: one h1`,
      ).toHaveLength(1);
      expect(levels[0], `${path}: h1 comes first`).toBe(1);
      levels.forEach((level, i) => {
        if (i > 0)
          expect(level - levels[i - 1]!, `${path}: heading ${i} (h${level})`).toBeLessThanOrEqual(
            1,
          );
      });
      await page.context().close();
    }
  });
});

describe('small screens', () => {
  it('fits a 360 px wide phone without sideways scrolling; wide tables scroll inside their box', async () => {
    const entry = content.items.find((i) => i.type === 'entry')!;
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    for (const path of [
      '/',
      entry.href,
      '/companies/meta/',
      '/regions/eu/',
      '/compare/',
      '/compare/meta-vs-linkedin/',
      '/compare/meta-vs-linkedin-vs-x/',
    ]) {
      const page = await context.newPage();
      expect((await page.goto(baseUrl + path))?.status()).toBe(200);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path} is ${width}px wide`).toBeLessThanOrEqual(360);
      await page.close();
    }
    await context.close();
  });
});
