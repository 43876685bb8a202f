import type { APIRoute } from 'astro';
import { calendarCatalog } from '../lib/feeds/catalog.ts';
import { calendarFor } from '../lib/feeds/ics.ts';
import { feedNames } from '../lib/feeds/names.ts';
import { requireSite } from '../lib/feeds/site-url.ts';
import { siteData } from '../site-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { items, companies, regions } = await siteData();
  const info = calendarCatalog(items, companies).find((c) => c.scope.type === 'all')!;
  const body = calendarFor(info, items, requireSite(site), feedNames(companies, regions));
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
