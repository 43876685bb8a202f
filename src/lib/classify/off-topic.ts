/**
 * Stories that have nothing to do with the topic, read from real feeds: the parsers' test feeds
 * beside the checkout (../shared/feeds-corpus; `AIDW_FEEDS_CORPUS` points elsewhere), blogs,
 * podcasts and forums of the 2000s and 2010s, none of them about AI training on people's data.
 * The labelled headlines were all chosen because they touch the topic, so they cannot show what a
 * model does with a story about gardening; these can. They are read as ingest reads a feed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ClassifyInput, Classifier } from './types.ts';
import { FeedError } from '../ingest/errors.ts';
import { normaliseItems } from '../ingest/normalise.ts';
import { parseFeedBody } from '../ingest/parse.ts';

export const offTopicDir = () =>
  path.resolve(process.env['AIDW_FEEDS_CORPUS'] ?? '../shared/feeds-corpus');

const FEED_FILE = /\.(xml|rss|atom|json)$/;
const MAX_BYTES = 5_000_000;

/** Every item of every feed in `dir` that parses, once per headline; none when there is no `dir`. */
export async function readOffTopicItems(dir = offTopicDir()): Promise<ClassifyInput[]> {
  if (!fs.existsSync(dir)) return [];
  const seen = new Set<string>();
  const out: ClassifyInput[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => FEED_FILE.test(f))
    .sort()) {
    let feed;
    try {
      feed = await parseFeedBody(
        fs.readFileSync(path.join(dir, file)),
        file.endsWith('.json') ? 'application/json' : 'application/xml',
        { maxBytes: MAX_BYTES },
      );
    } catch (e) {
      // Many of the corpus's files are broken on purpose; only a reasoned refusal is expected.
      if (e instanceof FeedError) continue;
      throw e;
    }
    const { items } = normaliseItems(feed, {
      documentUrl: `https://feeds.invalid/${file}`,
      fetchedAt: new Date(0),
      maxItems: Infinity,
    });
    for (const item of items) {
      if (!item.title || seen.has(item.title)) continue;
      seen.add(item.title);
      out.push({ title: item.title, text: item.summary });
    }
  }
  return out;
}

export interface OffTopicFigures {
  items: number;
  /** Shown to readers as relevant. */
  kept: number;
  /** Stored and held for an editor. */
  held: number;
  /** The headlines of those kept, for the report. */
  keptTitles: string[];
}

export function offTopicFigures(
  classify: Classifier,
  items: readonly ClassifyInput[],
): OffTopicFigures {
  const figures: OffTopicFigures = { items: items.length, kept: 0, held: 0, keptTitles: [] };
  for (const item of items) {
    const c = classify(item);
    if (c.review) figures.held++;
    else if (c.relevant) {
      figures.kept++;
      figures.keptTitles.push(item.title);
    }
  }
  return figures;
}
