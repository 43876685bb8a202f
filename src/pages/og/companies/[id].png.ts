/** A company's link preview: its name and its current status row, as on its page. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { companyImage } from '../../../lib/og/paths.ts';
import { cardPng } from '../../../lib/og/pool.ts';
import { siteData } from '../../../site-data.ts';

// Served by this route in dev only: a build writes the images after the pages (lib/og/integration.ts).
export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const { companies } = await siteData();
  return companies.map((company) => ({ params: { id: company.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { previews } = await siteData();
  const png = await cardPng(previews.get(companyImage(params['id']!))!);
  return new Response(png, { headers: { 'content-type': 'image/png' } });
};
