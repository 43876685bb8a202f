import type { APIRoute } from 'astro';
import { vocabulary } from '../../../lib/content/load-taxonomy.ts';
import { entriesJsonSchema } from '../../../lib/feeds/export-schema.ts';
import { requireSite } from '../../../lib/feeds/site-url.ts';
import { siteData } from '../../../site-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { companies, regions } = await siteData();
  const schema = entriesJsonSchema(vocabulary({ companies, regions }), requireSite(site));
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json' },
  });
};
