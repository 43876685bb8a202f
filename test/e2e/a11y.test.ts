/** axe-core in Chromium on the main page types, in light and dark themes. */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { loadSiteContent } from './site-content.ts';

const baseUrl = inject('baseUrl');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const content = loadSiteContent();
const entry = content.items.find((i) => i.type === 'entry' && (i.status?.length ?? 0) > 0)!;

const PAGES: [string, string][] = [
  ['the timeline', '/'],
  ['an entry page', entry.href],
  ['a company page', '/companies/linkedin/'],
  ['a region page', '/regions/eu/'],
  ['the comparison', '/compare/'],
  ['a side-by-side view', '/compare/meta-vs-linkedin/'],
  ['a three-way side-by-side view', '/compare/meta-vs-linkedin-vs-x/'],
  ['another company page with charts', '/companies/meta/'],
  ['the companies index', '/companies/'],
  ['a later timeline page', '/page/2/'],
  ['the open data page', '/data/'],
  ['the sources page', '/sources/'],
  // The search island's states: a query read as a name (with its "search for … instead" line)
  // and a filter, which dims the companies and regions with no result beside the timeline.
  ['the timeline searching a misspelt company', '/?q=goggle'],
  ['the timeline filtered by company', '/?company=meta'],
];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function violations(path: string, colorScheme: 'light' | 'dark'): Promise<AxeViolation[]> {
  // The site's CSP forbids the inline script axe is injected as; bypass it for the audit only.
  const context = await browser.newContext({ bypassCSP: true, colorScheme });
  const page = await context.newPage();
  const res = await page.goto(baseUrl + path);
  expect(res?.status(), `${path} should load`).toBe(200);
  if (path.includes('?'))
    await page.waitForFunction(
      () => !!document.querySelector<HTMLElement>('[data-search]')?.dataset['searchShown'],
    );
  await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (o: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations;
  });
  await context.close();
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

function describeViolations(vs: AxeViolation[]): string {
  return vs
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map(
            (n) =>
              `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`,
          )
          .join('\n'),
    )
    .join('\n');
}

describe('accessibility (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, path] of PAGES) {
      it(`${name} has no serious or critical violations in the ${scheme} theme`, async () => {
        const found = await violations(path, scheme);
        expect(found, describeViolations(found)).toEqual([]);
      });
    }
  }
});
