/** Keyboard-only use: every control is reachable with Tab, and focus is always visible. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Focused {
  tag: string;
  text: string;
  href: string | null;
  /** Where it is: skip link, site nav, a timeline heading, the facets, … */
  place: string;
  outline: string;
  inViewport: boolean;
}

/** Presses Tab and describes what has focus. */
async function tab(page: Page): Promise<Focused> {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const place = el.classList.contains('skip-link')
      ? 'skip'
      : el.closest('header.site-header nav')
        ? 'nav'
        : el.closest('.item-title')
          ? 'heading'
          : el.closest('aside.facets')
            ? 'facets'
            : el.closest('nav.pager')
              ? 'pager'
              : 'other';
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').trim().replace(/\s+/g, ' '),
      href: el.getAttribute('href'),
      place,
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      inViewport: box.bottom > 0 && box.top < window.innerHeight && box.width > 0,
    };
  });
}

const visibleOutline = (f: Focused) =>
  !f.outline.startsWith('none') && parseFloat(f.outline.split(' ')[1]!) >= 2;

describe('keyboard-only use', () => {
  it('reaches the skip link first, and it shows and moves focus to the content', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl + '/');
    const first = await tab(page);
    expect(first).toMatchObject({ place: 'skip', href: '#main', inViewport: true });
    expect(visibleOutline(first)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    const next = await tab(page);
    expect(next.place, 'after skipping, focus is inside the content').not.toBe('nav');
    await page.close();
  });

  it('tabs through the site nav, the item headings, the pager and the facets, focus always visible', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl + '/');
    const seen: Focused[] = [];
    for (let i = 0; i < 2000; i++) {
      const f = await tab(page);
      if (f.tag === 'body') break;
      seen.push(f);
      if (f.place === 'facets' && seen.filter((s) => s.place === 'facets').length > 3) break;
    }
    const places = new Set(seen.map((f) => f.place));
    for (const place of ['skip', 'nav', 'heading', 'facets']) expect(places).toContain(place);
    expect(seen.filter((f) => f.place === 'nav').map((f) => f.text)).toEqual(
      expect.arrayContaining(['Timeline', 'Compare', 'Companies', 'Regions']),
    );
    const hidden = seen.filter((f) => !visibleOutline(f) || !f.inViewport);
    expect(hidden, 'every focused element shows an outline and is scrolled into view').toEqual([]);
    await page.close();
  });

  it('opens an item with Enter from its heading link', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl + '/');
    let f: Focused;
    do f = await tab(page);
    while (f.place !== 'heading');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname !== '/');
    expect(new URL(page.url()).pathname).toBe(f.href);
    await page.close();
  });

  it('reaches the comparison table’s scroll area so wide tables can be scrolled by keyboard', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(baseUrl + '/compare/');
    let found = false;
    for (let i = 0; i < 60 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(
        () => document.activeElement?.classList.contains('table-scroll') === true,
      );
    }
    expect(found).toBe(true);
    const before = await page.$eval('.table-scroll', (el) => el.scrollLeft);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (b) => document.querySelector('.table-scroll')!.scrollLeft > b,
      before,
    );
    await page.close();
  });
});
