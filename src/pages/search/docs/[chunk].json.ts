/** Display data for search results, in small chunks so a page of results fetches little. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { searchIndexFor } from '../../../lib/search/build.ts';
import type { DocsChunk } from '../../../lib/search/format.ts';
import { siteData } from '../../../site-data.ts';

export const getStaticPaths = (async () => {
  const { items, companies, regions } = await siteData();
  const { chunks } = searchIndexFor(items, { companies, regions });
  return chunks.map((chunk, i) => ({ params: { chunk: String(i) }, props: { chunk } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ chunk: DocsChunk }> = ({ props }) =>
  new Response(JSON.stringify(props.chunk), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
