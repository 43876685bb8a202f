/** The flags of `npm run ingest`, parsed strictly: a typo must not silently run with defaults. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseShard, type Shard } from './shard.ts';

export const USAGE = `Usage: npm run ingest -- [--feeds FILE] [--out DIR] [--state FILE] [--health FILE] [--shard K/N]

Fetches the feeds, keeps the items about platforms training AI on people's data, and stores each
new one as <out>/<id>.json. Existing article files are never rewritten.

  --feeds FILE   feeds to pull (default: content/feeds.yaml)
  --out DIR      article folder (default: content/articles)
  --state FILE   ETag/Last-Modified memory for conditional GET (default: .ingest-state.json)
  --health FILE  health report (default: feeds-health.json next to the article folder,
                 i.e. content/feeds-health.json)
  --shard K/N    only the K-th of N stable shares of the feeds (by feed id), for a CI matrix;
                 npm run merge-shards then puts the shares together
  --help         show this text

Only one run at a time per state file: a run holds <state>.lock (its pid, host and start time).
A lock whose process is gone, or older than the run budget, is taken over and the run says so.

Exits 0 when the run completed, even if feeds failed (each is reported with its reason);
1 for a bad flag or a bad feeds file; 75 when another run holds the lock (try again later).`;

export interface CliOptions {
  feeds: string;
  out: string;
  state: string;
  health: string;
  shard?: Shard;
}

/** The path flags ingest and merge-shards share, as given. */
export interface PathFlags {
  feeds?: string | undefined;
  out?: string | undefined;
  state?: string | undefined;
  health?: string | undefined;
}

/**
 * The paths both commands read and write, with the same defaults: the feeds file and article
 * folder in the content folder, the state file in `cwd`, the health report beside the articles.
 */
export function resolvePaths(
  flags: PathFlags,
  contentDir: string,
  cwd: string,
): Omit<CliOptions, 'shard'> {
  const out = path.resolve(cwd, flags.out ?? path.join(contentDir, 'articles'));
  return {
    feeds: path.resolve(cwd, flags.feeds ?? path.join(contentDir, 'feeds.yaml')),
    out,
    state: path.resolve(cwd, flags.state ?? '.ingest-state.json'),
    health: path.resolve(cwd, flags.health ?? path.join(path.dirname(out), 'feeds-health.json')),
  };
}

export type CliParse = { help: true } | { help: false; options: CliOptions } | { error: string };

/** `contentDir` is the editors' data folder; the state file lives in `cwd` (it is not content). */
export function parseCli(argv: readonly string[], contentDir: string, cwd: string): CliParse {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        feeds: { type: 'string' },
        out: { type: 'string' },
        state: { type: 'string' },
        health: { type: 'string' },
        shard: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    return { error: (e as Error).message };
  }
  if (values.help) return { help: true };
  for (const flag of ['feeds', 'out', 'state', 'health'] as const) {
    const value = values[flag];
    if (value !== undefined && !value.trim()) return { error: `--${flag} needs a path` };
  }
  let shard: Shard | undefined;
  if (values.shard !== undefined) {
    const parsed = parseShard(values.shard);
    if ('error' in parsed) return { error: parsed.error };
    shard = parsed;
  }
  return {
    help: false,
    options: { ...resolvePaths(values, contentDir, cwd), ...(shard ? { shard } : {}) },
  };
}
