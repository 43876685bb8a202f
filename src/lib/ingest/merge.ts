/**
 * `npm run merge-shards`: puts the shares of a sharded ingest back together in the checkout that
 * publishes. Each shard brings the article files it created, its set-aside articles, its state
 * file and its health report. New articles are clustered again across everything (a shard only
 * saw its own feeds), the entries' citations are respected, and state and health are taken for
 * each feed from the shard that read it. The result is what one run over all feeds would store.
 */
import fs from 'node:fs';
import path from 'node:path';
import { articleSchema, type Article } from '../content/article.ts';
import type { FeedsFile } from '../content/feeds.ts';
import {
  healthTotals,
  readHealth,
  writeHealth,
  type FeedHealth,
  type HealthReport,
} from './health.ts';
import { readSetAside } from './set-aside.ts';
import { settleArticles, type SettleOptions, type Settled } from './settle.ts';
import { readState, writeState } from './state.ts';
import { readStore } from './store.ts';

/** What one shard's artifact holds, by name inside its folder. */
export const SHARD_LAYOUT = {
  articles: 'articles',
  setAside: 'set-aside',
  state: 'state.json',
  health: 'feeds-health.json',
} as const;

export interface MergeOptions {
  feeds: FeedsFile;
  outDir: string;
  statePath: string;
  healthPath: string;
  setAsideDir: string;
  shardDirs: readonly string[];
  assignStories: SettleOptions['assignStories'];
  citations?: SettleOptions['citations'];
  now?: () => Date;
}

export interface MergeResult {
  shards: number;
  /** Article files the shards brought, set-aside ones included. */
  offered: number;
  /** Already in the folder (stored by an earlier update): left as they are. */
  alreadyStored: number;
  /** The same article from shards of two feeds: the earlier feed in feeds.yaml keeps it. */
  duplicates: number;
  settled: Settled;
  /** Feeds whose state and health came from a shard. */
  feedsMerged: number;
  /** Shards without a health report (a failed job): their feeds keep the previous health. */
  missingReports: string[];
  warnings: string[];
}

function readShardArticles(dir: string, warnings: string[]): Omit<Article, 'story'>[] {
  const out: Omit<Article, 'story'>[] = [];
  const articlesDir = path.join(dir, SHARD_LAYOUT.articles);
  if (fs.existsSync(articlesDir))
    for (const name of fs.readdirSync(articlesDir).sort()) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue;
      const file = path.join(articlesDir, name);
      try {
        const parsed = articleSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
        if (!parsed.success) {
          warnings.push(`${file}: not an article, left out (${parsed.error.issues[0]?.message})`);
          continue;
        }
        const { story: _story, ...article } = parsed.data;
        out.push(article);
      } catch (e) {
        warnings.push(`${file}: not valid JSON, left out (${(e as Error).message})`);
      }
    }
  const aside = readSetAside(path.join(dir, SHARD_LAYOUT.setAside));
  warnings.push(...aside.problems.map((p) => `left out: ${p}`));
  for (const item of aside.items) {
    const { story: _story, ...article } = item.article;
    out.push(article);
  }
  return out;
}

