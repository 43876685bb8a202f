/** Feed dates (RFC 822, ISO 8601, and the many near misses) to ISO 8601 UTC. */

/** Earlier than this is a feed bug (epoch 0, "0001-01-01"), not a news date. */
const EARLIEST = Date.UTC(1995, 0, 1);
/** Clocks and time zones drift; more than this into the future is a wrong date. */
const FUTURE_SLACK_MS = 36 * 60 * 60 * 1000;

/** Parses one candidate; `undefined` when it is missing, unreadable or implausible. */
export function parseFeedDate(raw: unknown, now: Date): Date | undefined {
  if (typeof raw !== 'string' && !(raw instanceof Date)) return undefined;
  const text = typeof raw === 'string' ? raw.trim().replace(/\s+/g, ' ') : '';
  if (typeof raw === 'string' && !text) return undefined;
  let time = raw instanceof Date ? raw.getTime() : Date.parse(text);
  // "Mon, 03 Apr 2023 15:00:00 +0000 (UTC)" and similar trailing comments.
  if (Number.isNaN(time) && text) time = Date.parse(text.replace(/\s*\([^)]*\)\s*$/, ''));
  if (Number.isNaN(time)) return undefined;
  if (time < EARLIEST || time > now.getTime() + FUTURE_SLACK_MS) return undefined;
  return new Date(time);
}

/**
 * The first plausible date among `candidates` (published before updated), or the fetch time
 * flagged as estimated, so every article sorts somewhere sensible and says when it guessed.
 */
export function itemDate(
  candidates: readonly unknown[],
  fetchedAt: Date,
): { published: string; estimated: boolean } {
  for (const candidate of candidates) {
    const date = parseFeedDate(candidate, fetchedAt);
    if (date) return { published: date.toISOString(), estimated: false };
  }
  return { published: fetchedAt.toISOString(), estimated: true };
}
