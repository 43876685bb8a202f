/**
 * The one place pages read content: collections in, plain data out. Pages call this and src/lib,
 * never getCollection directly, so every page sees the same items with the same overrides applied.
 */
import { getCollection } from 'astro:content';
import { loadReviewLabels } from './lib/classify/review-labels.ts';
import { regionsInUse } from './lib/content/load-taxonomy.ts';
import { applyReviewDecisions } from './lib/timeline/review.ts';
import { loadOverrides } from './lib/content/overrides.ts';
import {
  applyOverrides,
  buildItems,
  type EntryRecord,
  type TimelineItem,
} from './lib/timeline/items.ts';
import type { Article } from './lib/content/article.ts';
import { isoToday } from './lib/compare/view.ts';
import type { CardData } from './lib/og/card.ts';
import { previewCards } from './lib/og/cards.ts';
import { prepareCards } from './lib/og/pool.ts';
import type { Company, Region } from './lib/content/taxonomy.ts';

export interface SiteData {
  items: TimelineItem[];
  companies: Company[];
  regions: Region[];
  companyById: Map<string, Company>;
  regionByCode: Map<string, Region>;
  /** Published entries (drafts left out), for the open-data export. */
  entries: EntryRecord[];
  /** Stored articles with editors' overrides applied and hidden ones left out, for the open-data export. */
  articles: Article[];
  /** Each entry, company and region page's preview card, by its image path (src/lib/og/paths.ts). */
  previews: Map<string, CardData>;
}

let cached: Promise<SiteData> | undefined;

async function load(): Promise<SiteData> {
  const [entries, articles, companyRows, regionRows] = await Promise.all([
    getCollection('entries'),
    getCollection('articles'),
    getCollection('companies'),
    getCollection('regions'),
  ]);
  const companies = companyRows
    .map((c) => ({ ...c.data, id: c.id }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const overrides = loadOverrides();
  const fileRegions = regionRows.map((r) => ({ ...r.data, id: r.id }));
  const blocsOf = new Map(fileRegions.map((r) => [r.code, r.memberOf]));
  const stored = applyReviewDecisions(
    articles.map((a) => a.data),
    loadReviewLabels(),
    blocsOf,
  );
  const items = buildItems({ entries, articles: stored, overrides, blocsOf });
  const regions = regionsInUse(
    fileRegions,
    items.flatMap((i) => i.regions),
  ).sort((a, b) => a.name.localeCompare(b.name));
  const previews = previewCards(items, companies, regions, isoToday());
  // Drawn in workers from now on, while the pages render; written into the site after them.
  prepareCards(previews);
  return {
    items,
    companies,
    regions,
    companyById: new Map(companies.map((c) => [c.id, c])),
    regionByCode: new Map(regions.map((r) => [r.code, r])),
    entries: entries.filter((e) => !e.data.draft).map((e) => ({ id: e.id, data: e.data })),
    articles: applyOverrides(stored, overrides, blocsOf),
    previews,
  };
}

/** Loaded once per build, shared by every page. */
export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}
