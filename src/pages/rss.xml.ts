import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { feedCatalog } from '../lib/feeds/catalog.ts';
import { feedNames } from '../lib/feeds/names.ts';
import { rssChannel } from '../lib/feeds/rss.ts';
import { requireSite } from '../lib/feeds/site-url.ts';
import { siteData } from '../site-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { items, companies, regions } = await siteData();
  const feed = feedCatalog(items, companies, regions).find((f) => f.scope.type === 'all')!;
  return rss(rssChannel(feed, items, requireSite(site), feedNames(companies, regions)));
};
