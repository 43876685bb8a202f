import type { APIRoute } from 'astro';
import { feedCatalog } from '../lib/feeds/catalog.ts';
import { buildOpml } from '../lib/feeds/opml.ts';
import { requireSite } from '../lib/feeds/site-url.ts';
import { siteData } from '../site-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { items, companies, regions } = await siteData();
  const body = buildOpml(feedCatalog(items, companies, regions), requireSite(site), items[0]?.date);
  return new Response(body, { headers: { 'Content-Type': 'text/x-opml; charset=utf-8' } });
};
