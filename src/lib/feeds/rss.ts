/**
 * RSS 2.0 channels for @astrojs/rss. Each item is written for a feed reader: an absolute link, a
 * guid that never changes, categories with the taxonomy they come from, and a plain-text
 * description that names the companies, regions and sources.
 */
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { byNewest, type TimelineItem } from '../timeline/items.ts';
import { kindLabel } from '../timeline/labels.ts';
import type { Names } from '../timeline/names.ts';
import { SITE_NAME, inScope, type FeedInfo } from './catalog.ts';
import { escapeXml, htmlSafeText, longDate, plainLine } from './plain-text.ts';

/** The newest items a feed carries; readers poll often enough that older ones add only weight. */
export const FEED_LIMIT = 50;
/** Sources named in one description; big stories end with "and N more". */
const SOURCES_SHOWN = 5;

/** Display names for the ids and codes items carry: the same names the pages show. */
export type FeedNames = Pick<Names, 'company' | 'region'>;

/** The `domain` of each category: the page that lists that taxonomy. */
function categoryDomains(site: URL) {
  return {
    company: new URL('/companies/', site).href,
    region: new URL('/regions/', site).href,
    kind: new URL('/data/#kinds', site).href,
  };
}

export interface FeedCategory {
  domain: string;
  name: string;
}

/** Company, region and kind categories, by display name, each with its taxonomy domain. */
function itemCategories(item: TimelineItem, site: URL, names: FeedNames): FeedCategory[] {
  const domains = categoryDomains(site);
  return [
    ...item.companies.map((id) => ({
      domain: domains.company,
      name: names.company(id),
    })),
    ...item.regions.map((code) => ({
      domain: domains.region,
      name: names.region(code),
    })),
    { domain: domains.kind, name: kindLabel(item.kind) },
  ];
}

const list = (xs: readonly string[]) =>
  xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;

/**
 * The item as plain text, in paragraphs a reader can skim: the summary, what it concerns, when
 * it takes effect, and where the facts come from with their links.
 */
export function itemDescription(item: TimelineItem, names: FeedNames): string {
  const companies = item.companies.map(names.company);
  const regions = item.regions.map(names.region);
  const parts: string[] = [];
  const summary = plainLine(item.summary, 600);
  if (summary) parts.push(summary);
  const about = [
    companies.length ? `Companies: ${list(companies)}.` : '',
    regions.length ? `Regions: ${list(regions)}.` : '',
    `Kind: ${kindLabel(item.kind)}.`,
  ].filter(Boolean);
  parts.push(about.join(' '));
  if (item.effective) parts.push(`Takes effect or deadline: ${longDate(item.effective)}.`);
  const sources = item.sources.slice(0, SOURCES_SHOWN).map((s) => {
    const publisher = s.publisher ? ` (${plainLine(s.publisher, 80)})` : '';
    return `${plainLine(s.title, 200)}${publisher}, ${s.url}`;
  });
  const more = item.sources.length - sources.length;
  if (item.type === 'story' && item.sources.length > 1) {
    parts.push(`Reported by ${item.sources.length} sources.`);
  }
  if (sources.length) {
    parts.push(
      // No full stop after the last URL: readers that turn URLs into links would take it along.
      `${sources.length === 1 ? 'Source' : 'Sources'}: ${sources.join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
    );
  }
  return parts.join('\n\n');
}

/** Entries link to their page and use it as a permanent guid; stories link to the lead article. */
function itemLinks(item: TimelineItem, site: URL) {
  if (item.type === 'entry') {
    const link = new URL(item.href, site).href;
    return { link, guid: link, isPermaLink: true };
  }
  return { link: new URL(item.href).href, guid: `story:${item.id}`, isPermaLink: false };
}

function toFeedItem(item: TimelineItem, site: URL, names: FeedNames): RSSFeedItem {
  const { link, guid, isPermaLink } = itemLinks(item, site);
  const lead = item.sources[0];
  const customData = [
    `<guid isPermaLink="${isPermaLink}">${escapeXml(guid)}</guid>`,
    ...itemCategories(item, site, names).map(
      (c) => `<category domain="${escapeXml(c.domain)}">${escapeXml(c.name)}</category>`,
    ),
    `<dc:creator>${escapeXml(item.type === 'story' && lead?.publisher ? plainLine(lead.publisher, 80) : SITE_NAME)}</dc:creator>`,
  ].join('');
  return {
    title: plainLine(item.title, 300),
    link,
    pubDate: new Date(item.date),
    description: htmlSafeText(itemDescription(item, names)),
    customData,
  };
}

/** The items a feed carries: those in its scope, newest first, at most FEED_LIMIT. */
export function feedItems(feed: FeedInfo, items: readonly TimelineItem[]): TimelineItem[] {
  return items
    .filter((i) => inScope(i, feed.scope))
    .sort(byNewest)
    .slice(0, FEED_LIMIT);
}

/**
 * Everything @astrojs/rss needs for one channel. `lastBuildDate` is the newest item's date, so
 * rebuilding unchanged content produces the same bytes and readers are not told of changes that
 * did not happen.
 */
export function rssChannel(
  feed: FeedInfo,
  items: readonly TimelineItem[],
  site: URL,
  names: FeedNames,
): RSSOptions {
  const chosen = feedItems(feed, items);
  const newest = chosen[0];
  const self = new URL(feed.path, site).href;
  return {
    title: feed.title,
    description: feed.description,
    site: new URL(feed.page, site).href,
    xmlns: {
      atom: 'http://www.w3.org/2005/Atom',
      dc: 'http://purl.org/dc/elements/1.1/',
    },
    customData: [
      `<atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
      '<language>en</language>',
      newest ? `<lastBuildDate>${new Date(newest.date).toUTCString()}</lastBuildDate>` : '',
      '<docs>https://www.rssboard.org/rss-specification</docs>',
      '<ttl>360</ttl>',
    ].join(''),
    items: chosen.map((i) => toFeedItem(i, site, names)),
  };
}
