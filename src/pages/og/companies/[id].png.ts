/** A company's link preview: its name and its current status row, as on its page. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { companyStatus } from '../../../lib/compare/profiles.ts';
import { comparisonModel, isoToday } from '../../../lib/compare/view.ts';
import type { Company } from '../../../lib/content/taxonomy.ts';
import { companyCard } from '../../../lib/og/card.ts';
import { renderCard } from '../../../lib/og/render.ts';
import { makeNames } from '../../../lib/timeline/names.ts';
import { siteData } from '../../../site-data.ts';

export const getStaticPaths = (async () => {
  const { companies } = await siteData();
  return companies.map((company) => ({ params: { id: company.id }, props: { company } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ company: Company }> = async ({ props: { company } }) => {
  const { items, companies, regions } = await siteData();
  const today = isoToday();
  const model = comparisonModel(items, companies, regions, today);
  const cells = model.events.some((e) => e.company === company.id)
    ? companyStatus(
        model.events,
        company.id,
        regions.map((r) => r.code),
        today,
        model.blocsOf,
      )
    : [];
  const card = companyCard(company.name, cells, today, makeNames(companies, regions));
  return new Response(await renderCard(card), { headers: { 'content-type': 'image/png' } });
};
