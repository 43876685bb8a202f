/**
 * A feed's health over time: each run's outcome folded into what the previous report said, so a
 * feed failing for a month reads differently from one that failed once, and a feed that stopped
 * publishing is noticed although every fetch succeeds.
 */
import type { FeedHealth, FeedStatus } from './health.ts';

/** Weeks of per-week counts kept. */
export const WEEKS_KEPT = 12;
/** Failed runs in a row after which a feed needs an editor. */
export const FAILING_RUNS = 3;
/** Days without a new item after which a feed counts as silent. */
export const SILENT_DAYS = 30;

const DAY_MS = 86_400_000;

export interface RunFacts {
  /** When this run tried the feed, ISO 8601. */
  at: string;
  /** The URL tried (from feeds.yaml). */
  url: string;
  status: FeedStatus;
  reason?: string | undefined;
  movedTo?: string | undefined;
  itemsNew: number;
  /** Newest item date this run read, if any item had one. */
  newestItem?: string | undefined;
}

export type History = Pick<
  FeedHealth,
  | 'lastSuccess'
  | 'lastError'
  | 'consecutiveFailures'
  | 'failingSince'
  | 'newestItem'
  | 'lastNew'
  | 'weekly'
  | 'movedTo'
>;

/** The Monday (UTC) of the week `iso` falls in, as YYYY-MM-DD. */
export function weekOf(iso: string): string {
  const d = new Date(iso);
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday.toISOString().slice(0, 10);
}

const later = (a: string | undefined, b: string | undefined) =>
  a === undefined ? b : b === undefined ? a : a > b ? a : b;

export function foldHistory(before: FeedHealth | undefined, run: RunFacts): History {
  // A feed moved to another address in feeds.yaml starts a new history of its redirects only.
  const sameUrl = before?.url === run.url;
  const failed = run.status === 'failed';
  const week = weekOf(run.at);
  const weeks = new Map((before?.weekly ?? []).map((w) => [w.week, w.items]));
  weeks.set(week, (weeks.get(week) ?? 0) + run.itemsNew);
  const weekly = [...weeks]
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(-WEEKS_KEPT)
    .map(([w, items]) => ({ week: w, items }));
  const movedTo = run.movedTo ?? (run.status === 'ok' || !sameUrl ? undefined : before?.movedTo);
  const lastSuccess = failed ? before?.lastSuccess : run.at;
  const lastError = failed ? { at: run.at, reason: run.reason ?? 'unknown' } : before?.lastError;
  const failingSince = failed
    ? before?.consecutiveFailures
      ? (before.failingSince ?? run.at)
      : run.at
    : undefined;
  const newestItem = later(before?.newestItem, run.newestItem);
  const lastNew = run.itemsNew > 0 ? run.at : before?.lastNew;
  return {
    ...(lastSuccess ? { lastSuccess } : {}),
    ...(lastError ? { lastError } : {}),
    consecutiveFailures: failed ? (before?.consecutiveFailures ?? 0) + 1 : 0,
    ...(failingSince ? { failingSince } : {}),
    ...(newestItem ? { newestItem } : {}),
    ...(lastNew ? { lastNew } : {}),
    weekly,
    ...(movedTo ? { movedTo } : {}),
  };
}

export type Attention =
  | { kind: 'failing'; runs: number; since: string | undefined; reason: string; todo: string }
  | { kind: 'silent'; days: number; since: string; todo: string }
  | { kind: 'moved'; to: string; todo: string };

/** What about a feed needs an editor, and what to do, as of `now`. */
export function attentionFor(h: FeedHealth, now: Date): Attention[] {
  const out: Attention[] = [];
  if (h.movedTo)
    out.push({
      kind: 'moved',
      to: h.movedTo,
      todo: `The feed has moved for good: change its url in content/feeds.yaml to ${h.movedTo}.`,
    });
  if (h.consecutiveFailures >= FAILING_RUNS)
    out.push({
      kind: 'failing',
      runs: h.consecutiveFailures,
      since: h.failingSince,
      reason: h.lastError?.reason ?? h.reason ?? 'unknown',
      todo:
        'Open the feed address in a browser. If the publisher moved it, put the new address in content/feeds.yaml; ' +
        'if it is gone or blocks us, set enabled: false on the feed (or remove it) until it is back.',
    });
  const fresh = h.newestItem ?? h.lastNew;
  if (h.status !== 'failed' && fresh) {
    const days = Math.floor((now.getTime() - Date.parse(fresh)) / DAY_MS);
    if (days >= SILENT_DAYS)
      out.push({
        kind: 'silent',
        days,
        since: fresh,
        todo:
          'The feed answers but has published nothing new. Check the publisher still posts there; ' +
          'their site may list a newer feed address for content/feeds.yaml, or set enabled: false.',
      });
  }
  return out;
}
