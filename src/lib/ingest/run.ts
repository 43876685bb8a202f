/**
 * One ingest run: fetch → parse → normalise → classify → cluster → store, then the state and
 * health files. A feed's failure is recorded and the run goes on; nothing already stored changes.
 */
import type { Article } from '../content/article.ts';
import type { Feed, FeedsFile } from '../content/feeds.ts';
import type { Classification, Classifier } from '../classify/types.ts';
import { removeStaleTemps } from './atomic.ts';
import { FeedError } from './errors.ts';
import { fetchFeed, type Validators } from './fetch.ts';
import {
  healthTotals,
  readHealth,
  writeHealth,
  type FeedHealth,
  type FeedStatus,
  type HealthReport,
} from './health.ts';
import { foldHistory } from './history.ts';
import { normaliseItems, type DroppedItem, type NormalisedItem } from './normalise.ts';
import { parseFeedBody } from './parse.ts';
import type { ParsedFeed } from './parsed.ts';
import { mapPool } from './pool.ts';
import { readState, validatorsFor, writeState } from './state.ts';
import { settleArticles, type AssignStories, type SettleOptions } from './settle.ts';
import type { SetAside } from './set-aside.ts';
import { readStore } from './store.ts';

export type { AssignStories };

export interface RunOptions {
  feeds: FeedsFile;
  /** Folder of article files (content/articles). */
  outDir: string;
  /** Conditional-GET state file. */
  statePath: string;
  /** Health report file (content/feeds-health.json). */
  healthPath: string;
  classify: Classifier;
  assignStories: AssignStories;
  /** Region code → its blocs, so feed tags gain blocs as classifier tags do (IE → EU). */
  blocsOf?: ReadonlyMap<string, readonly string[]>;
  /** The URLs entries cite, so a new article never clashes with an entry's story. */
  citations?: SettleOptions['citations'];
  /** Where articles that clash in a way only an editor can settle wait (content/set-aside). */
  setAsideDir?: string;
  now?: () => Date;
  fetchImpl?: typeof fetch;
}

export interface RunResult {
  report: HealthReport;
  /** Ids of the articles this run created. */
  created: string[];
  /** Articles waiting in the set-aside folder after this run, each with its reason. */
  setAside: SetAside[];
  /** Articles that joined the story of an entry citing them. */
  joined: { id: string; story: string; entry: string }[];
  /** Problems worth an editor's attention that did not stop the run. */
  warnings: string[];
}

/**
 * What a feed's item came to, decided as soon as the feed is parsed so that the parsed document
 * and the items nobody keeps can be released while other feeds are still being fetched. Which
 * feed an article is credited to is settled later, in feeds.yaml order.
 */
type Screened =
  | { id: string; verdict: 'on-disk' | 'irrelevant' }
  | { id: string; verdict: 'failed'; dropped: DroppedItem }
  | { id: string; verdict: 'relevant'; article: Omit<Article, 'story'> };

interface FeedOutcome {
  feed: Feed;
  status: FeedStatus;
  reason?: string;
  httpStatus?: number;
  format?: ParsedFeed['format'];
  movedTo?: string;
  /** The newest publication date among the items (estimated dates left out). */
  newestItem?: string;
  items: Screened[];
  itemsSeen: number;
  dropped: DroppedItem[];
  validators?: Validators;
  startedAt: Date;
  durationMs: number;
}

const MAX_DROPPED_REASONS = 5;

/** Classifies one feed's items, skipping those already stored; keeps only what the run needs. */
function screenItems(
  items: readonly NormalisedItem[],
  feed: Feed,
  fetchedAt: Date,
  context: ScreenContext,
): Screened[] {
  return items.map((item): Screened => {
    if (context.onDisk.has(item.id)) return { id: item.id, verdict: 'on-disk' };
    let verdict: Classification;
    try {
      verdict = context.classify({
        title: item.title,
        text: item.summary,
        ...(item.dateEstimated ? {} : { published: item.published }),
      });
    } catch (e) {
      return {
        id: item.id,
        verdict: 'failed',
        dropped: { reason: `the classifier failed: ${(e as Error).message}`, title: item.title },
      };
    }
    // An item too close to call is kept, held back from the site, for an editor to decide.
    if (!verdict.relevant && !verdict.review) return { id: item.id, verdict: 'irrelevant' };
    return {
      id: item.id,
      verdict: 'relevant',
      article: {
        id: item.id,
        url: item.url,
        title: item.title,
        summary: item.summary,
        published: item.published,
        dateEstimated: item.dateEstimated,
        publisher: feed.publisher,
        feed: feed.id,
        score: Math.round(Math.min(1, Math.max(0, verdict.score)) * 1000) / 1000,
        ...withFeedTags(verdict, feed, context.blocsOf),
        ...(verdict.proposedCompanies ? { proposedCompanies: verdict.proposedCompanies } : {}),
        language: verdict.language,
        ...(verdict.review ? { review: true } : {}),
        fetchedAt: fetchedAt.toISOString(),
      },
    };
  });
}

