/**
 * `npm run bench [-- --quick] [--json FILE] [--skip-search] [--skip-build] [--skip-ingest]`: the performance
 * benchmark. Generates a synthetic archive at 1 000, 10 000 and 50 000 articles (--quick: 1 000 and
 * 10 000, fewer runs) and measures search in Node (against a naive fuse.js scan) and in Chromium on
 * the built site (bytes fetched per search, typing to results), the search index and its shards,
 * JavaScript shipped on the timeline, astro build time and memory, and ingest of 200 feeds × 50
 * items from 127.0.0.1, cold and warm.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { benchBrowser, type BrowserFigures } from '../src/lib/bench/browser-bench.ts';
import { BROWSER_QUERIES } from '../src/lib/bench/queries.ts';
import {
  benchSearch,
  RECALL_TOP,
  shardSizeSweep,
  type SearchFigures,
} from '../src/lib/bench/search-bench.ts';
import { feedXml, serveFeeds } from '../src/lib/bench/feeds-server.ts';
import { shippedJs } from '../src/lib/bench/js-shipped.ts';
import { measure, type RunFigures } from '../src/lib/bench/measure.ts';
import { syntheticArticles } from '../src/lib/bench/synthetic.ts';
import { loadTaxonomy } from '../src/lib/content/load-taxonomy.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
if (jsonAt >= 0 && !jsonFile) {
  console.error(
    '--json needs a file name, e.g. npm run bench -- --json bench-results/figures.json',
  );
  process.exit(2);
}
const known = new Set([
  '--quick',
  '--json',
  '--skip-search',
  '--skip-build',
  '--skip-ingest',
  jsonFile,
]);
const unknown = args.filter((a) => !known.has(a));
if (unknown.length) {
  console.error(
    `unknown option(s): ${unknown.join(' ')}\nusage: npm run bench -- [--quick] [--json FILE] [--skip-search] [--skip-build] [--skip-ingest]`,
  );
  process.exit(2);
}
const quick = flag('--quick');
const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 50_000];
const root = process.cwd();
const taxonomy = loadTaxonomy(path.join(root, 'content'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aidw-bench-'));
const node = path.join(root, 'node_modules/.bin/node');
const astro = path.join(root, 'node_modules/.bin/astro');
/** The project's Node 24 first on PATH, so astro's `#!/usr/bin/env node` runs on it too. */
const env = {
  ...process.env,
  PATH: `${path.join(root, 'node_modules/.bin')}${path.delimiter}${process.env['PATH'] ?? ''}`,
};
const fmt = (n: number, digits = 1) => n.toLocaleString('en-GB', { maximumFractionDigits: digits });

const figures: {
  date: string;
  machine: { cpus: number; memoryGb: number; node: string; platform: string };
  search: SearchFigures[];
  shardSweep: { articles: number; sizes: ReturnType<typeof shardSizeSweep> }[];
  browser: ({ articles: number } & BrowserFigures)[];
  jsBeforeInteraction?: { gzip: number; files: { path: string; gzip: number }[] };
  build: { articles: number; wallSeconds: number; peakMb: number | null; pages: number }[];
  ingest?: {
    feeds: number;
    itemsPerFeed: number;
    cold: Omit<RunFigures, 'output'>;
    warm: Omit<RunFigures, 'output'>;
    notModified: number;
  };
} = {
  date: new Date().toISOString().slice(0, 10),
  machine: {
    cpus: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
  },
  search: [],
  shardSweep: [],
  browser: [],
  build: [],
};

console.log(
  `AI Data Watch benchmark — ${figures.date}, ${figures.machine.cpus} CPUs, Node ${process.version}${quick ? ' (quick)' : ''}\n`,
);

