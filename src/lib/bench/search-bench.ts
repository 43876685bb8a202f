/**
 * Search figures for one archive size, in Node: the project's engine (as the browser runs it:
 * query, then fuse.js ordering of the first page of results) against a naive fuse.js scan of every
 * item, in the same process, on the same items; what loads once (meta and per-item data), the
 * shards and docs each query needs, gzipped. The browser side is in browser-bench.ts.
 */
import zlib from 'node:zlib';
import Fuse from 'fuse.js';
import type { Article } from '../content/article.ts';
import type { Company, Region } from '../content/taxonomy.ts';
import { buildSearchIndex, type BuiltSearchIndex } from '../search/build.ts';
import {
  EMPTY_STATE,
  addAllShards,
  loadIndex,
  neededShards,
  search,
  type LoadedIndex,
} from '../search/engine.ts';
import { RESULTS_PAGE, docsFile, type SearchMeta } from '../search/format.ts';
import { rerank } from '../search/rerank.ts';
import { byNewest, storiesToItems, type TimelineItem } from '../timeline/items.ts';
import { BENCH_QUERIES, NAMED_QUERIES, type NamedQuery } from './queries.ts';
import { median, percentile, timeRuns } from './stats.ts';

/** Words unlike the measured queries, typos included, run before timing. */
const WARM_UP = ['privcy', 'data', 'court rulng', 'facebok', 'europe'];

/** Results the browser shows (and fuse.js orders) at once. */
const FIRST_PAGE = RESULTS_PAGE;
/** Recall is measured on the naive scan's best results: what a reader of it would see first. */
export const RECALL_TOP = 50;

export interface QueryFigure {
  query: string;
  projectMs: number;
  naiveMs: number;
  projectResults: number;
  naiveResults: number;
  /**
   * Share of the reference's top RECALL_TOP results that the project's search also returns: the
   * naive scan, or for a query naming a tag (NAMED_QUERIES) the naive scan over the tag's items.
   */
  recallTop: number;
  /** Share of all the reference's results that the project's search also returns. */
  recallAll: number;
  /** The same two against the plain naive scan, for every query. */
  plainRecallTop: number;
  plainRecallAll: number;
  /** True for a query measured against its tag's items (NAMED_QUERIES). */
  named: boolean;
  /** Gzipped bytes of the shards this query needs and the docs of its first page of results. */
  shardGzip: number;
  docsGzip: number;
  shards: number;
  /** The names the query was read as, if any. */
  readAs: string[];
}

export interface SearchFigures {
  articles: number;
  items: number;
  vocabulary: number;
  /** What the first use of the search box fetches: the meta (vocabulary, names) and per-item data. */
  indexBytes: { raw: number; gzip: number };
  /** All posting shards: how many, and their gzipped total (what the old single file weighed). */
  shardCount: number;
  shardsGzip: number;
  /** One docs chunk (display data for DOCS_CHUNK results), median gzip bytes. */
  docsChunkGzip: number;
  loadMs: number;
  projectMedianMs: number;
  projectP95Ms: number;
  naiveMedianMs: number;
  naiveP95Ms: number;
  /** Naive median ÷ project median. */
  speedup: number;
  /** Means over the queries, against each query's reference (see QueryFigure). */
  recallTop: number;
  recallAll: number;
  /** Means over the queries that name no tag. */
  textRecallTop: number;
  textRecallAll: number;
  /** Means over every query against the plain naive scan. */
  plainRecallTop: number;
  plainRecallAll: number;
  queries: QueryFigure[];
}

export interface SearchBenchOptions {
  articles: readonly Article[];
  companies: readonly Company[];
  regions: readonly Region[];
  /** Timed runs per query for the project's search (the median is kept). */
  runs: number;
  /** Timed runs per query for the naive scan. */
  naiveRuns: number;
}

const gz = (b: string | Uint8Array) => zlib.gzipSync(b).length;

/** Gzipped size of each file a built index has, by name (shards, items, docs chunks as `docs/n`). */
export function gzipSizes(built: BuiltSearchIndex, docs = true): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const [name, bytes] of built.files) sizes.set(name, gz(bytes));
  if (docs) built.chunks.forEach((c, i) => sizes.set(`docs/${i}`, gz(docsFile(c))));
  return sizes;
}

