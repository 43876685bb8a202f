/** `npm run ingest` itself: flags, feeds file, the run, and what it prints. Returns the exit code. */
import path from 'node:path';
import { assignStories } from '../classify/cluster.ts';
import { createClassifier } from '../classify/index.ts';
import { loadFeedsFile } from '../content/feeds.ts';
import { ContentError, loadTaxonomy, vocabulary } from '../content/load-taxonomy.ts';
import { contentDir } from '../content/paths.ts';
import { loadOverrides, type Overrides } from '../content/overrides.ts';
import { readCitations } from './citations.ts';
import { parseCli, USAGE } from './cli.ts';
import { formatSummary } from './health.ts';
import { acquireLock, LOCKED_EXIT_CODE } from './lock.ts';
import { runIngest } from './run.ts';
import { setAsideDirFor } from './set-aside.ts';
import { inShard } from './shard.ts';

export async function ingestCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseCli(argv, contentDir(), process.cwd());
  if ('error' in parsed) {
    console.error(`ingest: ${parsed.error}\n\n${USAGE}`);
    return 1;
  }
  if (parsed.help) {
    console.log(USAGE);
    return 0;
  }
  const { options } = parsed;
  // The article folder's parent holds the entries and corrections it must agree with.
  const root = path.dirname(options.out);

  let feeds;
  let taxonomy;
  let classify;
  try {
    taxonomy = loadTaxonomy();
    // Before anything is fetched: a run that could not classify stores nothing.
    classify = createClassifier(taxonomy);
    feeds = loadFeedsFile(options.feeds, vocabulary(taxonomy));
    if (options.shard) {
      const { shard } = options;
      feeds = { ...feeds, feeds: feeds.feeds.filter((f) => inShard(f.id, shard)) };
      console.log(`Shard ${shard.index}/${shard.count}: ${feeds.feeds.length} feeds.`);
    }
  } catch (e) {
    const lines = e instanceof ContentError ? e.problems : [(e as Error).message];
    console.error(
      `ingest: cannot start, fix these first:\n${lines.map((l) => `  ${l}`).join('\n')}`,
    );
    return 1;
  }

  // A broken overrides.yaml is the check's to report; ingest goes on with the stories as stored.
  let overrides: Overrides = { articles: {} };
  const early: string[] = [];
  try {
    overrides = loadOverrides(root);
  } catch (e) {
    const lines = e instanceof ContentError ? e.problems : [(e as Error).message];
    early.push(`story corrections not read, stories as stored: ${lines.join('; ')}`);
  }

  const lock = acquireLock(options.state, { budgetMs: feeds.fetch.runBudgetSeconds * 1000 });
  if (!lock.acquired) {
    console.error(`ingest: ${lock.message}`);
    return LOCKED_EXIT_CODE;
  }
  if (lock.tookOver) console.error(`ingest: ${lock.tookOver}`);
  try {
    const { report, warnings, joined, setAside } = await runIngest({
      feeds,
      outDir: options.out,
      statePath: options.state,
      healthPath: options.health,
      classify,
      assignStories,
      blocsOf: vocabulary(taxonomy).blocsOf,
      citations: (storyOf) =>
        readCitations(
          path.join(root, 'entries'),
          (id) => overrides.articles[id]?.story ?? storyOf(id),
        ),
      setAsideDir: setAsideDirFor(options.out),
    });
    for (const w of [...early, ...warnings]) console.error(`warning: ${w}`);
    for (const j of joined)
      console.log(`article ${j.id} joined story ${j.story}: ${j.entry} cites its URL`);
    for (const a of setAside)
      console.error(
        `warning: article ${a.article.id} set aside in ${setAsideDirFor(options.out)}: ${a.reason}`,
      );
    console.log(formatSummary(report));
    console.log(`\nHealth report: ${options.health}`);
    return 0;
  } finally {
    lock.release();
  }
}
