import type { APIRoute } from 'astro';
import { entriesCsv, entryRecords } from '../../lib/feeds/export.ts';
import { requireSite } from '../../lib/feeds/site-url.ts';
import { siteData } from '../../site-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { entries } = await siteData();
  const body = entriesCsv(entryRecords(entries, requireSite(site)));
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