/** Bytes a query fetches beyond what is loaded once: its shards and its first page's docs. */
export function queryBytes(
  index: LoadedIndex,
  built: BuiltSearchIndex,
  sizes: ReadonlyMap<string, number>,
  q: string,
  ids: readonly number[],
) {
  const shards = neededShards(index, { ...EMPTY_STATE, q });
  const shardGzip = shards.reduce((sum, s) => sum + sizes.get(built.meta.sh[s]![1])!, 0);
  const chunks = new Set(ids.slice(0, FIRST_PAGE).map((i) => Math.floor(i / built.meta.cs)));
  const docsGzip = [...chunks].reduce((sum, c) => sum + sizes.get(`docs/${c}`)!, 0);
  return { shards: shards.length, shardGzip, docsGzip };
}

/** The naive scan: fuse.js over every item's title, summary and company ids. */
const NAIVE_OPTIONS = {
  keys: ['title', 'summary', 'companies'],
  threshold: 0.3,
  ignoreLocation: true,
};
const naiveRow = (i: TimelineItem) => ({
  title: i.title,
  summary: i.summary,
  companies: i.companies,
});

/**
 * The reference for a query that names a tag: the naive scan over the items of its tags (a member
 * state's items count as its bloc's), searching the rest of the query, or all those items, in
 * timeline order, when nothing is left. Positions in `items`.
 */
export function namedReference(
  items: readonly TimelineItem[],
  regions: readonly Pick<Region, 'code' | 'memberOf'>[],
  named: NamedQuery,
): number[] {
  const blocs = new Map(regions.map((r) => [r.code, r.memberOf]));
  const withBlocs = (codes: readonly string[]) => {
    const out = new Set(codes);
    for (const code of out) for (const bloc of blocs.get(code) ?? []) out.add(bloc);
    return out;
  };
  const positions = items.flatMap((item, i) => {
    const company = !named.companies || named.companies.some((c) => item.companies.includes(c));
    const region = !named.regions || named.regions.some((r) => withBlocs(item.regions).has(r));
    return company && region ? [i] : [];
  });
  if (!named.rest) return positions;
  const scan = new Fuse(
    positions.map((i) => naiveRow(items[i]!)),
    NAIVE_OPTIONS,
  );
  return scan.search(named.rest).map((r) => positions[r.refIndex]!);
}

