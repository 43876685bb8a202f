/**
 * The search index's files (see src/lib/search/format.ts): the meta `index.<hash>.json`, the
 * per-item data and the posting shards. Their names carry hashes, so hosts may cache them forever.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { metaFileName, searchIndexFor } from '../../lib/search/build.ts';
import { siteData } from '../../site-data.ts';

export const getStaticPaths = (async () => {
  const { items, companies, regions } = await siteData();
  const { meta, files } = searchIndexFor(items, { companies, regions });
  return [
    { params: { file: metaFileName(meta) }, props: { json: JSON.stringify(meta) } },
    ...[...files].map(([file, bytes]) => ({ params: { file }, props: { bytes } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ json?: string; bytes?: Uint8Array<ArrayBuffer> }> = ({ props }) =>
  props.json !== undefined
    ? new Response(props.json, { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
    : new Response(props.bytes, { headers: { 'Content-Type': 'application/octet-stream' } });
