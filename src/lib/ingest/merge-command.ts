/** `npm run merge-shards` itself: flags, the merge, and what it says it did. Returns the exit code. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { assignStories } from '../classify/cluster.ts';
import { loadFeedsFile } from '../content/feeds.ts';
import { ContentError, loadTaxonomy, vocabulary } from '../content/load-taxonomy.ts';
import { loadOverrides, type Overrides } from '../content/overrides.ts';
import { contentDir } from '../content/paths.ts';
import { readCitations } from './citations.ts';
import { resolvePaths } from './cli.ts';
import { acquireLock, LOCKED_EXIT_CODE } from './lock.ts';
import { describeMerge, mergeShards, SHARD_LAYOUT } from './merge.ts';
import { setAsideDirFor } from './set-aside.ts';

export const MERGE_USAGE = `Usage: npm run merge-shards -- [--feeds FILE] [--out DIR] [--state FILE] [--health FILE] SHARD_DIR...

Puts the shares of \`npm run ingest -- --shard K/N\` together. Each SHARD_DIR holds what one shard
job uploaded: ${SHARD_LAYOUT.articles}/ (the article files it created), ${SHARD_LAYOUT.setAside}/ (articles it set aside),
${SHARD_LAYOUT.state} and ${SHARD_LAYOUT.health}. New articles are clustered into stories across all articles and
stored in --out; state and health are taken per feed from the shard that read it.

  --feeds, --out, --state, --health   as for npm run ingest (same defaults)

Exits 0 when merged; 1 for bad flags, a missing shard folder or a bad feeds file; 75 when an
ingest holds the lock on the state file.`;

export function mergeCommand(argv: readonly string[]): number {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: {
        feeds: { type: 'string' },
        out: { type: 'string' },
        state: { type: 'string' },
        health: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    }));
  } catch (e) {
    console.error(`merge-shards: ${(e as Error).message}\n\n${MERGE_USAGE}`);
    return 1;
  }
  if (values.help) {
    console.log(MERGE_USAGE);
    return 0;
  }
  if (!positionals.length) {
    console.error(`merge-shards: name at least one shard folder\n\n${MERGE_USAGE}`);
    return 1;
  }
  const missing = positionals.filter(
    (d) => !fs.statSync(d, { throwIfNoEntry: false })?.isDirectory(),
  );
  if (missing.length) {
    console.error(`merge-shards: not a folder: ${missing.join(', ')}`);
    return 1;
  }
  const cwd = process.cwd();
  const paths = resolvePaths(values, contentDir(), cwd);
  const { out, state: statePath, health: healthPath } = paths;
  let feeds;
  try {
    feeds = loadFeedsFile(paths.feeds, vocabulary(loadTaxonomy()));
  } catch (e) {
    const lines = e instanceof ContentError ? e.problems : [(e as Error).message];
    console.error(
      `merge-shards: cannot start, fix these first:\n${lines.map((l) => `  ${l}`).join('\n')}`,
    );
    return 1;
  }
  let overrides: Overrides = { articles: {} };
  try {
    overrides = loadOverrides(path.dirname(out));
  } catch {
    // npm run check reports a broken overrides.yaml; the stories as stored stand meanwhile.
  }
  const lock = acquireLock(statePath, { budgetMs: feeds.fetch.runBudgetSeconds * 1000 });
  if (!lock.acquired) {
    console.error(`merge-shards: ${lock.message}`);
    return LOCKED_EXIT_CODE;
  }
  if (lock.tookOver) console.error(`merge-shards: ${lock.tookOver}`);
  try {
    const result = mergeShards({
      feeds,
      outDir: out,
      statePath,
      healthPath,
      setAsideDir: setAsideDirFor(out),
      shardDirs: positionals.map((d) => path.resolve(cwd, d)),
      assignStories,
      citations: (storyOf) =>
        readCitations(
          path.join(path.dirname(out), 'entries'),
          (id) => overrides.articles[id]?.story ?? storyOf(id),
        ),
    });
    for (const w of result.warnings) console.error(`warning: ${w}`);
    for (const a of result.settled.setAside)
      console.error(`warning: article ${a.article.id} set aside: ${a.reason}`);
    console.log(describeMerge(result));
    return 0;
  } finally {
    lock.release();
  }
}
