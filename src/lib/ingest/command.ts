/** `npm run ingest` itself: flags, feeds file, the run, and what it prints. Returns the exit code. */
import { assignStories } from '../classify/cluster.ts';
import { createClassifier } from '../classify/index.ts';
import { loadFeedsFile } from '../content/feeds.ts';
import { ContentError, loadTaxonomy, vocabulary } from '../content/load-taxonomy.ts';
import { contentDir } from '../content/paths.ts';
import { parseCli, USAGE } from './cli.ts';
import { formatSummary } from './health.ts';
import { acquireLock, LOCKED_EXIT_CODE } from './lock.ts';
import { runIngest } from './run.ts';

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

  let feeds;
  let taxonomy;
  try {
    taxonomy = loadTaxonomy();
    feeds = loadFeedsFile(options.feeds, vocabulary(taxonomy));
  } catch (e) {
    const lines = e instanceof ContentError ? e.problems : [(e as Error).message];
    console.error(
      `ingest: cannot start, fix these first:\n${lines.map((l) => `  ${l}`).join('\n')}`,
    );
    return 1;
  }

  const lock = acquireLock(options.state, { budgetMs: feeds.fetch.runBudgetSeconds * 1000 });
  if (!lock.acquired) {
    console.error(`ingest: ${lock.message}`);
    return LOCKED_EXIT_CODE;
  }
  if (lock.tookOver) console.error(`ingest: ${lock.tookOver}`);
  try {
    const { report, warnings } = await runIngest({
      feeds,
      outDir: options.out,
      statePath: options.state,
      healthPath: options.health,
      classify: createClassifier(taxonomy),
      assignStories,
      blocsOf: vocabulary(taxonomy).blocsOf,
    });
    for (const w of warnings) console.error(`warning: ${w}`);
    console.log(formatSummary(report));
    console.log(`\nHealth report: ${options.health}`);
    return 0;
  } finally {
    lock.release();
  }
}
