/**
 * Builds the site from a small fixture content tree (test/fixtures/site) that has what the real
 * content may lack: a story told by several outlets, a hostile feed item, a month-precision entry,
 * an entry body link. Then checks how the pages render them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serveStatic } from '../support/static-server.ts';
import { launchBrowser } from './browser.ts';

const fixture = path.resolve('test/fixtures/site');
let dist: string;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'aidw-site-fixture-'));
  execFileSync('npx', ['astro', 'build', '--outDir', dist], {
    env: { ...process.env, AIDW_CONTENT_DIR: fixture },
    stdio: 'pipe',
  });
  server = await serveStatic(dist);
  browser = await launchBrowser();
  context = await browser.newContext();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

async function open(p: string): Promise<Page> {
  const page = await context.newPage();
  const res = await page.goto(server.url + p);
  expect(res?.status(), `${p} should load`).toBe(200);
  return page;
}

describe('stories on the timeline', () => {
  it('shows a story told by several outlets once, with "2 sources" to expand', async () => {
    const page = await open('/');
    const story = page.locator('article[data-item-id="story-meta-eu-2025"]');
    expect(await story.count()).toBe(1);
    expect(await story.locator('.item-type').textContent()).toBe('In the news');
    const sources = story.locator('details.sources');
    expect(await sources.locator('summary').textContent()).toBe('2 sources');
    expect(await sources.locator('li a').first().isVisible()).toBe(false);
    await sources.locator('summary').click();
    const links = await sources
      .locator('li a')
      .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('rel')]));
    expect(links).toEqual([
      ['https://news.example.org/meta-eu-2025', 'noopener noreferrer'],
      ['https://tech.example.com/meta-europeans', 'noopener noreferrer'],
    ]);
    await page.close();
  });

  it('shows why a story was tagged only when asked', async () => {
    const page = await open('/');
    const why = page.locator('article[data-item-id="story-meta-eu-2025"] details.why');
    expect(await why.locator('li').first().isVisible()).toBe(false);
    await why.locator('summary').click();
    expect(await why.locator('li').allTextContents()).toEqual([
      "'Meta' → meta",
      "'EU' → EU",
      "'Instagram' → meta",
      "'Europeans' → EU",
    ]);
    await page.close();
  });

  it('renders markup in feed text as text, never as HTML', async () => {
    const page = await open('/');
    const item = page.locator('article[data-item-id="hostile-333333"]');
    expect(await item.locator('h3').textContent()).toContain(
      '<script>window.__pwned = true</script> LinkedIn <b>news</b>',
    );
    expect(await item.locator('script, b, img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('links a story heading to its lead article with rel="noopener noreferrer"', async () => {
    const page = await open('/');
    const a = page.locator('article[data-item-id="story-meta-eu-2025"] h3 a');
    expect(await a.getAttribute('href')).toBe('https://news.example.org/meta-eu-2025');
    expect(await a.getAttribute('rel')).toBe('noopener noreferrer');
    await page.close();
  });

  it('shows a month-precision entry as the month alone', async () => {
    const page = await open('/');
    const time = page.locator('article[data-item-id="2023-04-01-linkedin-month-entry"] time');
    expect(await time.textContent()).toBe('April 2023');
    expect(await time.getAttribute('datetime')).toBe('2023-04');
    await page.close();
  });
});

describe('an entry page', () => {
  it('lists every source with rel="noopener noreferrer" and secures links in the body', async () => {
    const page = await open('/entries/2024-06-14-meta-pauses-eu-training/');
    const sources = await page
      .locator('.source-list a')
      .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('rel')]));
    expect(sources).toEqual([
      ['https://example.org/meta-pause', 'noopener noreferrer'],
      ['https://example.com/dpc-welcomes', 'noopener noreferrer'],
    ]);
    const body = page.locator('.prose a');
    expect(await body.getAttribute('href')).toBe('https://example.net/background');
    expect(await body.getAttribute('rel')).toBe('noopener noreferrer');
    await page.close();
  });

  it('shows what the entry changed and files an Irish entry under the EU too', async () => {
    const page = await open('/entries/2024-06-14-meta-pauses-eu-training/');
    expect(await page.locator('table.status-table tbody tr').innerText()).toMatch(
      /Meta\s+European Union \/ EEA\s+‖\s*Paused/,
    );
    const badges = await page
      .locator('.entry-header .badges a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(badges).toEqual(['/companies/meta/', '/regions/ie/', '/regions/eu/']);
    await page.close();
  });

  it('tells link previews it is a British English article, when it was published and whom it is about', async () => {
    const page = await open('/entries/2024-06-14-meta-pauses-eu-training/');
    const meta = (property: string) =>
      page
        .locator(`meta[property="${property}"]`)
        .evaluateAll((ms) => ms.map((m) => m.getAttribute('content')));
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    expect(await meta('og:locale')).toEqual(['en_GB']);
    expect(await meta('og:type')).toEqual(['article']);
    expect(await meta('article:published_time')).toEqual(['2024-06-14']);
    expect(await meta('article:tag')).toEqual(['Meta']);
    await page.goto(page.url().replace(/\/entries\/.*/, '/compare/'));
    expect(await meta('og:type')).toEqual(['website']);
    expect(await meta('og:locale')).toEqual(['en_GB']);
    expect(await meta('article:published_time')).toEqual([]);
    await page.close();
  });
});

