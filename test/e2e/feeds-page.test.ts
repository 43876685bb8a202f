import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const response = await page.goto(baseUrl + path);
  expect(response?.status()).toBe(200);
  return page;
}

const addresses = (page: Page) =>
  page.$$eval('.address code', (els) => els.map((e) => e.textContent ?? ''));

describe('the /feeds/ page', () => {
  it('shows every feed address as selectable text, with no copy buttons, when JavaScript is off', async () => {
    const page = await open('/feeds/', { javaScriptEnabled: false });
    const shown = await addresses(page);
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.some((a) => a.endsWith('/rss.xml'))).toBe(true);
    expect(shown.some((a) => a.endsWith('/calendar.ics'))).toBe(true);
    expect(shown.some((a) => a.endsWith('/feeds.opml'))).toBe(true);
    expect(await page.locator('button.copy:visible').count()).toBe(0);
    await page.context().close();
  });

  it('copies a feed address with its button and says so to screen readers', async () => {
    const page = await open('/feeds/', { permissions: ['clipboard-read', 'clipboard-write'] });
    const buttons = page.locator('button.copy:visible');
    expect(await buttons.count()).toBe((await addresses(page)).length);
    const first = (await addresses(page))[0]!;
    await buttons.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('copy-status')?.textContent);
    expect(await page.textContent('#copy-status')).toBe(`Copied ${first}`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
    await page.context().close();
  });

  it('gives each copy button a name that says which feed it copies', async () => {
    const page = await open('/feeds/');
    const names = await page.$$eval('button.copy', (els) => els.map((e) => e.textContent?.trim()));
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toMatch(/^Copy address of /);
    await page.context().close();
  });

  for (const path of ['/feeds/', '/data/']) {
    it(`has no accessibility violations axe can find on ${path}`, async () => {
      const page = await open(path, { bypassCSP: true });
      await page.addScriptTag({
        content: fs.readFileSync('node_modules/axe-core/axe.min.js', 'utf8'),
      });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run: () => Promise<{ violations: { id: string }[] }> } }
        ).axe;
        return (await axe.run()).violations.map((v) => v.id);
      });
      expect(violations).toEqual([]);
      await page.context().close();
    });
  }
});
