/**
 * Every feed and calendar the site publishes, defined once. Routes take their paths from here,
 * the OPML file and the /feeds/ page list these entries, and pages link the ones that concern
 * them, so a feed can never be linked without existing or exist without being listed.
 */
import type { Company, Region } from '../content/taxonomy.ts';
import type { TimelineItem } from '../timeline/items.ts';

export const SITE_NAME = 'AI Data Watch';

export interface FeedScope {
  /** What the feed covers: everything, curated entries only, one company or one region. */
  type: 'all' | 'entries' | 'company' | 'region';
  /** The company id, or the region code (upper case) for region feeds. */
  id?: string;
}

export interface FeedInfo {
  /** Channel title, also the link title readers show. */
  title: string;
  /** One sentence on what the feed carries. */
  description: string;
  /** Site-relative path, e.g. `/companies/meta/rss.xml`. */
  path: string;
  /** The site page the feed follows, e.g. `/companies/meta/`: the channel link. */
  page: string;
  scope: FeedScope;
}

export interface CalendarInfo {
  title: string;
  description: string;
  /** Site-relative path, e.g. `/companies/meta/calendar.ics`. */
  path: string;
  scope: { type: 'all' | 'company'; id?: string };
}

/** Region codes are upper case in data and lower case in URLs (`EU` → `/regions/eu/`). */
export const regionSlug = (code: string) => code.toLowerCase();

/** Does the item belong in a feed with this scope? */
export function inScope(item: TimelineItem, scope: FeedScope): boolean {
  switch (scope.type) {
    case 'all':
      return true;
    case 'entries':
      return item.type === 'entry';
    case 'company':
      return scope.id !== undefined && item.companies.includes(scope.id);
    case 'region':
      return scope.id !== undefined && item.regions.includes(scope.id);
  }
}

/**
 * The site's RSS feeds: everything, curated entries, then one per company and one per region that
 * has at least one item (in the order given: pass them sorted by name).
 */
export function feedCatalog(
  items: readonly TimelineItem[],
  companies: readonly Company[],
  regions: readonly Region[],
): FeedInfo[] {
  const companyIds = new Set(items.flatMap((i) => i.companies));
  const regionCodes = new Set(items.flatMap((i) => i.regions));
  return [
    {
      title: `${SITE_NAME}: everything`,
      description:
        'Every curated entry and every news story about platforms using people’s data to train AI.',
      path: '/rss.xml',
      page: '/',
      scope: { type: 'all' },
    },
    {
      title: `${SITE_NAME}: curated entries`,
      description:
        'Only the events our editors have written up and sourced: policy changes, opt-outs, regulator actions and court rulings.',
      path: '/entries/rss.xml',
      page: '/',
      scope: { type: 'entries' },
    },
    ...companies
      .filter((c) => companyIds.has(c.id))
      .map((c): FeedInfo => ({
        title: `${SITE_NAME}: ${c.name}`,
        description: `Entries and news about how ${c.name} uses people’s data to train AI.`,
        path: `/companies/${c.id}/rss.xml`,
        page: `/companies/${c.id}/`,
        scope: { type: 'company', id: c.id },
      })),
    ...regions
      .filter((r) => regionCodes.has(r.code))
      .map((r): FeedInfo => ({
        title: `${SITE_NAME}: ${r.name}`,
        description:
          r.code === 'GLOBAL'
            ? 'Entries and news about AI-training practices that apply everywhere or name no region.'
            : `Entries and news about AI training on people’s data that concern ${r.name}.`,
        path: `/regions/${regionSlug(r.code)}/rss.xml`,
        page: `/regions/${regionSlug(r.code)}/`,
        scope: { type: 'region', id: r.code },
      })),
  ];
}

/** Entries that carry a date for the calendar: an effective date or a deadline. */
export const hasEffectiveDate = (item: TimelineItem) =>
  item.type === 'entry' && item.effective !== undefined;

/** The site's calendars: all dates, then one per company with at least one dated entry. */
export function calendarCatalog(
  items: readonly TimelineItem[],
  companies: readonly Company[],
): CalendarInfo[] {
  const dated = new Set(items.filter(hasEffectiveDate).flatMap((i) => i.companies));
  return [
    {
      title: `${SITE_NAME}: dates and deadlines`,
      description:
        'The day each change takes effect and the last day to object, for every company we track.',
      path: '/calendar.ics',
      scope: { type: 'all' },
    },
    ...companies
      .filter((c) => dated.has(c.id))
      .map((c): CalendarInfo => ({
        title: `${SITE_NAME}: ${c.name} dates and deadlines`,
        description: `The day each ${c.name} change takes effect and the last day to object.`,
        path: `/companies/${c.id}/calendar.ics`,
        scope: { type: 'company', id: c.id },
      })),
  ];
}

/** The feeds a page about this company or region should link in its <head>. */
export function feedsFor(catalog: readonly FeedInfo[], scope: FeedScope): FeedInfo[] {
  return catalog.filter((f) => f.scope.type === scope.type && f.scope.id === scope.id);
}

/** The company and region feeds an entry page should link: one per company and region it is filed under. */
export function feedsForItem(catalog: readonly FeedInfo[], item: TimelineItem): FeedInfo[] {
  return catalog.filter(
    (f) =>
      (f.scope.type === 'company' && item.companies.includes(f.scope.id ?? '')) ||
      (f.scope.type === 'region' && item.regions.includes(f.scope.id ?? '')),
  );
}
