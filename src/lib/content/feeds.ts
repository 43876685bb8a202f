/**
 * content/feeds.yaml: the feeds `npm run ingest` pulls, and the limits it pulls them with. Read
 * outside Astro by the ingest script, so it validates here with the same field rules as the site.
 */
import fs from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Vocabulary } from './entry.ts';
import { httpUrl, oneOf, regionCodeFormat, slugId, text } from './fields.ts';
import { ContentError } from './load-taxonomy.ts';

const seconds = (what: string, max: number) =>
  z
    .number({ error: `must be a number of seconds (${what})` })
    .positive('must be more than 0')
    .max(max, `must be at most ${max}`);

const count = (what: string, min: number, max: number) =>
  z
    .number({ error: `must be a whole number (${what})` })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

/** How ingest fetches. Every field is optional; the defaults suit a daily run over ~30 feeds. */
export const fetchSettingsSchema = z
  .object({
    /** Give up on one request (headers and body) after this long. */
    timeoutSeconds: seconds('per request', 300).default(20),
    /** Stop the whole run after this long: feeds still waiting are reported as failed. */
    runBudgetSeconds: seconds('for the whole run', 3600).default(300),
    /** Refuse a body larger than this, compressed or not. */
    maxMegabytes: z
      .number({ error: 'must be a number of megabytes' })
      .positive('must be more than 0')
      .max(100, 'must be at most 100')
      .default(5),
    /** Follow at most this many redirects. */
    maxRedirects: count('redirects', 0, 10).default(5),
    /** Extra attempts after a network error, HTTP 429 or 5xx. */
    retries: count('retries', 0, 5).default(2),
    /** First retry waits this long; each further retry waits twice as long. */
    retryDelaySeconds: seconds('before the first retry', 60).default(1),
    /** Feeds fetched at the same time. */
    concurrency: count('feeds at once', 1, 32).default(8),
    /** Only the first this-many items of a feed are considered. */
    maxItemsPerFeed: count('items', 1, 5000).default(200),
  })
  .strict();
export type FetchSettings = z.output<typeof fetchSettingsSchema>;

function feedSchema(vocab?: Vocabulary) {
  const company = vocab
    ? oneOf(vocab.companyIds, 'company id', (s) => s.trim().toLowerCase())
    : slugId;
  const region = vocab
    ? oneOf(vocab.regionCodes, 'region code', (s) => s.trim().toUpperCase())
    : regionCodeFormat;
  return z
    .object({
      /** Lowercase slug naming the feed in articles, the health report and the state file. */
      id: slugId,
      /** The feed's address: RSS, Atom or JSON Feed over http(s). */
      url: httpUrl,
      /** Who publishes it, as readers should see it ("Information Commissioner's Office"). */
      publisher: text('the publisher'),
      /**
       * Tags every kept item of this feed gets on top of the classifier's, e.g. a regulator's own
       * feed is always about its region. They never make an irrelevant item relevant.
       */
      tags: z
        .object({
          /** Company ids (files in content/companies/). */
          companies: z.array(company).default([]),
          /** Region codes (files in content/regions/); blocs are added as for any tag. */
          regions: z.array(region).default([]),
        })
        .strict()
        .default({ companies: [], regions: [] }),
      /** `false` keeps the feed listed but skips it, e.g. while its URL is broken. */
      enabled: z.boolean().default(true),
    })
    .strict();
}
export type Feed = z.output<ReturnType<typeof feedSchema>>;

export function feedsFileSchema(vocab?: Vocabulary) {
  return z
    .object({
      /** Fetch limits for the whole run. */
      fetch: fetchSettingsSchema.default(fetchSettingsSchema.parse({})),
      /** The feeds, in priority order: when two deliver the same URL, the earlier one keeps it. */
      feeds: z.array(feedSchema(vocab), { error: 'must be a list of feeds' }),
    })
    .strict()
    .superRefine((file, ctx) => {
      const seenIds = new Map<string, number>();
      const seenUrls = new Map<string, number>();
      file.feeds.forEach((feed, i) => {
        const sameId = seenIds.get(feed.id);
        if (sameId !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['feeds', i, 'id'],
            message: `repeats the id of feeds[${sameId}]; every feed needs its own id`,
          });
        else seenIds.set(feed.id, i);
        const sameUrl = seenUrls.get(feed.url);
        if (sameUrl !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['feeds', i, 'url'],
            message: `repeats the url of feeds[${sameUrl}]; list each feed once`,
          });
        else seenUrls.set(feed.url, i);
      });
    });
}
export type FeedsFile = z.output<ReturnType<typeof feedsFileSchema>>;

/** "feeds[3] (ico-news).url" — the index and, when it has one, the id of the offending entry. */
function where(raw: unknown, issuePath: readonly PropertyKey[]): string {
  if (issuePath.length === 0) return '(file)';
  let out = '';
  let node: unknown = raw;
  for (const key of issuePath) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      const id = (node as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string' && id.trim()) out += ` (${id.trim()})`;
    } else {
      out += out ? `.${String(key)}` : String(key);
      node =
        node && typeof node === 'object'
          ? (node as Record<string, unknown>)[key as string]
          : undefined;
    }
  }
  return out;
}

/** Validates already-parsed YAML; `label` names the file in every message. */
export function parseFeedsFile(raw: unknown, label: string, vocab?: Vocabulary): FeedsFile {
  const shaped = Array.isArray(raw) ? { feeds: raw } : raw;
  const result = feedsFileSchema(vocab).safeParse(shaped);
  if (result.success) return result.data;
  throw new ContentError(
    result.error.issues.map((i) => `${label}: ${where(shaped, i.path)} — ${i.message}`),
  );
}

/** Reads and validates a feeds file; a bad one throws a ContentError naming entry and field. */
export function loadFeedsFile(file: string, vocab?: Vocabulary): FeedsFile {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ContentError([`${file}: (file) — cannot be read: ${(e as Error).message}`]);
  }
  let raw: unknown;
  try {
    raw = parse(source);
  } catch (e) {
    throw new ContentError([
      `${file}: (file) — is not valid YAML: ${(e as Error).message.split('\n')[0]}`,
    ]);
  }
  return parseFeedsFile(raw, file, vocab);
}