interface ScreenContext {
  onDisk: ReadonlySet<string>;
  classify: Classifier;
  blocsOf: ReadonlyMap<string, readonly string[]>;
}

async function processFeed(
  feed: Feed,
  validators: Validators,
  options: RunOptions,
  screen: ScreenContext,
  signal: AbortSignal,
  now: () => Date,
): Promise<FeedOutcome> {
  const startedAt = now();
  const base = { feed, items: [], itemsSeen: 0, dropped: [], startedAt };
  const elapsed = () => Math.max(0, now().getTime() - startedAt.getTime());
  if (signal.aborted)
    return {
      ...base,
      status: 'failed',
      reason: 'not attempted: the run time budget was spent',
      durationMs: 0,
    };
  const settings = options.feeds.fetch;
  const maxBytes = Math.round(settings.maxMegabytes * 1024 * 1024);
  let httpStatus: number | undefined;
  try {
    const outcome = await fetchFeed(
      feed.url,
      validators,
      {
        timeoutMs: settings.timeoutSeconds * 1000,
        maxBytes,
        maxRedirects: settings.maxRedirects,
        retries: settings.retries,
        retryDelayMs: settings.retryDelaySeconds * 1000,
      },
      { signal, ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}) },
    );
    httpStatus = outcome.httpStatus;
    if (outcome.kind === 'not-modified')
      return {
        ...base,
        status: 'not-modified',
        httpStatus,
        ...(outcome.movedTo ? { movedTo: outcome.movedTo } : {}),
        validators: outcome.validators,
        durationMs: elapsed(),
      };
    const parsed = await parseFeedBody(outcome.body, outcome.contentType, { maxBytes });
    const { items, dropped } = normaliseItems(parsed, {
      documentUrl: outcome.url,
      fetchedAt: startedAt,
      maxItems: settings.maxItemsPerFeed,
    });
    return {
      ...base,
      status: 'ok',
      httpStatus,
      format: parsed.format,
      ...(outcome.movedTo ? { movedTo: outcome.movedTo } : {}),
      ...newest(items),
      items: screenItems(items, feed, startedAt, screen),
      itemsSeen: Math.min(parsed.items.length, settings.maxItemsPerFeed),
      dropped,
      validators: outcome.validators,
      durationMs: elapsed(),
    };
  } catch (e) {
    const reason =
      e instanceof FeedError ? e.message : `internal error: ${(e as Error).message ?? String(e)}`;
    const status = e instanceof FeedError ? (e.httpStatus ?? httpStatus) : httpStatus;
    return {
      ...base,
      status: 'failed',
      reason,
      ...(status !== undefined ? { httpStatus: status } : {}),
      durationMs: elapsed(),
    };
  }
}

function newest(items: readonly NormalisedItem[]): { newestItem?: string } {
  let max: string | undefined;
  for (const i of items) if (!i.dateEstimated && (!max || i.published > max)) max = i.published;
  return max ? { newestItem: max } : {};
}

/** The classifier's verdict plus the feed's own tags, blocs included, each with its reason. */
function withFeedTags(
  verdict: Classification,
  feed: Feed,
  blocsOf: ReadonlyMap<string, readonly string[]>,
): Pick<Article, 'companies' | 'regions' | 'why'> {
  const why = [...verdict.why];
  const companies = new Set(verdict.companies);
  for (const c of feed.tags.companies) {
    if (!companies.has(c)) why.push(`feed ${feed.id} → ${c}`);
    companies.add(c);
  }
  const feedRegions = feed.tags.regions.flatMap((r) => [r, ...(blocsOf.get(r) ?? [])]);
  // GLOBAL is the classifier's "no region named"; a regional feed names one.
  const fromVerdict =
    feedRegions.length && verdict.regions.every((r) => r === 'GLOBAL') ? [] : verdict.regions;
  const regions = new Set(fromVerdict);
  for (const r of feedRegions) {
    if (!regions.has(r)) why.push(`feed ${feed.id} → ${r}`);
    regions.add(r);
  }
  return { companies: [...companies].sort(), regions: [...regions].sort(), why };
}