for (const n of flag('--skip-search') ? [] : sizes) {
  const articles = syntheticArticles({
    articles: n,
    companies: taxonomy.companies,
    regions: taxonomy.regions,
    seed: 7,
  });
  const s = benchSearch({
    articles,
    companies: taxonomy.companies,
    regions: taxonomy.regions,
    runs: quick ? 5 : 11,
    naiveRuns: n >= 50_000 ? 1 : quick ? 1 : 3,
  });
  figures.search.push(s);
  const named = s.queries.filter((q) => q.named).length;
  console.log(
    `search ${fmt(n, 0)} articles (${fmt(s.items, 0)} items, ${fmt(s.vocabulary, 0)} words) in Node: ` +
      `median ${fmt(s.projectMedianMs, 2)} ms, p95 ${fmt(s.projectP95Ms, 2)} ms | naive fuse median ${fmt(s.naiveMedianMs, 0)} ms, p95 ${fmt(s.naiveP95Ms, 0)} ms | ×${fmt(s.speedup, 0)} | ` +
      `recall top-${RECALL_TOP} / all ${fmt(s.recallTop, 3)} / ${fmt(s.recallAll, 3)} (names against their tag's items: ${named} queries); text queries (${s.queries.length - named}) ${fmt(s.textRecallTop, 3)} / ${fmt(s.textRecallAll, 3)}; every query against the plain scan ${fmt(s.plainRecallTop, 3)} / ${fmt(s.plainRecallAll, 3)} | ` +
      `loaded once ${fmt(s.indexBytes.gzip / 1024, 0)} KB gzip (${fmt(s.indexBytes.raw / 1024, 0)} KB raw), load ${fmt(s.loadMs, 1)} ms | ${fmt(s.shardCount, 0)} shards, ${fmt(s.shardsGzip / 1024, 0)} KB gzip in all | docs ${fmt(s.docsChunkGzip, 0)} B gzip an item`,
  );
  for (const q of s.queries)
    console.log(
      `  ${q.query.padEnd(18)} ${q.readAs.length ? `read as ${q.readAs.join(' + ')}`.padEnd(28) : ''.padEnd(28)} ${fmt(q.projectResults, 0).padStart(6)} results (naive ${fmt(q.naiveResults, 0).padStart(6)}), recall ${fmt(q.recallTop, 2)} / ${fmt(q.recallAll, 2)}${q.named ? ` (plain scan ${fmt(q.plainRecallTop, 2)} / ${fmt(q.plainRecallAll, 2)})` : ''}, ${q.shards} shards ${fmt(q.shardGzip / 1024, 1)} KB + docs ${fmt(q.docsGzip / 1024, 1)} KB`,
    );
  if (n >= 10_000) {
    const sizes = shardSizeSweep(
      { articles, companies: taxonomy.companies, regions: taxonomy.regions },
      [1024, 2048, 4096, 8192],
    );
    figures.shardSweep.push({ articles: n, sizes });
    console.log(
      `shard size at ${fmt(n, 0)} articles (shard bytes per query, median / max, max requests): ` +
        sizes
          .map(
            (z) =>
              `${z.shardBytes / 1024} KB → ${fmt(z.files, 0)} files, ${fmt(z.medianGzip / 1024, 1)} / ${fmt(z.maxGzip / 1024, 1)} KB, ${z.maxRequests} req`,
          )
          .join(' | '),
    );
  }
}

/**
 * A private copy of the project to build in: Astro keeps prerender chunks in <root>/.astro, so a
 * build in the checkout would collide with any other build running there.
 */
function projectCopy(): string {
  const copy = path.join(work, 'project');
  fs.mkdirSync(copy, { recursive: true });
  for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    if (fs.existsSync(path.join(root, entry)))
      fs.cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  return copy;
}

async function buildAt(n: number) {
  const project = fs.existsSync(path.join(work, 'project'))
    ? path.join(work, 'project')
    : projectCopy();
  const content = path.join(project, 'content');
  fs.rmSync(content, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'content'), content, { recursive: true });
  const dir = path.join(content, 'articles');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  for (const a of syntheticArticles({
    articles: n,
    companies: taxonomy.companies,
    regions: taxonomy.regions,
    seed: 7,
  })) {
    fs.writeFileSync(path.join(dir, `${a.id}.json`), JSON.stringify(a));
  }
  const out = path.join(work, `dist-${n}`);
  const run = await measure(astro, ['build', '--outDir', out], env, project);
  if (run.code !== 0)
    throw new Error(`astro build at ${n} articles failed:\n${run.output.slice(-3000)}`);
  const pages = Number(/(\d+) page\(s\) built/.exec(run.output)?.[1] ?? 0);
  return { out, run, pages };
}

