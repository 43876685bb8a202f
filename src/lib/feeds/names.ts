import type { Company, Region } from '../content/taxonomy.ts';
import { makeNames } from '../timeline/names.ts';
import type { FeedNames } from './rss.ts';

/** Display names by company id and region code, for feeds and calendars. */
export function feedNames(companies: readonly Company[], regions: readonly Region[]): FeedNames {
  return makeNames(companies, regions);
}
