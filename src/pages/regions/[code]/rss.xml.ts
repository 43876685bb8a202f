import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedCatalog, regionSlug, type FeedInfo } from '../../../lib/feeds/catalog.ts';
import { feedNames } from '../../../lib/feeds/names.ts';
import { rssChannel } from '../../../lib/feeds/rss.ts';
import { requireSite } from '../../../lib/feeds/site-url.ts';
import { siteData } from '../../../site-data.ts';

export const getStaticPaths = (async () => {
  const { items, companies, regions } = await siteData();
  return feedCatalog(items, companies, regions)
    .filter((f) => f.scope.type === 'region')
    .map((feed) => ({ params: { code: regionSlug(feed.scope.id!) }, props: { feed } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ feed: FeedInfo }> = async ({ props, site }) => {
  const { items, companies, regions } = await siteData();
  return rss(rssChannel(props.feed, items, requireSite(site), feedNames(companies, regions)));
};
