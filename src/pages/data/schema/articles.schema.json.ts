import type { APIRoute } from 'astro';
import { articlesJsonSchema } from '../../../lib/feeds/export-schema.ts';
import { requireSite } from '../../../lib/feeds/site-url.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`${JSON.stringify(articlesJsonSchema(requireSite(site)), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json' },
  });
