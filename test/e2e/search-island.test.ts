import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { filterItems } from '../../src/lib/timeline/facets.ts';
import { launchBrowser } from './browser.ts';
import { loadSiteContent } from './site-content.ts';

const baseUrl = inject('baseUrl');
const content = loadSiteContent();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string): Promise<{ page: Page; requests: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const response = await page.goto(baseUrl + path);
  expect(response?.status()).toBe(200);
  return { page, requests };
}

const results = '[data-search-list] article.item';
const resultIds = (page: Page) =>
  page.$$eval(results, (els) => els.map((e) => e.getAttribute('data-item-id') ?? ''));

/** Waits until the announced result line mentions `text`. */
const waitForStatus = (page: Page, text: string) =>
  page.waitForFunction(
    (t) => document.querySelector('[data-search-status]')?.textContent?.includes(t),
    text,
  );

const linkedinIds = new Set(
  content.items.filter((i) => i.companies.includes('linkedin')).map((i) => i.id),
);
const metaEu = filterItems(content.items, { company: 'meta', region: 'EU' });

describe('search on the timeline', () => {
  it('does not fetch the index before the search box is focused', async () => {
    const { page, requests } = await open('/');
    await page.waitForLoadState('networkidle');
    expect(requests.filter((p) => p.startsWith('/search/'))).toEqual([]);
    await page.focus('#search-q');
    await page.waitForResponse((r) => r.url().endsWith('/search/index.json'));
    expect(requests).toContain('/search/postings.bin');
  });

  it('finds LinkedIn items for the typo "linkdin", and hides the static timeline meanwhile', async () => {
    expect(linkedinIds.size).toBeGreaterThan(0);
    const { page } = await open('/');
    await page.fill('#search-q', 'linkdin');
    await waitForStatus(page, '“linkdin”');
    const ids = await resultIds(page);
    expect(ids.length).toBeGreaterThan(0);
    expect(linkedinIds.has(ids[0]!)).toBe(true);
    expect(await page.isVisible('.pager, .timeline:not([data-search-list])')).toBe(false);
    expect(page.url()).toBe(`${baseUrl}/?q=linkdin`);
    const first = page.locator(results).first();
    expect(await first.locator('h3 a').count()).toBe(1);
    expect(await first.locator('time[datetime]').count()).toBe(1);
  });

  it('combines company and region filters, keeps them in the URL, and restores them on reload', async () => {
    expect(metaEu.length).toBeGreaterThan(0);
    const { page } = await open('/');
    await page.focus('#search-q');
    await page.selectOption('#search-company', 'meta');
    await page.selectOption('#search-region', 'EU');
    await waitForStatus(page, `${metaEu.length} result`);
    const expected = metaEu.slice(0, 20).map((i) => i.id);
    expect(await resultIds(page)).toEqual(expected);
    expect(page.url()).toBe(`${baseUrl}/?company=meta&region=EU`);

    await page.reload();
    await waitForStatus(page, `${metaEu.length} result`);
    expect(await resultIds(page)).toEqual(expected);
    expect(await page.inputValue('#search-company')).toBe('meta');
    expect(await page.inputValue('#search-region')).toBe('EU');
  });

  it('filters when a filter is chosen before the search box was ever used', async () => {
    const { page } = await open('/');
    await page.selectOption('#search-company', 'meta');
    await page.waitForURL(`${baseUrl}/?company=meta`);
    await waitForStatus(page, 'result');
    const ids = await resultIds(page);
    const metaIds = new Set(filterItems(content.items, { company: 'meta' }).map((i) => i.id));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => metaIds.has(id))).toBe(true);
  });

  it('shows counts on the filter options and announces the result count', async () => {
    const { page } = await open('/?company=meta');
    await waitForStatus(page, 'result');
    const euOption = await page.textContent('#search-region option[value="EU"]');
    expect(euOption).toContain(`(${metaEu.length})`);
    expect(await page.getAttribute('[data-search-status]', 'aria-live')).toBe('polite');
  });

  it('goes back to the previous view with the back button', async () => {
    const { page } = await open('/');
    await page.fill('#search-q', 'linkdin');
    await waitForStatus(page, '“linkdin”');
    const typed = await resultIds(page);
    await page.selectOption('#search-region', 'EU');
    await page.waitForURL(`${baseUrl}/?q=linkdin&region=EU`);
    await page.goBack();
    await page.waitForURL(`${baseUrl}/?q=linkdin`);
    await waitForStatus(page, '“linkdin”');
    expect(await page.inputValue('#search-region')).toBe('');
    expect(await resultIds(page)).toEqual(typed);
    await page.goBack();
    await page.waitForURL(`${baseUrl}/`);
    await page.waitForFunction(() => !document.querySelector('[data-search-status]')?.textContent);
    expect(await page.isVisible('[data-search-results]')).toBe(false);
    expect(await page.locator('.timeline article.item').first().isVisible()).toBe(true);
  });

  it('works from the keyboard alone', async () => {
    const { page } = await open('/');
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id === 'search-q')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
    await page.keyboard.type('meta');
    await page.keyboard.press('Enter');
    await waitForStatus(page, '“meta”');
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id === 'search-company')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-company');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-region');
    await page.selectOption('#search-region', 'EU');
    await waitForStatus(page, 'in ');
    expect(page.url()).toContain('region=EU');
    const focusVisible = await page.evaluate(
      () => getComputedStyle(document.activeElement!).outlineStyle,
    );
    expect(focusVisible).not.toBe('none');
  });
});
