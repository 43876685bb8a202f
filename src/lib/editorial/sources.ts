/**
 * The public /sources/ page's data: every feed in feeds.yaml joined with how it fared according
 * to the ingest health report. Works before any ingest has run (no report yet).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadFeedsFile, type Feed } from '../content/feeds.ts';
import { contentDir } from '../content/paths.ts';
import { healthReportSchema, type HealthReport } from '../ingest/health.ts';
import { attentionFor, type Attention } from '../ingest/history.ts';

export type SourceStatus =
  'ok' | 'not-modified' | 'failed' | 'disabled' | 'not-fetched' | 'removed';

export const STATUS_LABELS: Record<SourceStatus, string> = {
  ok: 'Working',
  'not-modified': 'Working (no new items)',
  failed: 'Failing',
  disabled: 'Paused by the editors',
  'not-fetched': 'Not fetched yet',
  removed: 'No longer read',
};

export interface SourceRow {
  id: string;
  publisher: string;
  url: string;
  status: SourceStatus;
  /** ISO 8601: the last run the feed answered. */
  lastSuccess?: string | undefined;
  /** The most recent failure, kept after the feed recovers. */
  lastError?: { at: string; reason: string } | undefined;
  /** Articles on the site this feed delivered first; unknown before the first run. */
  contributed?: number | undefined;
  /** Failed runs in a row (0 when the last one answered). */
  consecutiveFailures: number;
  /** What needs an editor: failing for several runs, silent for weeks, moved for good. */
  attention: Attention[];
}

/** Reasons come from servers and networks: keep them to one readable line. */
const MAX_REASON = 200;
const oneLine = (s: string) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > MAX_REASON ? `${t.slice(0, MAX_REASON - 1)}…` : t;
};

export function sourceRows(
  feeds: readonly Feed[],
  health?: HealthReport,
  now = new Date(),
): SourceRow[] {
  const seen = new Map(health?.feeds.map((f) => [f.id, f]));
  const rows: SourceRow[] = feeds.map((feed) => {
    const h = seen.get(feed.id);
    const status: SourceStatus = !feed.enabled ? 'disabled' : (h?.status ?? 'not-fetched');
    return {
      id: feed.id,
      publisher: feed.publisher,
      url: feed.url,
      status,
      lastSuccess: h?.lastSuccess,
      lastError: h?.lastError && { at: h.lastError.at, reason: oneLine(h.lastError.reason) },
      contributed: h?.totalContributed,
      consecutiveFailures: h?.consecutiveFailures ?? 0,
      attention:
        h && feed.enabled
          ? attentionFor(h, now).map((a) =>
              a.kind === 'failing' ? { ...a, reason: oneLine(a.reason) } : a,
            )
          : [],
    };
  });
  const listed = new Set(feeds.map((f) => f.id));
  // Feeds taken off the list still brought articles that are on the site: say where they came from.
  for (const h of health?.feeds ?? []) {
    if (listed.has(h.id)) continue;
    rows.push({
      id: h.id,
      publisher: h.publisher,
      url: h.url,
      status: 'removed',
      lastSuccess: h.lastSuccess,
      lastError: h.lastError && { at: h.lastError.at, reason: oneLine(h.lastError.reason) },
      contributed: h.totalContributed,
      consecutiveFailures: h.consecutiveFailures,
      attention: [],
    });
  }
  return rows;
}

export interface SourcesPage {
  rows: SourceRow[];
  /** The last run, when one is recorded. */
  lastRun?: Pick<HealthReport, 'startedAt' | 'finishedAt' | 'totals'> | undefined;
}

/** Reads content/feeds.yaml and, when present and readable, content/feeds-health.json. */
export function loadSources(root = contentDir(), now = new Date()): SourcesPage {
  const feedsFile = path.join(root, 'feeds.yaml');
  const feeds = fs.existsSync(feedsFile) ? loadFeedsFile(feedsFile).feeds : [];
  const healthFile = path.join(root, 'feeds-health.json');
  let health: HealthReport | undefined;
  if (fs.existsSync(healthFile)) {
    // A damaged report must not take the site down; check reports it to the editors.
    try {
      const parsed = healthReportSchema.safeParse(JSON.parse(fs.readFileSync(healthFile, 'utf8')));
      if (parsed.success) health = parsed.data;
    } catch {
      health = undefined;
    }
  }
  return {
    rows: sourceRows(feeds, health, now),
    lastRun: health && {
      startedAt: health.startedAt,
      finishedAt: health.finishedAt,
      totals: health.totals,
    },
  };
}