export function benchSearch(opts: SearchBenchOptions): SearchFigures {
  const items = storiesToItems(opts.articles).sort(byNewest);
  const built = buildSearchIndex(items, { companies: opts.companies, regions: opts.regions });
  const json = JSON.stringify(built.meta);
  const itemBytes = built.files.get(built.meta.items)!;
  const indexBytes = {
    raw: Buffer.byteLength(json) + itemBytes.length,
    gzip: gz(json) + gz(itemBytes),
  };
  const sizes = gzipSizes(built);
  const shardsGzip = built.meta.sh.reduce((sum, [, name]) => sum + sizes.get(name)!, 0);
  const chunkSizes = built.chunks.slice(0, 50).map((_, i) => sizes.get(`docs/${i}`)!);
  const load = () => {
    const index = loadIndex(JSON.parse(json) as SearchMeta, itemBytes);
    addAllShards(index, built.files);
    return index;
  };
  const loadTimes = timeRuns(5, load);
  const index = load();
  const { cs } = built.meta;
  const doc = (i: number) => built.chunks[Math.floor(i / cs)]!.rows[i % cs]!;
  const tags = (i: number) =>
    [
      ...index.companiesOf[i]!.map((c) => `${built.meta.co[c]![1]} ${built.meta.co[c]![2]}`),
      ...index.regionsOf[i]!.map((r) => built.meta.re[r]![1]),
    ].join(' ');

  const runProject = (q: string) => {
    index.cache.clear();
    const out = search(index, { ...EMPTY_STATE, q });
    rerank(
      out.words,
      out.ids.slice(0, FIRST_PAGE).map((id) => ({ id, doc: doc(id), tags: tags(id) })),
    );
    return out;
  };
  const naive = new Fuse(items.map(naiveRow), NAIVE_OPTIONS);

  // Warm the JIT on other words first, so the figures are the steady state a reader sees after
  // their first query rather than the interpreter's first pass.
  for (let i = 0; i < 5; i++) for (const q of WARM_UP) runProject(q);
  const queries: QueryFigure[] = [];
  const projectAll: number[] = [];
  const naiveAll: number[] = [];
  for (const query of BENCH_QUERIES) {
    let found: number[] = [];
    let readAs: string[] = [];
    const projectTimes = timeRuns(opts.runs, () => {
      const out = runProject(query);
      found = out.ids;
      readAs = out.reading?.names.map((n) => n.label) ?? [];
    });
    let naiveHits: number[] = [];
    const naiveTimes = timeRuns(opts.naiveRuns, () => {
      naiveHits = naive.search(query).map((r) => r.refIndex);
    });
    projectAll.push(...projectTimes);
    naiveAll.push(...naiveTimes);
    const mine = new Set(found);
    const share = (list: number[]) =>
      list.length ? list.filter((i) => mine.has(i)).length / list.length : 1;
    const named = NAMED_QUERIES[query];
    const reference = named ? namedReference(items, opts.regions, named) : naiveHits;
    queries.push({
      query,
      projectMs: median(projectTimes),
      naiveMs: median(naiveTimes),
      projectResults: found.length,
      naiveResults: naiveHits.length,
      recallTop: share(reference.slice(0, RECALL_TOP)),
      recallAll: share(reference),
      plainRecallTop: share(naiveHits.slice(0, RECALL_TOP)),
      plainRecallAll: share(naiveHits),
      named: !!named,
      ...queryBytes(index, built, sizes, query, found),
      readAs,
    });
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const text = queries.filter((q) => !q.named);
  const projectMedianMs = median(projectAll);
  const naiveMedianMs = median(naiveAll);
  return {
    articles: opts.articles.length,
    items: items.length,
    vocabulary: index.vocabulary.length,
    indexBytes,
    shardCount: built.meta.sh.length,
    shardsGzip,
    docsChunkGzip: median(chunkSizes),
    loadMs: median(loadTimes),
    projectMedianMs,
    projectP95Ms: percentile(projectAll, 95),
    naiveMedianMs,
    naiveP95Ms: percentile(naiveAll, 95),
    speedup: naiveMedianMs / projectMedianMs,
    recallTop: mean(queries.map((q) => q.recallTop)),
    recallAll: mean(queries.map((q) => q.recallAll)),
    textRecallTop: mean(text.map((q) => q.recallTop)),
    textRecallAll: mean(text.map((q) => q.recallAll)),
    plainRecallTop: mean(queries.map((q) => q.plainRecallTop)),
    plainRecallAll: mean(queries.map((q) => q.plainRecallAll)),
    queries,
  };
}

/**
 * Bytes per query for several shard sizes, the measurement behind SHARD_BYTES: small shards fetch
 * less for a query whose typo matches are scattered over the vocabulary, at the cost of more files
 * and requests.
 */
export function shardSizeSweep(
  opts: Pick<SearchBenchOptions, 'articles' | 'companies' | 'regions'>,
  shardSizes: readonly number[],
) {
  const items = storiesToItems(opts.articles).sort(byNewest);
  return shardSizes.map((shardBytes) => {
    const built = buildSearchIndex(items, opts, { shardBytes });
    const sizes = gzipSizes(built, false);
    const index = loadIndex(built.meta, built.files.get(built.meta.items)!);
    const perQuery = BENCH_QUERIES.map((q) => {
      const shards = neededShards(index, { ...EMPTY_STATE, q });
      return {
        shards: shards.length,
        gzip: shards.reduce((sum, sh) => sum + sizes.get(built.meta.sh[sh]![1])!, 0),
      };
    });
    return {
      shardBytes,
      files: built.meta.sh.length,
      medianGzip: median(perQuery.map((q) => q.gzip)),
      maxGzip: Math.max(...perQuery.map((q) => q.gzip)),
      maxRequests: Math.max(...perQuery.map((q) => q.shards)),
    };
  });
}