export function mergeShards(options: MergeOptions): MergeResult {
  const now = options.now ?? (() => new Date());
  const warnings: string[] = [];
  const order = new Map(options.feeds.feeds.map((f, i) => [f.id, i]));
  const rank = (feed: string) => order.get(feed) ?? Number.MAX_SAFE_INTEGER;
  const store = readStore(options.outDir);
  warnings.push(...store.problems.map((p) => `left alone: ${p}`));

  const chosen = new Map<string, Omit<Article, 'story'>>();
  let offered = 0;
  let alreadyStored = 0;
  let duplicates = 0;
  for (const dir of options.shardDirs)
    for (const article of readShardArticles(dir, warnings)) {
      offered++;
      if (store.ids.has(article.id)) {
        alreadyStored++;
        continue;
      }
      const other = chosen.get(article.id);
      if (other) {
        duplicates++;
        if (rank(article.feed) >= rank(other.feed)) continue;
      }
      chosen.set(article.id, article);
    }
  const pending = [...chosen.values()].sort(
    (a, b) => rank(a.feed) - rank(b.feed) || a.id.localeCompare(b.id),
  );
  const settled = settleArticles({
    outDir: options.outDir,
    store,
    pending,
    assignStories: options.assignStories,
    ...(options.citations ? { citations: options.citations } : {}),
    setAsideDir: options.setAsideDir,
    now: now(),
  });
  warnings.push(...settled.warnings);

  // State and health per feed, from the shard that read it.
  const { state, warning } = readState(options.statePath);
  if (warning) warnings.push(warning);
  const previous = readHealth(options.healthPath);
  const health = new Map((previous?.feeds ?? []).map((f) => [f.id, f]));
  const reports: HealthReport[] = [];
  const missingReports: string[] = [];
  let feedsMerged = 0;
  for (const dir of options.shardDirs) {
    const report = readHealth(path.join(dir, SHARD_LAYOUT.health));
    if (!report) {
      missingReports.push(dir);
      continue;
    }
    reports.push(report);
    const shardState = readState(path.join(dir, SHARD_LAYOUT.state)).state;
    for (const f of report.feeds) {
      feedsMerged++;
      health.set(f.id, f);
      const entry = shardState.feeds[f.id];
      if (entry) state.feeds[f.id] = entry;
      else delete state.feeds[f.id];
    }
  }
  writeState(options.statePath, state);

  const createdBy = new Map<string, number>();
  for (const a of settled.created) createdBy.set(a.feed, (createdBy.get(a.feed) ?? 0) + 1);
  const contributed = new Map<string, number>();
  for (const a of [...store.articles, ...settled.created])
    contributed.set(a.feed, (contributed.get(a.feed) ?? 0) + 1);
  // As in one run: the report lists the feeds read, not paused or removed ones.
  const enabled = new Set(options.feeds.feeds.filter((f) => f.enabled).map((f) => f.id));
  const feedHealth: FeedHealth[] = [...health.values()]
    .filter((f) => enabled.has(f.id))
    .sort((a, b) => rank(a.id) - rank(b.id))
    .map((f) => ({
      ...f,
      // A shard counted articles another shard's earlier feed has since been credited with.
      itemsNew: createdBy.get(f.id) ?? 0,
      totalContributed: contributed.get(f.id) ?? 0,
    }));
  if (reports.length) {
    const startedAt = reports.map((r) => r.startedAt).sort()[0]!;
    const finishedAt = reports
      .map((r) => r.finishedAt)
      .sort()
      .at(-1)!;
    writeHealth(options.healthPath, {
      startedAt,
      finishedAt,
      durationMs: Math.max(0, Date.parse(finishedAt) - Date.parse(startedAt)),
      totals: healthTotals(feedHealth, store.ids.size + settled.created.length),
      feeds: feedHealth,
    });
  }
  return {
    shards: options.shardDirs.length,
    offered,
    alreadyStored,
    duplicates,
    settled,
    feedsMerged,
    missingReports,
    warnings,
  };
}

export function describeMerge(r: MergeResult): string {
  const s = r.settled;
  return [
    `Merged ${r.shards} shard${r.shards === 1 ? '' : 's'}: ${r.offered} article files offered, ` +
      `${s.created.length} stored as new, ${r.alreadyStored} already stored, ` +
      `${r.duplicates} duplicate${r.duplicates === 1 ? '' : 's'} across shards (the earlier feed in feeds.yaml keeps each), ` +
      `${s.setAside.length} set aside, ${s.joined.length} joined an entry's story.`,
    `Stories: ${new Set(s.created.map((a) => a.story)).size} among the new articles, clustered across all articles.`,
    `State and health taken from the shards for ${r.feedsMerged} feed${r.feedsMerged === 1 ? '' : 's'}.` +
      (r.missingReports.length
        ? ` No health report in ${r.missingReports.join(', ')}: those feeds keep their previous health.`
        : ''),
  ].join('\n');
}
