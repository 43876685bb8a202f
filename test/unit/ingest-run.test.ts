import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Classifier } from '../../src/lib/classify/types.ts';
import { parseFeedsFile } from '../../src/lib/content/feeds.ts';
import { formatSummary, healthReportSchema } from '../../src/lib/ingest/health.ts';
import { runIngest, type AssignStories, type RunOptions } from '../../src/lib/ingest/run.ts';
import { rss } from '../fixtures/feeds/build.ts';
import { feed, startFeedServer, status, trickle, type FeedServer } from '../support/feed-server.ts';

/** Relevant when the title says "train"; tags Meta when named. Enough to drive the pipeline. */
const classify: Classifier = ({ title }) => ({
  relevant: /train/i.test(title),
  score: /train/i.test(title) ? 0.8 : 0.1,
  language: 'en',
  companies: /meta/i.test(title) ? ['meta'] : [],
  regions: ['GLOBAL'],
  why: /meta/i.test(title) ? ["'Meta' → meta"] : [],
});
const eachOwnStory: AssignStories = (_existing, incoming) =>
  new Map(incoming.map((c) => [c.id, `story-${c.id}`]));

const shared = 'https://news.example.org/meta-trains-ai';
const regulatorFeed = rss([
  {
    title: 'Meta to train AI on EU posts',
    link: `${shared}?utm_source=regulator`,
    pubDate: 'Tue, 14 May 2024 09:30:00 GMT',
  },
  { title: 'Annual report published', link: 'https://dpc.example.ie/report' },
]);
const pressFeed = rss([
  {
    title: 'Press: Meta trains AI on your posts',
    link: `${shared}#comments`,
    description: 'Different words',
  },
  { title: 'Chatbot maker will train on forum data', link: 'https://news.example.org/forum' },
]);

let server: FeedServer;
let dir: string;
beforeAll(async () => {
  server = await startFeedServer({
    // Answers last, yet comes first in the feeds file: it must still win the shared URL.
    '/regulator': trickle(regulatorFeed, 200, 60),
    '/press': feed(pressFeed),
    '/down': status(404),
  });
});
afterAll(() => server.close());
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-run-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const options = (over: Partial<RunOptions> = {}): RunOptions => ({
  feeds: parseFeedsFile(
    {
      fetch: { timeoutSeconds: 5, retries: 0 },
      feeds: [
        { id: 'dpc', url: `${server.url}/regulator`, publisher: 'DPC', tags: { regions: ['IE'] } },
        { id: 'press', url: `${server.url}/press`, publisher: 'Press' },
        { id: 'down', url: `${server.url}/down`, publisher: 'Down' },
        { id: 'off', url: `${server.url}/never`, publisher: 'Off', enabled: false },
      ],
    },
    'feeds.yaml',
  ),
  outDir: path.join(dir, 'articles'),
  statePath: path.join(dir, 'state.json'),
  healthPath: path.join(dir, 'health.json'),
  classify,
  assignStories: eachOwnStory,
  blocsOf: new Map([['IE', ['EU']]]),
  ...over,
});

const stored = (sub = 'articles') =>
  fs
    .readdirSync(path.join(dir, sub))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, sub, f), 'utf8')));

