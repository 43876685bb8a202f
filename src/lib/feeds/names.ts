import type { Company, Region } from '../content/taxonomy.ts';
import type { FeedNames } from './rss.ts';

/** Display names by company id and region code, for feeds and calendars. */
export function feedNames(companies: readonly Company[], regions: readonly Region[]): FeedNames {
  return {
    companies: new Map(companies.map((c) => [c.id, c])),
    regions: new Map(regions.map((r) => [r.code, r])),
  };
}
