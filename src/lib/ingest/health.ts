/**
 * The feeds health report (content/feeds-health.json): how each feed fared on the last run and
 * over time. The public sources page reads it with this schema; editors read the summary table.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { instant } from '../content/fields.ts';
import { writeFileAtomic } from './atomic.ts';

const count = z.number().int().min(0);

export const FEED_STATUSES = ['ok', 'not-modified', 'failed'] as const;
export type FeedStatus = (typeof FEED_STATUSES)[number];

export const feedHealthSchema = z.object({
  /** Feed id from feeds.yaml. */
  id: z.string(),
  /** The URL fetched. */
  url: z.string(),
  /** Publisher from feeds.yaml. */
  publisher: z.string(),
  /** ok: fetched and read; not-modified: the server said nothing changed (304); failed: see reason. */
  status: z.enum(FEED_STATUSES),
  /** Why it failed, in words ("HTTP 404 Not Found", "timed out: …", "not a feed: …"). */
  reason: z.string().optional(),
  /** The last HTTP status received, when the server answered. */
  httpStatus: z.number().int().optional(),
  /**
   * The feed's new address, when the server redirected it permanently: update feeds.yaml. Kept
   * until feeds.yaml names a new address or the old one answers without redirecting.
   */
  movedTo: z.string().optional(),
  /** What the feed turned out to be. */
  format: z.enum(['rss', 'rdf', 'atom', 'json']).optional(),
  /** When this run tried it. */
  lastAttempt: instant,
  /** The last run it answered (ok or not-modified); kept across failed runs. */
  lastSuccess: instant.optional(),
  /** The most recent failure, kept after the feed recovers. */
  lastError: z.object({ at: instant, reason: z.string() }).optional(),
  /** Runs in a row that failed, this one included; 0 once the feed answers. */
  consecutiveFailures: count.default(0),
  /** The first failed run of the current streak of failures. */
  failingSince: instant.optional(),
  /** The newest publication date among the feed's items, kept across runs: how fresh it is. */
  newestItem: instant.optional(),
  /** The last run the feed added an article. */
  lastNew: instant.optional(),
  /** Articles the feed added, per week (the Monday that starts it, UTC), the last 12 weeks. */
  weekly: z
    .array(z.object({ week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), items: count }))
    .default([]),
  /** Items in the feed this run. */
  itemsSeen: count,
  /** Items that are articles on the site (new now, or stored by an earlier run or feed). */
  itemsKept: count,
  /** Articles this feed added this run. */
  itemsNew: count,
  /** Items refused as unsafe or unusable (no link, javascript: link, …). */
  itemsDropped: count,
  /** A few of the reasons items were dropped, for editors. */
  dropped: z.array(z.string()).optional(),
  /** Articles on disk that this feed delivered first, over all runs. */
  totalContributed: count,
  /** Time spent on this feed this run. */
  durationMs: count,
});
export type FeedHealth = z.output<typeof feedHealthSchema>;

export const healthReportSchema = z.object({
  startedAt: instant,
  finishedAt: instant,
  durationMs: count,
  totals: z.object({
    feeds: count,
    ok: count,
    notModified: count,
    failed: count,
    itemsSeen: count,
    itemsKept: count,
    itemsNew: count,
    itemsDropped: count,
    /** Articles on disk after the run. */
    articles: count,
  }),
  feeds: z.array(feedHealthSchema),
});
export type HealthReport = z.output<typeof healthReportSchema>;

/** The previous report, to carry lastSuccess and lastError forward; absent or damaged → none. */
export function readHealth(file: string): HealthReport | undefined {
  try {
    const parsed = healthReportSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function writeHealth(file: string, report: HealthReport): void {
  writeFileAtomic(file, `${JSON.stringify(healthReportSchema.parse(report), null, 2)}\n`);
}

/** The report's totals: feeds by status and their item counts summed; `articles` as stored after the run. */
export function healthTotals(
  feeds: readonly FeedHealth[],
  articles: number,
): HealthReport['totals'] {
  const sum = (pick: (f: FeedHealth) => number) => feeds.reduce((n, f) => n + pick(f), 0);
  const count = (status: FeedStatus) => feeds.filter((f) => f.status === status).length;
  return {
    feeds: feeds.length,
    ok: count('ok'),
    notModified: count('not-modified'),
    failed: count('failed'),
    itemsSeen: sum((f) => f.itemsSeen),
    itemsKept: sum((f) => f.itemsKept),
    itemsNew: sum((f) => f.itemsNew),
    itemsDropped: sum((f) => f.itemsDropped),
    articles,
  };
}

/** A plain-text table for the terminal: one line per feed, then the totals. */
export function formatSummary(report: HealthReport): string {
  const rows = report.feeds.map((f) => [
    f.id,
    f.status,
    f.httpStatus === undefined ? '-' : String(f.httpStatus),
    String(f.itemsSeen),
    String(f.itemsKept),
    String(f.itemsNew),
    f.reason ?? (f.movedTo ? `moved permanently to ${f.movedTo}` : ''),
  ]);
  const header = ['feed', 'status', 'http', 'seen', 'kept', 'new', 'reason'];
  const widths = header.map((h, i) =>
    i === header.length - 1 ? 0 : Math.max(h.length, ...rows.map((r) => r[i]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i === cells.length - 1 ? c : i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!),
      )
      .join('  ')
      .trimEnd();
  const t = report.totals;
  return [
    line(header),
    ...rows.map(line),
    '',
    `${t.feeds} feeds: ${t.ok} ok, ${t.notModified} not modified, ${t.failed} failed. ` +
      `Items: ${t.itemsSeen} seen, ${t.itemsKept} kept, ${t.itemsNew} new, ${t.itemsDropped} dropped. ` +
      `${t.articles} articles stored. ${(report.durationMs / 1000).toFixed(1)} s.`,
  ].join('\n');
}