export async function runIngest(options: RunOptions): Promise<RunResult> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const warnings: string[] = [];
  const blocsOf = options.blocsOf ?? new Map();

  removeStaleTemps(options.outDir);
  const store = readStore(options.outDir);
  warnings.push(...store.problems.map((p) => `left alone: ${p}`));
  const { state, warning } = readState(options.statePath);
  if (warning) warnings.push(warning);
  const previous = new Map((readHealth(options.healthPath)?.feeds ?? []).map((f) => [f.id, f]));

  const feeds = options.feeds.feeds.filter((f) => f.enabled);
  const budget = AbortSignal.timeout(options.feeds.fetch.runBudgetSeconds * 1000);
  const screen: ScreenContext = { onDisk: store.ids, classify: options.classify, blocsOf };
  const outcomes = await mapPool(feeds, options.feeds.fetch.concurrency, (feed) =>
    processFeed(feed, validatorsFor(state, feed.id, feed.url), options, screen, budget, now),
  );

  // Feeds are walked in feeds.yaml order so that "first feed wins" does not depend on timing.
  const claimed = new Set<string>();
  const pending: Omit<Article, 'story'>[] = [];
  const kept = new Map<string, number>();
  for (const outcome of outcomes) {
    let keptHere = 0;
    for (const item of outcome.items) {
      if (item.verdict === 'on-disk' || claimed.has(item.id)) {
        keptHere++;
        continue;
      }
      if (item.verdict === 'failed') outcome.dropped.push(item.dropped);
      if (item.verdict !== 'relevant') continue;
      keptHere++;
      claimed.add(item.id);
      pending.push(item.article);
    }
    outcome.items = [];
    kept.set(outcome.feed.id, keptHere);
  }

  const settled = settleArticles({
    outDir: options.outDir,
    store,
    pending,
    assignStories: options.assignStories,
    ...(options.citations ? { citations: options.citations } : {}),
    ...(options.setAsideDir ? { setAsideDir: options.setAsideDir } : {}),
    now: startedAt,
  });
  warnings.push(...settled.warnings);
  const created = settled.created.map((a) => a.id);
  const createdBy = new Map<string, number>();
  for (const a of settled.created) createdBy.set(a.feed, (createdBy.get(a.feed) ?? 0) + 1);

  // After the articles: a run killed before this point simply fetches in full next time.
  for (const o of outcomes) {
    if (o.status === 'failed' || !o.validators) continue;
    const { etag, lastModified } = o.validators;
    if (etag || lastModified)
      state.feeds[o.feed.id] = {
        url: o.feed.url,
        ...(etag ? { etag } : {}),
        ...(lastModified ? { lastModified } : {}),
        updatedAt: o.startedAt.toISOString(),
      };
    else delete state.feeds[o.feed.id];
  }
  writeState(options.statePath, state);

  const contributed = new Map<string, number>();
  for (const a of store.articles) contributed.set(a.feed, (contributed.get(a.feed) ?? 0) + 1);
  for (const [feed, n] of createdBy) contributed.set(feed, (contributed.get(feed) ?? 0) + n);

  const feedHealth = outcomes.map((o): FeedHealth => {
    const before = previous.get(o.feed.id);
    const at = o.startedAt.toISOString();
    const itemsNew = createdBy.get(o.feed.id) ?? 0;
    return {
      id: o.feed.id,
      url: o.feed.url,
      publisher: o.feed.publisher,
      status: o.status,
      ...(o.reason ? { reason: o.reason } : {}),
      ...(o.httpStatus !== undefined ? { httpStatus: o.httpStatus } : {}),
      ...(o.format ? { format: o.format } : {}),
      lastAttempt: at,
      ...foldHistory(before, {
        at,
        url: o.feed.url,
        status: o.status,
        reason: o.reason,
        movedTo: o.movedTo,
        itemsNew,
        newestItem: o.newestItem,
      }),
      itemsSeen: o.itemsSeen,
      itemsKept: kept.get(o.feed.id) ?? 0,
      itemsNew,
      itemsDropped: o.dropped.length,
      ...(o.dropped.length
        ? {
            dropped: o.dropped
              .slice(0, MAX_DROPPED_REASONS)
              .map((d) => (d.title ? `${d.reason}: "${d.title.slice(0, 80)}"` : d.reason)),
          }
        : {}),
      totalContributed: contributed.get(o.feed.id) ?? 0,
      durationMs: Math.round(o.durationMs),
    };
  });

  const finishedAt = now();
  const report: HealthReport = {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
    totals: healthTotals(feedHealth, store.ids.size + created.length),
    feeds: feedHealth,
  };
  writeHealth(options.healthPath, report);
  return { report, created, setAside: settled.setAside, joined: settled.joined, warnings };
}
