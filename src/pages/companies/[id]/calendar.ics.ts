import type { APIRoute, GetStaticPaths } from 'astro';
import { calendarCatalog, type CalendarInfo } from '../../../lib/feeds/catalog.ts';
import { calendarFor } from '../../../lib/feeds/ics.ts';
import { feedNames } from '../../../lib/feeds/names.ts';
import { requireSite } from '../../../lib/feeds/site-url.ts';
import { siteData } from '../../../site-data.ts';

export const getStaticPaths = (async () => {
  const { items, companies } = await siteData();
  return calendarCatalog(items, companies)
    .filter((c) => c.scope.type === 'company')
    .map((info) => ({ params: { id: info.scope.id! }, props: { info } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ info: CalendarInfo }> = async ({ props, site }) => {
  const { items, companies, regions } = await siteData();
  const body = calendarFor(props.info, items, requireSite(site), feedNames(companies, regions));
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