if (!flag('--skip-build')) {
  for (const n of sizes) {
    const { out, run, pages } = await buildAt(n);
    figures.build.push({ articles: n, wallSeconds: run.wallSeconds, peakMb: run.peakMb, pages });
    console.log(
      `build ${fmt(n, 0)} articles: ${fmt(run.wallSeconds)} s, peak ${run.peakMb === null ? '?' : fmt(run.peakMb, 0)} MB, ${fmt(pages, 0)} pages`,
    );
    if (n >= 10_000) {
      const b = await benchBrowser(out, BROWSER_QUERIES);
      figures.browser.push({ articles: n, ...b });
      console.log(
        `browser ${fmt(n, 0)} articles: first search ${fmt(b.firstSearchBytes / 1024, 1)} KB gzip, later query max ${fmt(b.laterMaxBytes / 1024, 1)} KB (median ${fmt(b.laterMedianBytes / 1024, 1)} KB), typing to results median ${fmt(b.typingMedianMs, 0)} ms, p95 ${fmt(b.typingP95Ms, 0)} ms (to the next frame ${fmt(b.frameMedianMs, 0)} / ${fmt(b.frameP95Ms, 0)} ms)`,
      );
      for (const q of b.queries)
        console.log(
          `  ${q.first ? 'first' : 'later'} ${q.query.padEnd(18)} ${fmt(q.bytes / 1024, 1).padStart(6)} KB (shards ${fmt(q.shardBytes / 1024, 1)}, docs ${fmt(q.docsBytes / 1024, 1)}) in ${String(q.requests).padStart(3)} requests, ${fmt(q.ms, 0).padStart(4)} ms (${fmt(q.frameMs, 0)} ms to the next frame)`,
        );
    }
    if (n === 10_000 || (quick && n === sizes.at(-1))) {
      const js = shippedJs(out);
      figures.jsBeforeInteraction = js;
      console.log(
        `JS on the timeline before interaction: ${fmt(js.gzip / 1024, 2)} KB gzip (${js.files.map((f) => f.path).join(', ')})`,
      );
    }
    fs.rmSync(out, { recursive: true, force: true });
  }
}

if (!flag('--skip-ingest')) {
  const FEEDS = 200;
  const PER_FEED = 50;
  const pool = syntheticArticles({
    articles: FEEDS * PER_FEED,
    companies: taxonomy.companies,
    regions: taxonomy.regions,
    seed: 11,
  });
  const xml = new Map<string, string>();
  for (let f = 0; f < FEEDS; f++)
    xml.set(`bench-${f}`, feedXml(`bench-${f}`, pool.slice(f * PER_FEED, (f + 1) * PER_FEED)));
  const server = await serveFeeds(xml);
  const feedsFile = path.join(work, 'feeds.yaml');
  fs.writeFileSync(
    feedsFile,
    stringify({
      fetch: { concurrency: 8, runBudgetSeconds: 120 },
      feeds: [...xml.keys()].map((id) => ({
        id,
        url: `${server.url}/${id}.xml`,
        publisher: `Bench ${id}`,
      })),
    }),
  );
  const outDir = path.join(work, 'ingest-articles');
  const state = path.join(work, 'ingest-state.json');
  const ingest = () =>
    measure(
      node,
      ['scripts/ingest.ts', '--feeds', feedsFile, '--out', outDir, '--state', state],
      env,
      root,
    );
  const cold = await ingest();
  const okAfterCold = server.counts.ok;
  const warm = await ingest();
  await server.close();
  const strip = ({ output: _o, ...rest }: RunFigures) => rest;
  figures.ingest = {
    feeds: FEEDS,
    itemsPerFeed: PER_FEED,
    cold: strip(cold),
    warm: strip(warm),
    notModified: server.counts.notModified,
  };
  const stored = fs.existsSync(outDir) ? fs.readdirSync(outDir).length : 0;
  console.log(
    `ingest ${FEEDS} feeds × ${PER_FEED} items: cold ${fmt(cold.wallSeconds)} s, peak ${fmt(cold.peakMb ?? NaN, 0)} MB (${okAfterCold} feeds fetched, ${stored} articles stored, exit ${cold.code}); ` +
      `warm ${fmt(warm.wallSeconds)} s, peak ${fmt(warm.peakMb ?? NaN, 0)} MB (${server.counts.notModified} answered 304, exit ${warm.code})`,
  );
  if (cold.code !== 0) console.log(cold.output.slice(-2000));
}

if (jsonFile) {
  fs.mkdirSync(path.dirname(path.resolve(jsonFile)), { recursive: true });
  fs.writeFileSync(jsonFile, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`\nfigures written to ${jsonFile}`);
}
fs.rmSync(work, { recursive: true, force: true });
