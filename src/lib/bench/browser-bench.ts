/**
 * The reader's side of search, measured in Chromium on a built site served gzipped from
 * 127.0.0.1: the bytes the first search fetches (from focusing the box to its results: script,
 * meta, per-item data, shards, docs) and each later query (from clearing the box to its results,
 * every keystroke's fetches included), and the time from the last keystroke of a query to its
 * results in the page, and to the animation frame after that. The reader types at a steady pace, one key every TYPING_MS.
 */
import type { Page } from 'playwright-core';
import { launchBrowser } from './chromium.ts';
import { serveGzipped } from './gzip-server.ts';
import { median, percentile } from './stats.ts';

/** Milliseconds between keystrokes: a quick typist (about 100 words a minute). */
export const TYPING_MS = 110;

export interface BrowserQueryFigure {
  query: string;
  /** Gzipped bytes fetched from the first keystroke (or focus, for a first search) to results. */
  bytes: number;
  /** Of which posting shards, and result docs. */
  shardBytes: number;
  docsBytes: number;
  requests: number;
  /** Last keystroke to its results in the page, ms. */
  ms: number;
  /** Last keystroke to the first animation frame after the results were in the page, ms. */
  frameMs: number;
  first: boolean;
}

export interface BrowserFigures {
  firstSearchBytes: number;
  /** Largest and median bytes of a later query. */
  laterMaxBytes: number;
  laterMedianBytes: number;
  typingMedianMs: number;
  typingP95Ms: number;
  /** The same, to the next animation frame (results painted at the latest by then). */
  frameMedianMs: number;
  frameP95Ms: number;
  queries: BrowserQueryFigure[];
}

/** Watches the page: each input's time, and when the island marks a query's results shown. */
const INSTRUMENT = () => {
  const w = window as unknown as {
    lastInput: number;
    shownAt: Map<string, number>;
    frameAt: Map<string, number>;
  };
  w.shownAt = new Map();
  w.frameAt = new Map();
  document.addEventListener('input', () => (w.lastInput = performance.now()), true);
  const watch = () => {
    const root = document.querySelector<HTMLElement>('[data-search]');
    if (!root) return;
    new MutationObserver(() => {
      const shown = root.dataset['searchShown'] ?? '';
      w.shownAt.set(shown, performance.now());
      // By the next frame the results are painted (in the current one when the island updated
      // the page outside an animation frame callback).
      requestAnimationFrame(() => w.frameAt.set(shown, performance.now()));
    }).observe(root, { attributeFilter: ['data-search-shown'] });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch);
  else watch();
};

const stateOf = (q: string) => {
  const params = new URLSearchParams();
  params.set('q', q.trim().replace(/\s+/g, ' '));
  return `?${params}`;
};

async function typeQuery(page: Page, query: string): Promise<{ ms: number; frameMs: number }> {
  await page.keyboard.type(query, { delay: TYPING_MS });
  const key = stateOf(query);
  await page.waitForFunction(
    (k) => (window as unknown as { frameAt: Map<string, number> }).frameAt.has(k),
    key,
    { timeout: 30_000 },
  );
  await page.waitForLoadState('networkidle');
  return page.evaluate((k) => {
    const w = window as unknown as {
      lastInput: number;
      shownAt: Map<string, number>;
      frameAt: Map<string, number>;
    };
    return { ms: w.shownAt.get(k)! - w.lastInput, frameMs: w.frameAt.get(k)! - w.lastInput };
  }, key);
}

/**
 * Types `queries` into the timeline's search box of the site built in `dist`, once in the given
 * order and once reversed (so two different first searches), each run in a fresh browser context.
 */
export async function benchBrowser(
  dist: string,
  queries: readonly string[],
): Promise<BrowserFigures> {
  const server = await serveGzipped(dist);
  const browser = await launchBrowser();
  const figures: BrowserQueryFigure[] = [];
  try {
    for (const order of [queries, [...queries].reverse()]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(INSTRUMENT);
      await page.goto(`${server.url}/`);
      await page.waitForLoadState('networkidle');
      for (const [i, query] of order.entries()) {
        const from = server.log.length;
        if (i === 0) await page.focus('#search-q');
        else {
          await page.fill('#search-q', '');
          await page.waitForFunction(() =>
            (window as unknown as { shownAt: Map<string, number> }).shownAt.has(''),
          );
          await page.evaluate(() => {
            const w = window as unknown as {
              shownAt: Map<string, number>;
              frameAt: Map<string, number>;
            };
            w.shownAt.clear();
            w.frameAt.clear();
          });
        }
        const { ms, frameMs } = await typeQuery(page, query);
        const served = server.log.slice(from);
        figures.push({
          query,
          bytes: served.reduce((sum, s) => sum + s.bytes, 0),
          shardBytes: served
            .filter((s) => s.path.includes('/shard-'))
            .reduce((sum, s) => sum + s.bytes, 0),
          docsBytes: served
            .filter((s) => s.path.startsWith('/search/docs/'))
            .reduce((sum, s) => sum + s.bytes, 0),
          requests: served.length,
          ms,
          frameMs,
          first: i === 0,
        });
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const later = figures.filter((f) => !f.first);
  return {
    firstSearchBytes: Math.max(...figures.filter((f) => f.first).map((f) => f.bytes)),
    laterMaxBytes: Math.max(...later.map((f) => f.bytes)),
    laterMedianBytes: median(later.map((f) => f.bytes)),
    typingMedianMs: median(figures.map((f) => f.ms)),
    typingP95Ms: percentile(
      figures.map((f) => f.ms),
      95,
    ),
    frameMedianMs: median(figures.map((f) => f.frameMs)),
    frameP95Ms: percentile(
      figures.map((f) => f.frameMs),
      95,
    ),
    queries: figures,
  };
}
