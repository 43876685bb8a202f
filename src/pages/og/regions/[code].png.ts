/** A region's link preview: its name and the companies with a known status there. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { regionImage } from '../../../lib/og/paths.ts';
import { cardPng } from '../../../lib/og/pool.ts';
import { siteData } from '../../../site-data.ts';

// Served by this route in dev only: a build writes the images after the pages (lib/og/integration.ts).
export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const { regions } = await siteData();
  return regions.map((region) => ({ params: { code: region.code.toLowerCase() } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { previews } = await siteData();
  const png = await cardPng(previews.get(regionImage(params['code']!))!);
  return new Response(png, { headers: { 'content-type': 'image/png' } });
};
