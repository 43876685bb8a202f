/** An entry's link preview: its title, kind, date, companies, regions and what it changed. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { entryImage } from '../../../lib/og/paths.ts';
import { cardPng } from '../../../lib/og/pool.ts';
import { siteData } from '../../../site-data.ts';

// Served by this route in dev only: a build writes the images after the pages (lib/og/integration.ts).
export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const { items } = await siteData();
  return items.filter((i) => i.type === 'entry').map((item) => ({ params: { slug: item.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { previews } = await siteData();
  const png = await cardPng(previews.get(entryImage(params['slug']!))!);
  return new Response(png, { headers: { 'content-type': 'image/png' } });
};
