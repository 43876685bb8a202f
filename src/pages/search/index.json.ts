/** The search index (words, tags, dates): fetched by the search box on first use, never on page load. */
import type { APIRoute } from 'astro';
import { searchIndexFor } from '../../lib/search/build.ts';
import { siteData } from '../../site-data.ts';

export const GET: APIRoute = async () => {
  const { items, companies, regions } = await siteData();
  const { index } = searchIndexFor(items, { companies, regions });
  return new Response(JSON.stringify(index), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