describe('the comparison from the fixture', () => {
  it('lets Ireland inherit the EU status, says so in full on its page, and links the entry that set it', async () => {
    const page = await open('/regions/ie/');
    const cell = page.locator('td[data-company="meta"][data-region="IE"]');
    expect(await cell.getAttribute('data-training')).toBe('paused');
    // A region page lists one company per row, so it has room to say it in full.
    expect(await cell.locator('.status-inherited').textContent()).toBe('inherited from EU');
    expect(await cell.locator('.status-source a').getAttribute('href')).toBe(
      '/entries/2024-06-14-meta-pauses-eu-training/',
    );
    await page.close();
  });

  it('shows LinkedIn’s global default in the US and its EU exception', async () => {
    const page = await open('/compare/');
    const us = page.locator('td[data-company="linkedin"][data-region="US"]');
    expect(await us.locator('.status-label').innerText()).toContain('Trains by default');
    expect(await us.locator('.status-inherited .inherited-as').textContent()).toBe('as Global');
    expect(await us.locator('.status-inherited a').textContent()).toMatch(/follows Global/);
    // The opt-out route is stated once, in the Global cell, not repeated in every inheriting column.
    expect(await us.locator('.status-optout').count()).toBe(0);
    const global = page.locator('td[data-company="linkedin"][data-region="GLOBAL"]');
    expect(await global.locator('.status-optout').textContent()).toBe('Opt out in settings');
    const eu = page.locator('td[data-company="linkedin"][data-region="EU"]');
    expect(await eu.locator('.status-label').innerText()).toContain('Not used');
    expect(await eu.locator('.status-inherited').count()).toBe(0);
    await page.close();
  });
});

describe('a story in another language than the site’s', () => {
  it('marks its headline and summary with their language, on the timeline and in search results', async () => {
    const page = await open('/');
    const item = page.locator('article[data-item-id="story-meta-widerspruch"]');
    expect(await item.locator('h3').getAttribute('lang')).toBe('de');
    expect(await item.locator('.item-summary').getAttribute('lang')).toBe('de');
    expect(await item.locator('.item-meta').getAttribute('lang')).toBeNull();
    await page.close();
    const search = await open('/?q=widersprechen');
    await search.waitForFunction(
      () =>
        document.querySelector<HTMLElement>('[data-search]')?.dataset['searchShown'] ===
        '?q=widersprechen',
    );
    const result = search.locator('[data-search-list] article.item').first();
    expect(await result.getAttribute('data-item-id')).toBe('story-meta-widerspruch');
    expect(await result.locator('h3').getAttribute('lang')).toBe('de');
    expect(await result.locator('.item-summary').getAttribute('lang')).toBe('de');
    await search.close();
  });
});

describe('what the classifier proposed or held back', () => {
  it('shows a company with no page yet as a plain badge, and the country it names has a page', async () => {
    const page = await open('/');
    const item = page.locator('article[data-item-id="story-photoshare-chile"]');
    const badge = item.locator('.badge-proposed');
    expect((await badge.textContent())?.trim()).toBe('Company, no page yet: photoshare');
    expect(await item.locator('a.badge-company').count()).toBe(0);
    const region = item.locator('a.badge-region');
    expect(await region.getAttribute('href')).toBe('/regions/cl/');
    await page.close();
    const chile = await open('/regions/cl/');
    expect(await chile.locator('h1').textContent()).toContain('Chile');
    await chile.close();
  });

  it('shows the proposed company as a plain badge in search results too', async () => {
    const page = await open('/?q=albums');
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>('[data-search]')?.dataset['searchShown'] ===
        '?q=albums',
    );
    const result = page.locator('[data-search-list] article.item').first();
    expect((await result.locator('.badge-proposed').textContent())?.trim()).toBe(
      'Company, no page yet: photoshare',
    );
    expect(await result.locator('a.badge-company').count()).toBe(0);
    await page.close();
  });

  it('keeps an item held for review off the site until an editor says yes, then files it as corrected', async () => {
    const page = await open('/');
    expect(await page.locator('article[data-item-id="story-held"]').count()).toBe(0);
    const decided = page.locator('article[data-item-id="story-decided"]');
    expect(await decided.count()).toBe(1);
    expect(await decided.locator('a.badge-region').getAttribute('href')).toBe('/regions/uk/');
    await page.close();
  });
});
