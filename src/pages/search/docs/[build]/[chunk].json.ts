/**
 * Display data for search results, a few items per file, under the build's hash so a page of one
 * build never reads another build's rows.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { searchIndexFor } from '../../../../lib/search/build.ts';
import { docsFile, type DocsChunk } from '../../../../lib/search/format.ts';
import { siteData } from '../../../../site-data.ts';

export const getStaticPaths = (async () => {
  const { items, companies, regions } = await siteData();
  const { meta, chunks } = searchIndexFor(items, { companies, regions });
  return chunks.map((chunk, i) => ({
    params: { build: meta.h, chunk: String(i) },
    props: { chunk },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ chunk: DocsChunk }> = ({ props }) =>
  new Response(docsFile(props.chunk), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
