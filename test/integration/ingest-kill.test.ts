/**
 * SIGKILL at any moment: the command is killed while fetching, just as the first article lands,
 * and in the middle of writing; every file it leaves is whole, valid JSON, and a later run
 * completes the job without rewriting what an interrupted run already stored.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/lib/content/article.ts';
import { rss } from '../fixtures/feeds/build.ts';
import { startFeedServer, trickle, type FeedServer } from '../support/feed-server.ts';
import { startIngest, snapshot } from '../support/ingest-command.ts';

const FEEDS = 6;
const ITEMS = 40;
const TOPICS = [
  'Meta will train its AI on Instagram posts of EU users',
  'LinkedIn uses member data to train generative AI models by default',
  'Reddit licenses user posts to Google to train AI models',
  'X lets xAI train Grok on posts of users without asking',
  'OpenAI trains ChatGPT on public user data scraped from forums',
  'Google updates privacy policy to train Gemini on public user data',
];

let server: FeedServer;
let dir: string;
let out: string;
let args: string[];

beforeAll(async () => {
  server = await startFeedServer();
  for (let f = 0; f < FEEDS; f++) {
    const body = rss(
      Array.from({ length: ITEMS }, (_, i) => ({
        title: `${TOPICS[f]}, report ${i + 1}`,
        link: `https://news${f}.example.org/story-${i + 1}`,
        description: `Part ${i + 1}: the company will use people's posts and personal data to train its AI; users can opt out in settings.`,
        pubDate: new Date(Date.UTC(2024, 4, 1 + i)).toUTCString(),
      })),
    );
    // Slow enough that the run spends about a second fetching.
    server.route(`/feed${f}.xml`, trickle(body, 2048, 25));
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-kill-'));
  out = path.join(dir, 'articles');
  fs.writeFileSync(
    path.join(dir, 'feeds.yaml'),
    stringify({
      fetch: { timeoutSeconds: 10, retries: 0 },
      feeds: Array.from({ length: FEEDS }, (_, f) => ({
        id: `feed-${f}`,
        url: `${server.url}/feed${f}.xml`,
        publisher: `Publisher ${f}`,
      })),
    }),
  );
  args = [
    '--feeds',
    path.join(dir, 'feeds.yaml'),
    '--out',
    out,
    '--state',
    path.join(dir, 'state.json'),
  ];
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const articleFiles = () =>
  fs.existsSync(out) ? fs.readdirSync(out).filter((f) => f.endsWith('.json')) : [];

/** Starts a run and SIGKILLs it as soon as `when` holds (checked every few milliseconds). */
async function killWhen(when: (elapsedMs: number) => boolean): Promise<NodeJS.Signals | null> {
  const { child, done } = startIngest(args);
  const started = Date.now();
  const timer = setInterval(() => {
    if (when(Date.now() - started)) {
      clearInterval(timer);
      child.kill('SIGKILL');
    }
  }, 2);
  const result = await done;
  clearInterval(timer);
  return result.signal;
}

function expectEveryFileWhole(): void {
  for (const name of articleFiles()) {
    const text = fs.readFileSync(path.join(out, name), 'utf8');
    expect(text.endsWith('}\n'), name).toBe(true);
    expect(articleSchema.safeParse(JSON.parse(text)).success, name).toBe(true);
  }
  for (const side of ['state.json', 'feeds-health.json']) {
    const file = path.join(dir, side);
    if (fs.existsSync(file)) expect(() => JSON.parse(fs.readFileSync(file, 'utf8'))).not.toThrow();
  }
}

describe('ingest killed with SIGKILL', () => {
  it('leaves only whole article files, wherever it is stopped, and a later run finishes the job', async () => {
    const seen = new Map<string, string>();
    const remember = () => {
      for (const [name, { bytes }] of snapshot(out)) {
        if (!name.endsWith('.json')) continue;
        if (seen.has(name)) expect(bytes, `${name} was rewritten`).toBe(seen.get(name));
        else seen.set(name, bytes);
      }
    };

    const moments: [string, (ms: number) => boolean][] = [
      ['while fetching', (ms) => ms > 700],
      ['as the first article lands', () => articleFiles().length >= 1],
      ['after a few dozen articles', () => articleFiles().length >= 30],
      ['in the middle of the batch', () => articleFiles().length >= 120],
    ];
    let killed = 0;
    for (const [, when] of moments) {
      const signal = await killWhen(when);
      if (signal === 'SIGKILL') killed++;
      expectEveryFileWhole();
      remember();
    }
    expect(killed).toBeGreaterThanOrEqual(3);

    const { done } = startIngest(args);
    const final = await done;
    expect(final.code).toBe(0);
    expectEveryFileWhole();
    remember();
    expect(articleFiles()).toHaveLength(FEEDS * ITEMS);
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
