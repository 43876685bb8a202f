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
const idsOf = (company: string) =>
  new Set(content.items.filter((i) => i.companies.includes(company)).map((i) => i.id));
/** Waits until the island has rendered the results for this URL query (e.g. `?q=goggle`). */
const waitForShown = (page: Page, query: string) =>
  page.waitForFunction(
    (q) => document.querySelector<HTMLElement>('[data-search]')?.dataset['searchShown'] === q,
    query,
  );
const metaEu = filterItems(content.items, { company: 'meta', region: 'EU' });

describe('search on the timeline', () => {
  it('does not fetch the index before the search box is focused', async () => {
    const { page, requests } = await open('/');
    await page.waitForLoadState('networkidle');
    expect(requests.filter((p) => p.startsWith('/search/'))).toEqual([]);
    await page.focus('#search-q');
    await page.waitForResponse((r) => /\/search\/index\.[0-9a-f]+\.json$/.test(r.url()));
    await page.waitForLoadState('networkidle');
    expect(requests.some((p) => /^\/search\/items\.[0-9a-f]+\.bin$/.test(p))).toBe(true);
    // No word typed yet, so no posting shard is needed.
    expect(requests.filter((p) => p.includes('/shard-'))).toEqual([]);
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
    const expected = metaEu.slice(0, 10).map((i) => i.id);
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

  it('answers every keystroke as it is typed, and announces the count once typing pauses', async () => {
    const { page } = await open('/');
    await page.focus('#search-q');
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => {
      const root = document.querySelector<HTMLElement>('[data-search]')!;
      const w = window as unknown as { shown: string[]; spoken: string[] };
      w.shown = [];
      w.spoken = [];
      new MutationObserver(() => w.shown.push(root.dataset['searchShown'] ?? '')).observe(root, {
        attributeFilter: ['data-search-shown'],
      });
      const status = root.querySelector('[data-search-status]')!;
      new MutationObserver(() => w.spoken.push(status.textContent ?? '')).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    // 120 ms between keys: a steady typist. A fixed typing delay of that length or more would
    // show only the last prefix.
    await page.keyboard.type('regulator', { delay: 120 });
    await waitForShown(page, '?q=regulator');
    const { shown, spoken } = await page.evaluate(() => {
      const w = window as unknown as { shown: string[]; spoken: string[] };
      return { shown: [...w.shown], spoken: [...w.spoken] };
    });
    // A keystroke whose answer waits on a posting shard may be overtaken by the next one and never
    // shown (the newer answer wins), so on a busy machine a prefix or two can be skipped; a
    // debounced box would show only the last.
    const prefixes = [...'regulato'].map((_, i) => `?q=${'regulato'.slice(0, i + 1)}`);
    const answered = shown.filter((s) => prefixes.includes(s));
    expect(answered.length).toBeGreaterThanOrEqual(5);
    expect(answered).toEqual([...answered].sort((a, b) => a.length - b.length));
    expect(spoken.filter((t) => t.includes('result'))).toEqual([]);
    await waitForStatus(page, '“regulator”');
    const after = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
    expect(after.filter((t) => t.includes('result'))).toHaveLength(1);
  });

  it('reads a misspelt company as that company and offers the words as typed', async () => {
    const google = idsOf('google');
    expect(google.size).toBeGreaterThan(0);
    const { page } = await open('/');
    await page.fill('#search-q', 'goggle');
    await waitForShown(page, '?q=goggle');
    const ids = await resultIds(page);
    expect(ids.length).toBe(Math.min(10, google.size));
    expect(ids.every((id) => google.has(id))).toBe(true);
    expect(await page.textContent('[data-search-reading]')).toBe(
      'Showing results for Google — search for ‘goggle’ instead',
    );
    await page.selectOption('#search-region', 'GLOBAL');
    await waitForShown(page, '?q=goggle&region=GLOBAL');
    expect(await page.getAttribute('[data-search-reading] a >> nth=0', 'href')).toBe(
      '/?q=Google&region=GLOBAL',
    );
    await page.click('text=search for ‘goggle’ instead');
    await waitForShown(page, '?q=goggle&region=GLOBAL&literal=1');
    expect(page.url()).toBe(`${baseUrl}/?q=goggle&region=GLOBAL&literal=1`);
    expect(await page.textContent('[data-search-reading]')).toContain('as typed');
    await page.goBack();
    await waitForShown(page, '?q=goggle&region=GLOBAL');
    expect(await page.textContent('[data-search-reading]')).toContain('Showing results for Google');
  });

  it('shows what loaded and says so when a shard fails, then loads it on “Try again”', async () => {
    const { page } = await open('/');
    let failures = 0;
    await page.route('**/search/shard-*.bin', async (route) => {
      failures++;
      // The first shard asked for is lost on the network; the next comes from another build.
      if (failures === 1) await route.abort('failed');
      else if (failures === 2)
        await route.fulfill({ body: Buffer.from('AIDW000000000000 another build') });
      else await route.continue();
    });
    await page.fill('#search-q', 'training data');
    await waitForShown(page, '?q=training+data');
    expect(await page.isVisible('[data-search-problem]')).toBe(true);
    expect(await page.textContent('[data-search-problem]')).toContain(
      'Some results could not load; try again.',
    );
    expect(await page.isVisible('.pager')).toBe(false);
    await page.evaluate(() => {
      document.querySelector<HTMLElement>('[data-search]')!.dataset['searchShown'] = '';
    });
    await page.click('[data-search-retry]');
    await waitForShown(page, '?q=training+data');
    expect(await page.isVisible('[data-search-problem]')).toBe(false);
    expect((await resultIds(page)).length).toBeGreaterThan(0);
  });

  it('answers a 500-character query and a punctuation-only one at once', async () => {
    const long =
      'privacy regulators question training posts members default settings lawsuit authors artists '
        .repeat(6)
        .slice(0, 500);
    const { page } = await open(`/?q=${encodeURIComponent(long)}`);
    await waitForStatus(page, 'result');
    expect(await page.textContent('[data-search-status]')).toContain('only the first words');
    await page.fill('#search-q', '?!… —');
    await waitForStatus(page, 'no letters or digits');
    expect(await resultIds(page)).toEqual([]);
  });

  it('counts the companies and regions beside the timeline within the current results', async () => {
    const meta = idsOf('meta');
    const { page } = await open('/?company=meta');
    await waitForShown(page, '?company=meta');
    const count = (value: string) =>
      page.textContent(`[data-facets] li[data-value="${value}"] [data-facet-count]`);
    expect(await count('meta')).toBe(String(meta.size));
    const linkedin = page.locator('[data-facets] li[data-value="linkedin"]');
    expect(await linkedin.isVisible()).toBe(true);
    expect(await linkedin.getAttribute('class')).toContain('facet-empty');
    expect(await count('linkedin')).toBe('0');
    await page.click('[data-search-clear]');
    await waitForShown(page, '');
    expect(await count('linkedin')).toBe(String(linkedinIds.size));
    expect(await linkedin.getAttribute('class')).not.toContain('facet-empty');
  });
});
