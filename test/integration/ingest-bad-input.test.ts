/**
 * The real command against a local server serving every kind of bad input the issue lists, all
 * in one run: each bad feed is reported with its reason, the good ones still land, nothing unsafe
 * is stored, and articles already on disk stay byte-identical.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/lib/content/article.ts';
import { healthReportSchema, type FeedHealth } from '../../src/lib/ingest/health.ts';
import { articleId } from '../../src/lib/ingest/url.ts';
import { atom, IRRELEVANT, RELEVANT, rss } from '../fixtures/feeds/build.ts';
import {
  endless,
  feed,
  redirect,
  silent,
  startFeedServer,
  status,
  type FeedServer,
} from '../support/feed-server.ts';
import {
  readArticles,
  runIngestCommand,
  snapshot,
  type CommandResult,
} from '../support/ingest-command.ts';

const NEWS = 'https://news.example.org';
const existingUrl = `${NEWS}/x-grok-training`;
const existing = {
  id: articleId(existingUrl),
  url: existingUrl,
  title: 'Stored earlier: X trains Grok on posts',
  summary: 'Written by an earlier run; must never change.',
  published: '2024-07-26T08:00:00.000Z',
  dateEstimated: false,
  publisher: 'Earlier',
  feed: 'earlier-feed',
  companies: ['x'],
  regions: ['GLOBAL'],
  score: 0.9,
  why: ['earlier'],
  story: 'earlier-story',
  fetchedAt: '2024-07-26T09:00:00.000Z',
};
// Hand-formatted on purpose: ingest must not even re-serialise it.
const existingBytes = `${JSON.stringify(existing)}\n`;
const unrelatedBytes = JSON.stringify(
  { ...existing, id: 'unrelated-article-1', url: `${NEWS}/other` },
  null,
  4,
);

const hostileRss = rss(
  [
    {
      title: `<script>alert("t")</script>${RELEVANT.metaEu.title} <img src=x onerror="alert(1)">`,
      link: `${NEWS}/meta-eu-training?utm_source=rss&utm_medium=feed&fbclid=abc#top`,
      description: `<style>body{display:none}</style><p style="color:red" onclick="steal()">${RELEVANT.metaEu.description}</p><a href="javascript:alert(2)">more</a><iframe src="https://evil.example/"></iframe>`,
      pubDate: 'Tue, 14 May 2024 09:30:00 +0200',
    },
    { ...IRRELEVANT.football, link: `${NEWS}/football`, pubDate: 'Tue, 14 May 2024 10:00:00 GMT' },
    { ...IRRELEVANT.recipe, link: `${NEWS}/cake`, pubDate: 'Tue, 14 May 2024 11:00:00 GMT' },
    {
      title: `${RELEVANT.googleUs.title} (javascript link)`,
      link: 'javascript:alert(document.cookie)',
    },
    {
      title: `${RELEVANT.googleUs.title} (data link)`,
      link: 'data:text/html,<script>alert(1)</script>',
    },
    { title: `${RELEVANT.googleUs.title} (no link)`, description: RELEVANT.googleUs.description },
    { ...RELEVANT.linkedinUk, link: '/linkedin-relative' },
    { ...RELEVANT.xGrok, link: existingUrl, pubDate: 'Fri, 26 Jul 2024 08:00:00 GMT' },
  ],
  { title: 'Hostile but valid' },
);

const sameStoryAtom = atom([
  {
    title: 'A second feed carries the same Meta story',
    link: `${NEWS}/meta-eu-training?utm_campaign=atom`,
    summary: RELEVANT.metaEu.description,
    published: '2024-05-14T08:00:00Z',
  },
  {
    title: RELEVANT.redditDeal.title,
    link: `${NEWS}/reddit-deal`,
    summary: RELEVANT.redditDeal.description,
    published: '2024-02-22T12:00:00Z',
  },
]);

const encoded = (text: string, encoding: string, declared: string) =>
  iconv.encode(
    rss([{ title: text, link: `${NEWS}/${declared}`, description: RELEVANT.metaEu.description }], {
      encoding: declared,
    }),
    encoding,
  );

const TITLES = {
  latin1: 'Meta will train AI on Instagram posts — café, naïve, “résumé” in Paris',
  cp1251: 'Meta will train its AI on posts: Мета будет обучать ИИ на публикациях',
  sjis: 'Meta will train AI on Instagram posts in Japan: メタがAIを訓練',
  utf16: 'Meta will train AI on Instagram posts: Überwachung für Nutzer in Österreich',
};

const bomb = `<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY a "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
]>
<rss version="2.0"><channel><title>Bomb</title><item><title>Meta will train AI &e;</title><link>${NEWS}/bomb</link></item></channel></rss>`;

let server: FeedServer;
let dir: string;
let out: string;
let result: CommandResult;
let health: Map<string, FeedHealth>;

const FEEDS: [id: string, path: string][] = [
  ['hostile', '/hostile.xml'],
  ['same-story', '/same-story.atom'],
  ['latin1', '/latin1.xml'],
  ['cp1251', '/cp1251.xml'],
  ['sjis', '/sjis.xml'],
  ['utf16', '/utf16.xml'],
  ['gzip-raw', '/gzip-raw.xml'],
  ['gzip-encoded', '/gzip-encoded.xml'],
  ['malformed', '/malformed.xml'],
  ['html-page', '/html'],
  ['huge', '/huge.xml'],
  ['silent', '/silent.xml'],
  ['not-found', '/404.xml'],
  ['server-error', '/500.xml'],
  ['redirect-loop', '/loop-a'],
  ['entity-bomb', '/bomb.xml'],
];

beforeAll(async () => {
  server = await startFeedServer({
    '/hostile.xml': feed(hostileRss),
    '/same-story.atom': feed(sameStoryAtom, { contentType: 'application/atom+xml' }),
    '/latin1.xml': feed(encoded(TITLES.latin1, 'windows-1252', 'ISO-8859-1'), {
      contentType: 'application/rss+xml',
    }),
    '/cp1251.xml': feed(encoded(TITLES.cp1251, 'windows-1251', 'windows-1251'), {
      contentType: 'text/xml',
    }),
    '/sjis.xml': feed(
      iconv.encode(
        rss([
          { title: TITLES.sjis, link: `${NEWS}/sjis`, description: RELEVANT.metaEu.description },
        ]).replace(' encoding="UTF-8"', ''),
        'shift_jis',
      ),
      { contentType: 'application/rss+xml; charset=Shift_JIS' },
    ),
    '/utf16.xml': feed(
      Buffer.concat([Buffer.from([0xff, 0xfe]), encoded(TITLES.utf16, 'utf-16le', 'UTF-16')]),
      { contentType: 'application/xml' },
    ),
    '/gzip-raw.xml': feed(gzipSync(rss([{ ...RELEVANT.googleUs, link: `${NEWS}/google-us` }])), {
      contentType: 'application/octet-stream',
    }),
    '/gzip-encoded.xml': feed(rss([{ ...RELEVANT.linkedinUk, link: `${NEWS}/linkedin-gzip` }]), {
      gzip: true,
    }),
    '/malformed.xml': feed(
      '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Meta will train AI</item></channel>',
    ),
    '/html': feed(
      '<!DOCTYPE html><html><head><title>Welcome</title></head><body><p>Our feed has moved.</p></body></html>',
      {
        contentType: 'text/html; charset=utf-8',
      },
    ),
    '/huge.xml': endless(),
    '/silent.xml': silent(),
    '/404.xml': status(404),
    '/500.xml': status(500),
    '/loop-a': redirect('/loop-b'),
    '/loop-b': redirect('/loop-a'),
    '/bomb.xml': feed(bomb),
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-bad-'));
  out = path.join(dir, 'articles');
  fs.mkdirSync(out);
  fs.writeFileSync(path.join(out, `${existing.id}.json`), existingBytes);
  fs.writeFileSync(path.join(out, 'unrelated-article-1.json'), unrelatedBytes);
  const before = snapshot(out);

  fs.writeFileSync(
    path.join(dir, 'feeds.yaml'),
    stringify({
      fetch: {
        timeoutSeconds: 1.5,
        maxMegabytes: 1,
        retries: 1,
        retryDelaySeconds: 0.05,
        runBudgetSeconds: 30,
      },
      feeds: FEEDS.map(([id, p]) => ({
        id,
        url: `${server.url}${p}`,
        publisher: `Publisher ${id}`,
      })),
    }),
  );
  result = await runIngestCommand([
    '--feeds',
    path.join(dir, 'feeds.yaml'),
    '--out',
    out,
    '--state',
    path.join(dir, 'state.json'),
  ]);
  health = new Map(
    healthReportSchema
      .parse(JSON.parse(fs.readFileSync(path.join(dir, 'feeds-health.json'), 'utf8')))
      .feeds.map((f) => [f.id, f]),
  );
  const after = snapshot(out);
  for (const [name, was] of before) expect(after.get(name), name).toEqual(was);
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const articles = () => readArticles(out).filter((a) => a['feed'] !== 'earlier-feed');
const byUrl = (url: string) => articles().find((a) => a['url'] === url);

describe('ingest against bad input', () => {
  it('finishes with exit code 0, well within its time limits', () => {
    expect(result.stderr).not.toMatch(/TypeError|RangeError|at .*\.ts:\d+/);
    expect(result.code).toBe(0);
    expect(result.ms).toBeLessThan(20_000);
  });

  it.each([
    ['malformed', /^malformed XML: /],
    ['html-page', /^not a feed: the URL returned an HTML page$/],
    ['huge', /^body too large: more than 1048576 bytes$/],
    ['silent', /^timed out: no complete answer within 1\.5 s$/],
    ['not-found', /^HTTP 404 Not Found$/],
    ['server-error', /^HTTP 500 Internal Server Error \(after 2 attempts\)$/],
    ['redirect-loop', /^redirect loop: .*\/loop-a was already visited$/],
    ['entity-bomb', /^refused: .*entity-expansion bomb/],
  ])('reports the %s feed as failed with its reason', (id, reason) => {
    const h = health.get(id)!;
    expect(h.status).toBe('failed');
    expect(h.reason).toMatch(reason);
    expect(h.lastError?.reason).toBe(h.reason);
    expect(result.stdout).toMatch(
      new RegExp(
        `^${id}\\s+failed\\s.*${h.reason!.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
        'm',
      ),
    );
  });

  it('records the HTTP status of feeds that answered with an error', () => {
    expect(health.get('not-found')?.httpStatus).toBe(404);
    expect(health.get('server-error')?.httpStatus).toBe(500);
  });

  it('still lands the good feeds, whatever their encoding or compression', () => {
    for (const id of [
      'hostile',
      'same-story',
      'latin1',
      'cp1251',
      'sjis',
      'utf16',
      'gzip-raw',
      'gzip-encoded',
    ])
      expect(health.get(id)?.status, id).toBe('ok');
    expect(byUrl(`${NEWS}/ISO-8859-1`)?.['title']).toBe(TITLES.latin1);
    expect(byUrl(`${NEWS}/windows-1251`)?.['title']).toBe(TITLES.cp1251);
    expect(byUrl(`${NEWS}/sjis`)?.['title']).toBe(TITLES.sjis);
    expect(byUrl(`${NEWS}/UTF-16`)?.['title']).toBe(TITLES.utf16);
    expect(byUrl(`${NEWS}/google-us`)?.['title']).toBe(RELEVANT.googleUs.title);
    expect(byUrl(`${NEWS}/linkedin-gzip`)?.['title']).toBe(RELEVANT.linkedinUk.title);
  });

  it('strips scripts, styles, event handlers and markup from what it stores', () => {
    const meta = byUrl(`${NEWS}/meta-eu-training`)!;
    expect(meta['title']).toBe(RELEVANT.metaEu.title);
    expect(meta['summary']).toBe(`${RELEVANT.metaEu.description} more`);
    for (const a of articles()) {
      const text = JSON.stringify(a);
      expect(text).not.toMatch(/<|script|onerror|onclick|javascript:|data:|display:none|iframe/i);
      expect(articleSchema.safeParse(a).success).toBe(true);
      expect(String(a['url'])).toMatch(/^https?:\/\//);
    }
  });

  it('drops items with javascript:, data: or no link, and says so in the health report', () => {
    const h = health.get('hostile')!;
    expect(h.itemsDropped).toBe(3);
    expect(h.dropped).toEqual([
      expect.stringMatching(/^link uses javascript: \(only http and https are kept\): "Google/),
      expect.stringMatching(/^link uses data: \(only http and https are kept\): "Google/),
      expect.stringMatching(/^has no link: "Google/),
    ]);
  });

  it('keeps only relevant items and tags them', () => {
    expect(byUrl(`${NEWS}/football`)).toBeUndefined();
    expect(byUrl(`${NEWS}/cake`)).toBeUndefined();
    const meta = byUrl(`${NEWS}/meta-eu-training`)!;
    expect(meta['companies']).toContain('meta');
    expect(meta['regions']).toContain('EU');
    expect((meta['why'] as string[]).length).toBeGreaterThan(0);
    expect(meta['score']).toBeGreaterThan(0.5);
    expect(health.get('hostile')).toMatchObject({ itemsSeen: 8 });
  });

  it('stores canonical URLs: tracking parameters and fragments gone, relative links resolved', () => {
    expect(byUrl(`${NEWS}/meta-eu-training`)).toBeDefined();
    expect(byUrl(`${server.url}/linkedin-relative`)?.['title']).toBe(RELEVANT.linkedinUk.title);
  });

  it('stores the same URL from two feeds once, credited to the first feed', () => {
    const copies = articles().filter((a) =>
      String(a['url']).startsWith(`${NEWS}/meta-eu-training`),
    );
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ feed: 'hostile', publisher: 'Publisher hostile' });
    expect(health.get('same-story')).toMatchObject({ itemsKept: 2, itemsNew: 1 });
  });

  it('converts dates to ISO UTC and flags items without one', () => {
    expect(byUrl(`${NEWS}/meta-eu-training`)).toMatchObject({
      published: '2024-05-14T07:30:00.000Z',
      dateEstimated: false,
    });
    const undated = byUrl(`${server.url}/linkedin-relative`)!;
    expect(undated['dateEstimated']).toBe(true);
    expect(undated['published']).toBe(undated['fetchedAt']);
  });

  it('leaves existing articles byte-identical, even one a feed delivered again', () => {
    expect(fs.readFileSync(path.join(out, `${existing.id}.json`), 'utf8')).toBe(existingBytes);
    expect(fs.readFileSync(path.join(out, 'unrelated-article-1.json'), 'utf8')).toBe(
      unrelatedBytes,
    );
    expect(health.get('hostile')?.itemsNew).toBe(2);
  });

  it('writes only whole JSON files into the article folder', () => {
    for (const name of fs.readdirSync(out)) {
      expect(name).toMatch(/^[a-z0-9-]{6,80}\.json$/);
      expect(() => JSON.parse(fs.readFileSync(path.join(out, name), 'utf8'))).not.toThrow();
    }
  });
});
