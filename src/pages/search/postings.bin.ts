/** The search index's posting lists (see src/lib/search/build.ts for the layout). */
import type { APIRoute } from 'astro';
import { searchIndexFor } from '../../lib/search/build.ts';
import { siteData } from '../../site-data.ts';

export const GET: APIRoute = async () => {
  const { items, companies, regions } = await siteData();
  const { postings } = searchIndexFor(items, { companies, regions });
  return new Response(postings, { headers: { 'Content-Type': 'application/octet-stream' } });
};
