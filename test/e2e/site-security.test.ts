/** What the pages promise about links, scripts and the Content-Security-Policy. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { loadSiteContent } from './site-content.ts';

const baseUrl = inject('baseUrl');
const content = loadSiteContent();
const entry = content.items.find((i) => i.type === 'entry' && i.sources.length > 0)!;
const PAGES = [
  '/',
  '/page/2/',
  entry.href,
  '/companies/meta/',
  '/regions/eu/',
  '/compare/',
  '/compare/meta-vs-linkedin/',
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string): Promise<{ page: Page; cspErrors: string[] }> {
  const page = await browser.newPage();
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  const res = await page.goto(baseUrl + path);
  expect(res?.status(), `${path} should load`).toBe(200);
  return { page, cspErrors };
}

describe('links', () => {
  it('an entry page lists its sources as links with rel="noopener noreferrer"', async () => {
    const { page } = await open(entry.href);
    const links = await page
      .locator('.source-list a')
      .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('rel')]));
    expect(links).toEqual(entry.sources.map((s) => [s.url, 'noopener noreferrer']));
    await page.close();
  });

  it('every link to another site carries rel="noopener noreferrer" and only http(s) is linked', async () => {
    for (const path of PAGES) {
      const { page } = await open(path);
      const links = await page.$$eval('a[href]', (as) =>
        as.map((a) => ({
          href: a.getAttribute('href')!,
          // Resolved by hand: an SVG <a> (the charts' markers and bars) has no string .href.
          abs: new URL(a.getAttribute('href')!, document.baseURI).href,
          rel: a.getAttribute('rel') ?? '',
        })),
      );
      for (const l of links) {
        expect(new URL(l.abs).protocol, `${path}: ${l.href}`).toMatch(/^https?:$/);
        if (new URL(l.abs).origin !== baseUrl)
          expect(l.rel.split(' ').sort(), `${path}: ${l.href}`).toEqual(['noopener', 'noreferrer']);
      }
      await page.close();
    }
  });
});

describe('scripts', () => {
  it('every page carries a CSP that allows no inline script but its own hashed ones', async () => {
    for (const path of PAGES) {
      const { page, cspErrors } = await open(path);
      const csp = await page.$eval('meta[http-equiv="content-security-policy"]', (m) =>
        m.getAttribute('content'),
      );
      const scriptSrc = csp!
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith('script-src'));
      expect(scriptSrc, path).toBeDefined();
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(cspErrors, `${path} should need nothing the CSP blocks`).toEqual([]);
      await page.close();
    }
  });

  it('blocks a script injected into the page', async () => {
    const { page, cspErrors } = await open('/');
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return (window as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    expect(cspErrors.length).toBeGreaterThan(0);
    await page.close();
  });

  it('ships no JavaScript on the pages that need none', async () => {
    for (const path of [
      entry.href,
      '/companies/meta/',
      '/regions/eu/',
      '/compare/',
      '/compare/meta-vs-linkedin/',
    ]) {
      const { page } = await open(path);
      const scripts = await page.$$eval(
        'script',
        (ss) => ss.filter((s) => s.getAttribute('type') !== 'application/ld+json').length,
      );
      expect(scripts, path).toBe(0);
      await page.close();
    }
  });
});
