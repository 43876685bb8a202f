/** Raw feed items to clean candidates: canonical http(s) URL, plain text, ISO UTC date. */
import { itemDate } from './dates.ts';
import type { ParsedFeed } from './parsed.ts';
import { capLength, flattenText, plainText } from './text.ts';
import { articleId, canonicalUrl } from './url.ts';

export const MAX_TITLE = 300;
export const MAX_SUMMARY = 1000;
/** A title made from the summary when the item has none. */
const DERIVED_TITLE = 120;

export interface NormalisedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  published: string;
  /** The feed gave no usable date; `published` is the fetch time. */
  dateEstimated: boolean;
}

export interface DroppedItem {
  reason: string;
  /** The item's title as plain text, when it had one, so the report can name it. */
  title?: string;
}

export interface NormaliseOptions {
  /** The URL the feed was finally fetched from: the base for relative links. */
  documentUrl: string;
  fetchedAt: Date;
  maxItems: number;
}

function baseUrl(feed: ParsedFeed, documentUrl: string): string {
  if (!feed.base) return documentUrl;
  try {
    const base = new URL(feed.base, documentUrl);
    return base.protocol === 'http:' || base.protocol === 'https:' ? base.toString() : documentUrl;
  } catch {
    return documentUrl;
  }
}

const asString = (v: unknown) => (typeof v === 'string' ? v : flattenText(v)).trim();

export function normaliseItems(
  feed: ParsedFeed,
  { documentUrl, fetchedAt, maxItems }: NormaliseOptions,
): { items: NormalisedItem[]; dropped: DroppedItem[] } {
  const base = baseUrl(feed, documentUrl);
  const items: NormalisedItem[] = [];
  const dropped: DroppedItem[] = [];
  const seen = new Set<string>();
  for (const raw of feed.items.slice(0, maxItems)) {
    const title = capLength(plainText(raw.title), MAX_TITLE);
    const summary = capLength(
      raw.summaries.map(plainText).find((s) => s.length > 0) ?? '',
      MAX_SUMMARY,
    );
    const named = title ? { title } : {};

    const link = asString(raw.link);
    const fallback = asString(raw.id);
    let url;
    if (link) url = canonicalUrl(link, base);
    else if (/^https?:\/\//i.test(fallback)) url = canonicalUrl(fallback);
    else url = { ok: false as const, reason: 'has no link' };
    if (!url.ok) {
      dropped.push({ reason: url.reason, ...named });
      continue;
    }

    const headline = title || capLength(summary, DERIVED_TITLE);
    if (!headline) {
      dropped.push({ reason: 'has neither a title nor a summary' });
      continue;
    }
    const id = articleId(url.url);
    if (seen.has(id)) continue;
    seen.add(id);
    const { published, estimated } = itemDate(raw.dates, fetchedAt);
    items.push({ id, url: url.url, title: headline, summary, published, dateEstimated: estimated });
  }
  return { items, dropped };
}
