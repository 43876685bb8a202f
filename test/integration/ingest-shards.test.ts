/**
 * A sharded update equals one run: twelve local feeds are ingested once over all of them, and
 * again as four `--shard K/4` runs, each in its own copy of the content (as the CI matrix does),
 * whose new files `npm run merge-shards` then puts together. Same articles, same stories.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOf } from '../../src/lib/ingest/shard.ts';
import { rss } from '../fixtures/feeds/build.ts';
import { feed, startFeedServer, type FeedServer } from '../support/feed-server.ts';
import { runScriptAsync, scratchContent, writeArticle } from './editor-support.ts';

const FEEDS = 12;
const SHARDS = 4;
const EVENTS = [
  ['Meta will train its AI on public Instagram and Facebook posts of EU users', 'meta', 3],
  ['LinkedIn opts members into training generative AI models by default', 'linkedin', 5],
  ['Reddit licenses user posts to Google to train its AI models', 'reddit', 8],
  ['X lets xAI train Grok on the posts of its users without asking', 'xai', 11],
  ['Zoom says it will not train AI on customers’ calls after an outcry', 'zoom', 14],
  ['Adobe denies training Firefly on users’ cloud documents', 'adobe', 17],
] as const;
const id = (f: number) => `feed-${String(f).padStart(2, '0')}`;

let server: FeedServer;
let work: string;
let base: string;
let single: string;
let merged: string;
let mergeRun: Awaited<ReturnType<typeof runScriptAsync>>;
const shardFeeds = new Map<number, string[]>();

function items(f: number) {
  return Array.from({ length: 8 }, (_, i) => {
    const [title, , day] = EVENTS[(f + i) % EVENTS.length]!;
    const when = new Date(Date.UTC(2024, 5, day + (i % 2), 9 + f));
    return {
      title: `${title}, publisher ${f} reports`,
      link: `https://feed${f}.aidw.test/story-${i}`,
      description: `${title}. People’s personal data and posts would be used to train AI; users may opt out in settings (${f}-${i}).`,
      pubDate: when.toUTCString(),
    };
  }).concat(
    // A story of its own: published weeks from any other.
    {
      title: `Snap will train its AI on My AI chats, publisher ${f} reports`,
      link: `https://feed${f}.aidw.test/own-story`,
      description:
        'Snap will use people’s chats with My AI to train its models; users can delete them.',
      pubDate: new Date(Date.UTC(2024, 7, 1 + f * 5)).toUTCString(),
    },
    // The same article in two feeds that fall in different shards: the earlier feed keeps it.
    f === 0 || f === 7
      ? [
          {
            title: `Meta will train its AI on public posts, publisher ${f} says`,
            link: 'https://shared.aidw.test/meta-both-feeds',
            description:
              'Meta will train AI on people’s public posts in the EU; an opt-out form is available.',
            pubDate: new Date(Date.UTC(2024, 5, 3, 12)).toUTCString(),
          },
        ]
      : [],
  );
}

const read = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(path.join(dir, 'articles'))
      .filter((n) => n.endsWith('.json'))
      .map((n) => {
        const { fetchedAt: _fetchedAt, ...a } = JSON.parse(
          fs.readFileSync(path.join(dir, 'articles', n), 'utf8'),
        );
        return [a.id as string, a];
      }),
  );

const copy = (to: string) => {
  fs.cpSync(base, to, { recursive: true });
  return to;
};

const ingest = (content: string, extra: string[] = []) =>
  runScriptAsync('ingest', ['--state', path.join(content, 'state.json'), ...extra], content);

beforeAll(async () => {
  server = await startFeedServer();
  for (let f = 0; f < FEEDS; f++)
    server.route(`/${id(f)}.xml`, feed(rss(items(f)), { etag: `"v1-${f}"` }));
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'aidw-shards-'));
  base = path.join(work, 'base');
  fs.renameSync(scratchContent('aidw-shards-base-'), base);
  fs.writeFileSync(
    path.join(base, 'feeds.yaml'),
    `fetch: { retries: 0 }\nfeeds:\n` +
      Array.from(
        { length: FEEDS },
        (_, f) =>
          `  - id: ${id(f)}\n    url: ${server.url}/${id(f)}.xml\n    publisher: Publisher ${f}\n`,
      ).join(''),
  );
  // An article from an earlier update, which new reports of the same event join.
  writeArticle(base, {
    id: 'earlier-meta-000001',
    url: 'https://earlier.aidw.test/meta',
    title: 'Meta will train its AI on public Instagram and Facebook posts of EU users',
    summary: 'Meta will use people’s public posts and personal data to train AI.',
    published: '2024-06-03T08:00:00.000Z',
    companies: ['meta'],
    regions: ['EU'],
    story: 's-earlier-meta-000001',
  });

  single = copy(path.join(work, 'single'));
  const one = await ingest(single);
  expect(one.status, one.stderr).toBe(0);

  const before = new Set(fs.readdirSync(path.join(base, 'articles')));
  const shardDirs: string[] = [];
  for (let k = 1; k <= SHARDS; k++) {
    // Each matrix job: its own checkout, then an artifact of what it wrote.
    const checkout = copy(path.join(work, `checkout-${k}`));
    const artifact = path.join(work, `shard-${k}`);
    fs.mkdirSync(path.join(artifact, 'articles'), { recursive: true });
    const r = await ingest(checkout, [
      '--shard',
      `${k}/${SHARDS}`,
      '--state',
      path.join(artifact, 'state.json'),
      '--health',
      path.join(artifact, 'feeds-health.json'),
    ]);
    expect(r.status, r.stderr).toBe(0);
    shardFeeds.set(
      k,
      JSON.parse(fs.readFileSync(path.join(artifact, 'feeds-health.json'), 'utf8')).feeds.map(
        (f: { id: string }) => f.id,
      ),
    );
    for (const name of fs.readdirSync(path.join(checkout, 'articles')))
      if (!before.has(name))
        fs.copyFileSync(
          path.join(checkout, 'articles', name),
          path.join(artifact, 'articles', name),
        );
    shardDirs.push(artifact);
  }
  merged = copy(path.join(work, 'merged'));
  mergeRun = await runScriptAsync(
    'merge-shards',
    ['--state', path.join(merged, 'state.json'), ...shardDirs],
    merged,
  );
}, 180_000);

afterAll(async () => {
  await server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('four shards merged', () => {
  it('split the feeds by id, each feed in exactly one shard', () => {
    const all = [...shardFeeds.values()].flat().sort();
    expect(all).toEqual(Array.from({ length: FEEDS }, (_, f) => id(f)));
    for (const [k, ids] of shardFeeds) {
      expect(ids.length).toBeGreaterThan(0);
      for (const feedId of ids) expect(shardOf(feedId, SHARDS)).toBe(k);
    }
  });

  it('store the same articles as one run, field for field, stories included', () => {
    expect(mergeRun.status, mergeRun.stderr).toBe(0);
    const one = read(single);
    const four = read(merged);
    expect(Object.keys(four).sort()).toEqual(Object.keys(one).sort());
    expect(four).toEqual(one);
  });

  it('group articles from feeds of different shards into one story, as one run does', () => {
    const articles = Object.values(read(merged)) as { story: string; feed: string }[];
    const shardsOfStory = new Map<string, Set<number>>();
    for (const a of articles)
      shardsOfStory.set(
        a.story,
        (shardsOfStory.get(a.story) ?? new Set()).add(shardOf(a.feed, SHARDS)),
      );
    expect(Math.max(...[...shardsOfStory.values()].map((s) => s.size))).toBeGreaterThan(1);
    expect(shardsOfStory.size).toBe(EVENTS.length + FEEDS);
    expect(articles.filter((a) => a.story === 's-earlier-meta-000001').length).toBeGreaterThan(1);
  });

  it('credit an article two shards delivered to the earlier feed in feeds.yaml', () => {
    const both = Object.values(read(merged)).find(
      (a) => a.url === 'https://shared.aidw.test/meta-both-feeds',
    );
    expect(both.feed).toBe('feed-00');
  });

  it('say what the merge did', () => {
    expect(mergeRun.stdout).toMatch(
      /^Merged 4 shards: \d+ article files offered, \d+ stored as new, 0 already stored, 1 duplicate across shards/,
    );
  });

  it('keep every feed’s validators and health, in feeds.yaml order', () => {
    const state = JSON.parse(fs.readFileSync(path.join(merged, 'state.json'), 'utf8'));
    expect(Object.keys(state.feeds).sort()).toEqual(Array.from({ length: FEEDS }, (_, f) => id(f)));
    const health = JSON.parse(fs.readFileSync(path.join(merged, 'feeds-health.json'), 'utf8'));
    expect(health.feeds.map((f: { id: string }) => f.id)).toEqual(
      Array.from({ length: FEEDS }, (_, f) => id(f)),
    );
    const oneHealth = JSON.parse(fs.readFileSync(path.join(single, 'feeds-health.json'), 'utf8'));
    expect(health.totals.itemsNew).toBe(oneHealth.totals.itemsNew);
    expect(health.totals.articles).toBe(oneHealth.totals.articles);
  });
});
