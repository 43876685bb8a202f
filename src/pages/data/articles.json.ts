import type { APIRoute } from 'astro';
import { articlesFile } from '../../lib/feeds/export.ts';
import { requireSite } from '../../lib/feeds/site-url.ts';
import { siteData } from '../../site-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { articles } = await siteData();
  const body = JSON.stringify(articlesFile(articles, requireSite(site)), null, 2);
  return new Response(`${body}\n`, { headers: { 'Content-Type': 'application/json' } });
};