describe('runIngest', () => {
  it('stores relevant items once, credited to the earlier feed, with feed tags and blocs', async () => {
    const { created, report } = await runIngest(options());
    const articles = stored();
    expect(articles.map((a) => [a.url, a.feed])).toEqual([
      ['https://news.example.org/forum', 'press'],
      [shared, 'dpc'],
    ]);
    expect(created).toHaveLength(2);
    const meta = articles.find((a) => a.url === shared);
    expect(meta).toMatchObject({
      title: 'Meta to train AI on EU posts',
      publisher: 'DPC',
      companies: ['meta'],
      regions: ['EU', 'IE'],
      why: ["'Meta' → meta", 'feed dpc → IE', 'feed dpc → EU'],
      score: 0.8,
      story: `story-${meta.id}`,
      published: '2024-05-14T09:30:00.000Z',
      dateEstimated: false,
    });
    expect(report.feeds.map((f) => [f.id, f.status, f.itemsSeen, f.itemsKept, f.itemsNew])).toEqual(
      [
        ['dpc', 'ok', 2, 1, 1],
        ['press', 'ok', 2, 2, 1],
        ['down', 'failed', 0, 0, 0],
      ],
    );
    expect(report.feeds[2]).toMatchObject({ reason: 'HTTP 404 Not Found', httpStatus: 404 });
  });

  it('keeps an item too close to call, held for review, with its language and proposed companies', async () => {
    const unsure: Classifier = ({ title }) => ({
      relevant: false,
      score: /forum/.test(title) ? 0.5 : 0.1,
      ...(/forum/.test(title) ? { review: true as const } : {}),
      language: 'en',
      companies: /forum/.test(title) ? ['chatbot-maker'] : [],
      ...(/forum/.test(title) ? { proposedCompanies: ['chatbot-maker'] } : {}),
      regions: ['GLOBAL'],
      why: [],
    });
    await runIngest(options({ classify: unsure }));
    const articles = stored();
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      url: 'https://news.example.org/forum',
      review: true,
      language: 'en',
      companies: ['chatbot-maker'],
      proposedCompanies: ['chatbot-maker'],
    });
  });

  it('never rewrites an article already on disk, even when the feed now says otherwise', async () => {
    await runIngest(options());
    const files = fs
      .readdirSync(path.join(dir, 'articles'))
      .map((f) => path.join(dir, 'articles', f));
    const before = files.map((f) => [fs.readFileSync(f, 'utf8'), fs.statSync(f).mtimeMs]);
    server.route(
      '/regulator',
      feed(
        rss([{ title: 'Meta to train AI: headline rewritten', link: shared, description: 'New' }]),
      ),
    );
    const second = await runIngest(options());
    server.route('/regulator', trickle(regulatorFeed, 200, 60));
    expect(second.created).toEqual([]);
    expect(files.map((f) => [fs.readFileSync(f, 'utf8'), fs.statSync(f).mtimeMs])).toEqual(before);
    expect(second.report.totals).toMatchObject({ itemsNew: 0, itemsKept: 3, articles: 2 });
    expect(stored().find((a) => a.url === shared)?.title).toBe('Meta to train AI on EU posts');
  });

  it('keeps lastSuccess and lastError across runs and counts what each feed contributed', async () => {
    await runIngest(options());
    const { report } = await runIngest(
      options({
        feeds: {
          ...options().feeds,
          feeds: options().feeds.feeds.map((f) =>
            f.id === 'dpc' ? { ...f, url: `${server.url}/down` } : f,
          ),
        },
      }),
    );
    const dpc = report.feeds.find((f) => f.id === 'dpc')!;
    expect(dpc.status).toBe('failed');
    expect(dpc.lastSuccess).toBeDefined();
    expect(dpc.lastError?.reason).toBe('HTTP 404 Not Found');
    expect(dpc.totalContributed).toBe(1);
    const onDisk = healthReportSchema.parse(
      JSON.parse(fs.readFileSync(path.join(dir, 'health.json'), 'utf8')),
    );
    expect(onDisk.feeds.find((f) => f.id === 'press')?.totalContributed).toBe(1);
    expect(onDisk.feeds.map((f) => f.id)).not.toContain('off');
  });

  it('drops items the classifier fails on and survives a clustering failure', async () => {
    const { report, warnings } = await runIngest(
      options({
        classify: (input) => {
          if (input.title.startsWith('Chatbot')) throw new Error('boom');
          return classify(input);
        },
        assignStories: () => {
          throw new Error('cluster down');
        },
      }),
    );
    expect(report.feeds.find((f) => f.id === 'press')?.dropped).toEqual([
      'the classifier failed: boom: "Chatbot maker will train on forum data"',
    ]);
    expect(warnings).toContain(
      'story clustering failed (cluster down); each new article is its own story',
    );
    const [article] = stored();
    expect(article.story).toBe(article.id);
  });

  it('fetches no more feeds at once than the concurrency setting allows', async () => {
    let inFlight = 0;
    let most = 0;
    const body = rss([{ title: 'Nothing to train here', link: 'https://news.example.org/n' }]);
    for (let i = 0; i < 6; i++)
      server.route(`/slow${i}`, (req, res) => {
        most = Math.max(most, ++inFlight);
        res.on('close', () => inFlight--);
        trickle(body, 64, 20)(req, res);
      });
    const feeds = parseFeedsFile(
      {
        fetch: { concurrency: 2, retries: 0 },
        feeds: Array.from({ length: 6 }, (_, i) => ({
          id: `slow-${i}`,
          url: `${server.url}/slow${i}`,
          publisher: 'Slow',
        })),
      },
      'feeds.yaml',
    );
    const { report } = await runIngest(options({ feeds }));
    expect(report.totals.ok).toBe(6);
    expect(most).toBe(2);
  });

  it('tells editors when a feed has moved permanently', async () => {
    server.route(
      '/old-address',
      (_req, res) => void res.writeHead(301, { location: '/press' }).end(),
    );
    const feeds = parseFeedsFile(
      [{ id: 'moved', url: `${server.url}/old-address`, publisher: 'Moved' }],
      'feeds.yaml',
    );
    const { report } = await runIngest(options({ feeds }));
    expect(report.feeds[0]).toMatchObject({ status: 'ok', movedTo: `${server.url}/press` });
    expect(formatSummary(report)).toMatch(
      new RegExp(`^moved\\s+ok\\s+200.*moved permanently to ${server.url}/press$`, 'm'),
    );
  });

  it('prints a summary table naming each feed, its status and reason', async () => {
    const { report } = await runIngest(options());
    const table = formatSummary(report);
    expect(table).toMatch(/^feed\s+status\s+http\s+seen\s+kept\s+new\s+reason$/m);
    expect(table).toMatch(/^down\s+failed\s+404\s+0\s+0\s+0\s+HTTP 404 Not Found$/m);
    expect(table).toContain('3 feeds: 2 ok, 0 not modified, 1 failed.');
  });
});
