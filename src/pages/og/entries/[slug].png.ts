/** An entry's link preview: its title, kind, date, companies, regions and what it changed. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { entryCard } from '../../../lib/og/card.ts';
import { renderCard } from '../../../lib/og/render.ts';
import type { TimelineItem } from '../../../lib/timeline/items.ts';
import { makeNames } from '../../../lib/timeline/names.ts';
import { siteData } from '../../../site-data.ts';

export const getStaticPaths = (async () => {
  const { items } = await siteData();
  return items
    .filter((i) => i.type === 'entry')
    .map((item) => ({ params: { slug: item.id }, props: { item } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ item: TimelineItem }> = async ({ props }) => {
  const { companies, regions } = await siteData();
  const png = await renderCard(entryCard(props.item, makeNames(companies, regions)));
  return new Response(png, { headers: { 'content-type': 'image/png' } });
};
