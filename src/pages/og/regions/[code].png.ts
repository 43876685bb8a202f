/** A region's link preview: its name and the companies with a known status there. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { regionStatus } from '../../../lib/compare/profiles.ts';
import { comparisonModel, isoToday } from '../../../lib/compare/view.ts';
import type { Region } from '../../../lib/content/taxonomy.ts';
import { regionCard } from '../../../lib/og/card.ts';
import { renderCard } from '../../../lib/og/render.ts';
import { makeNames } from '../../../lib/timeline/names.ts';
import { siteData } from '../../../site-data.ts';

export const getStaticPaths = (async () => {
  const { regions } = await siteData();
  return regions.map((region) => ({
    params: { code: region.code.toLowerCase() },
    props: { region },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ region: Region }> = async ({ props: { region } }) => {
  const { items, companies, regions } = await siteData();
  const today = isoToday();
  const model = comparisonModel(items, companies, regions, today);
  const cells = regionStatus(model.events, region.code, model.companies, today, model.blocsOf);
  const card = regionCard(region.name, cells, today, makeNames(companies, regions));
  return new Response(await renderCard(card), { headers: { 'content-type': 'image/png' } });
};
