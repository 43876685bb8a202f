import type { APIRoute } from 'astro';
import { articleRecords, articlesCsv } from '../../lib/feeds/export.ts';
import { siteData } from '../../site-data.ts';

export const GET: APIRoute = async () => {
  const { articles } = await siteData();
  return new Response(articlesCsv(articleRecords(articles)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
