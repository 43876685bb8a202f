/** `npm run ingest`: pull the feeds, store new relevant articles, report each feed's health. */
import { assignStories } from '../src/lib/classify/cluster.ts';
import { createClassifier } from '../src/lib/classify/index.ts';
import { loadFeedsFile } from '../src/lib/content/feeds.ts';
import { ContentError, loadTaxonomy, vocabulary } from '../src/lib/content/load-taxonomy.ts';
import { contentDir } from '../src/lib/content/paths.ts';
import { parseCli, USAGE } from '../src/lib/ingest/cli.ts';
import { formatSummary } from '../src/lib/ingest/health.ts';
import { runIngest } from '../src/lib/ingest/run.ts';

const parsed = parseCli(process.argv.slice(2), contentDir(), process.cwd());
if ('error' in parsed) {
  console.error(`ingest: ${parsed.error}\n\n${USAGE}`);
  process.exit(1);
}
if (parsed.help) {
  console.log(USAGE);
  process.exit(0);
}
const { options } = parsed;

let feeds;
let taxonomy;
try {
  taxonomy = loadTaxonomy();
  feeds = loadFeedsFile(options.feeds, vocabulary(taxonomy));
} catch (e) {
  const lines = e instanceof ContentError ? e.problems : [(e as Error).message];
  console.error(`ingest: cannot start, fix these first:\n${lines.map((l) => `  ${l}`).join('\n')}`);
  process.exit(1);
}

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
