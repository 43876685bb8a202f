/**
 * Search figures for one archive size: the project's engine (as the browser runs it: query, then
 * fuse.js ordering of the first page of results) against a naive fuse.js scan of every item, in
 * the same process, on the same items; index size and load time.
 */
import zlib from 'node:zlib';
import Fuse from 'fuse.js';
import type { Article } from '../content/article.ts';
import type { Company, Region } from '../content/taxonomy.ts';
import { buildSearchIndex } from '../search/build.ts';
import { EMPTY_STATE, loadIndex, search } from '../search/engine.ts';
import type { SearchIndexFile } from '../search/format.ts';
import { rerank } from '../search/rerank.ts';
import { byNewest, storiesToItems } from '../timeline/items.ts';
import { BENCH_QUERIES } from './queries.ts';
import { median, percentile, timeRuns } from './stats.ts';

/** Words unlike the measured queries, typos included, run before timing. */
const WARM_UP = ['privcy', 'data', 'court rulng', 'facebok', 'europe'];

/** Results the browser shows (and fuse.js orders) at once. */
const FIRST_PAGE = 20;
/** Recall is measured on the naive scan's best results: what a reader of it would see first. */
export const RECALL_TOP = 50;

export interface QueryFigure {
  query: string;
  projectMs: number;
  naiveMs: number;
  projectResults: number;
  naiveResults: number;
  /** Share of the naive scan's top RECALL_TOP results that the project's search also returns. */
  recallTop: number;
  /** Share of all the naive scan's results that the project's search also returns. */
  recallAll: number;
}

export interface SearchFigures {
  articles: number;
  items: number;
  vocabulary: number;
  indexBytes: { raw: number; gzip: number };
  /** One docs chunk (display data for DOCS_CHUNK results), median gzip bytes. */
  docsChunkGzip: number;
  loadMs: number;
  projectMedianMs: number;
  projectP95Ms: number;
  naiveMedianMs: number;
  naiveP95Ms: number;
  /** Naive median ÷ project median. */
  speedup: number;
  recallTop: number;
  recallAll: number;
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

export function benchSearch(opts: SearchBenchOptions): SearchFigures {
  const items = storiesToItems(opts.articles).sort(byNewest);
  const built = buildSearchIndex(items, { companies: opts.companies, regions: opts.regions });
  const json = JSON.stringify(built.index);
  const gz = (b: string | Uint8Array) => zlib.gzipSync(b, { level: 9 }).length;
  const indexBytes = {
    raw: Buffer.byteLength(json) + built.postings.length,
    gzip: gz(json) + gz(built.postings),
  };
  const chunkSizes = built.chunks.slice(0, 50).map((c) => gz(JSON.stringify(c)));
  const loadTimes = timeRuns(5, () =>
    loadIndex(JSON.parse(json) as SearchIndexFile, built.postings),
  );
  const index = loadIndex(JSON.parse(json) as SearchIndexFile, built.postings);
  const { cs } = built.index;
  const doc = (i: number) => built.chunks[Math.floor(i / cs)]!.rows[i % cs]!;
  const tags = (i: number) =>
    [
      ...built.index.c[i]!.map((c) => `${built.index.co[c]![1]} ${built.index.co[c]![2]}`),
      ...built.index.r[i]!.map((r) => built.index.re[r]![1]),
      ...built.index.p[i]!.map((p) => built.index.pu[p]!),
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
  const naive = new Fuse(
    items.map((i) => ({ title: i.title, summary: i.summary, companies: i.companies })),
    { keys: ['title', 'summary', 'companies'], threshold: 0.3, ignoreLocation: true },
  );

  // Warm the JIT on other words first, so the figures are the steady state a reader sees after
  // their first query rather than the interpreter's first pass.
  for (let i = 0; i < 5; i++) for (const q of WARM_UP) runProject(q);
  const queries: QueryFigure[] = [];
  const projectAll: number[] = [];
  const naiveAll: number[] = [];
  for (const query of BENCH_QUERIES) {
    let found: number[] = [];
    const projectTimes = timeRuns(opts.runs, () => {
      found = runProject(query).ids;
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
    queries.push({
      query,
      projectMs: median(projectTimes),
      naiveMs: median(naiveTimes),
      projectResults: found.length,
      naiveResults: naiveHits.length,
      recallTop: share(naiveHits.slice(0, RECALL_TOP)),
      recallAll: share(naiveHits),
    });
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const projectMedianMs = median(projectAll);
  const naiveMedianMs = median(naiveAll);
  return {
    articles: opts.articles.length,
    items: items.length,
    vocabulary: built.index.t.length,
    indexBytes,
    docsChunkGzip: median(chunkSizes),
    loadMs: median(loadTimes),
    projectMedianMs,
    projectP95Ms: percentile(projectAll, 95),
    naiveMedianMs,
    naiveP95Ms: percentile(naiveAll, 95),
    speedup: naiveMedianMs / projectMedianMs,
    recallTop: mean(queries.map((q) => q.recallTop)),
    recallAll: mean(queries.map((q) => q.recallAll)),
    queries,
  };
}
