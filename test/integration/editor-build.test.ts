/**
 * The editors' workflow end to end, on a scratch content folder: the real ingest reads a local
 * feed twice, an editor corrects and hides articles in overrides.yaml between the runs, promotes
 * a story, check passes, and one real build shows what readers get.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroCacheDirOf, buildSite } from '../support/site-build.ts';
import { runScript, runScriptAsync, scratchContent } from './editor-support.ts';

const META = 'Meta pauses plans to train AI on Facebook and Instagram posts in the EU';
const LINKEDIN = 'LinkedIn quietly opts users into training generative AI models';
const REDDIT = 'Reddit signs a data licensing deal so Google can train AI on its users’ posts';

const item = (title: string, slug: string, day: string, text: string) => `<item>
<title>${title}</title><link>{BASE}/news/${slug}?utm_source=rss</link>
<description>${text}</description><pubDate>${day}</pubDate></item>`;
const ITEMS = [
  item(
    META,
    'meta-pause',
    'Fri, 14 Jun 2024 10:00:00 GMT',
    'Meta said it would delay training its large language models on public posts by adults in the EU after a request from Ireland’s Data Protection Commission.',
  ),
  item(
    LINKEDIN,
    'linkedin-opt-in',
    'Wed, 18 Sep 2024 09:00:00 GMT',
    'LinkedIn began using members’ data to train generative AI models, with the setting switched on by default in the US.',
  ),
];
const LATER = item(
  REDDIT,
  'reddit-google',
  'Thu, 22 Feb 2024 18:00:00 GMT',
  'Reddit agreed to let Google train its AI models on posts by Reddit users, in a licensing deal reported to be worth $60 million a year.',
);
const rss = (items: string[], base: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>News Test</title><link>${base}/</link><description>Test feed</description>${items.join('').replaceAll('{BASE}', base)}</channel></rss>`;

let content: string;
let dist: string;
let feedItems = ITEMS;
let server: http.Server;
let base: string;
const articleFiles = () => fs.readdirSync(path.join(content, 'articles')).sort();
const readArticle = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(content, 'articles', name), 'utf8')) as {
    id: string;
    title: string;
    regions: string[];
  };
const idOf = (title: string) =>
  articleFiles()
    .map(readArticle)
    .find((a) => a.title === title)!.id;
const ingest = async () => {
  const r = await runScriptAsync(
    'ingest',
    ['--state', path.join(content, '..', `${path.basename(content)}.state.json`)],
    content,
  );
  expect(r.status, r.stderr).toBe(0);
  return r;
};
const page = (p: string) => fs.readFileSync(path.join(dist, p), 'utf8');
const everyFile = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) =>
      d.isDirectory() ? everyFile(path.join(dir, d.name)) : [path.join(dir, d.name)],
    );

let firstRunTags: Record<string, string[]> = {};
let promotedFile = '';

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(rss(feedItems, base));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  content = scratchContent('aidw-editors-build-');
  dist = `${content}-dist`;
  fs.writeFileSync(
    path.join(content, 'feeds.yaml'),
    `fetch: { retries: 0 }\nfeeds:\n  - id: news-test\n    url: ${base}/feed.xml\n    publisher: News Test\n`,
  );

  await ingest();
  firstRunTags = Object.fromEntries(articleFiles().map((f) => [f, readArticle(f).regions]));

  // The editor's corrections, made between two ingest runs.
  fs.writeFileSync(
    path.join(content, 'overrides.yaml'),
    `articles:\n  ${idOf(LINKEDIN)}:\n    hide: true\n    reason: duplicate of our own entry\n  ${idOf(META)}:\n    regions: [UK]\n    reason: test retag\n`,
  );

  feedItems = [...ITEMS, LATER];
  await ingest();

  const promoted = runScript('promote', [idOf(REDDIT)], content);
  expect(promoted.status, promoted.stderr).toBe(0);
  promotedFile = promoted.stdout.trim();

  const checked = runScript('check', [], content);
  expect(checked.stderr).toBe('');
  expect(checked.status).toBe(0);

  const built = buildSite(content, dist, 300_000);
  expect(built.status, built.output).toBe(0);
}, 360_000);

afterAll(() => {
  server?.close();
  for (const dir of [content, dist, `${content}.state.json`, content && astroCacheDirOf(content)])
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('overrides across two ingest runs', () => {
  it('leaves the article files as the tagger wrote them: corrections live only in overrides.yaml', () => {
    expect(articleFiles()).toHaveLength(3);
    for (const [file, regions] of Object.entries(firstRunTags))
      expect(readArticle(file).regions).toEqual(regions);
    expect(readArticle(`${idOf(META)}.json`).regions).not.toContain('UK');
  });

  it('keeps a hidden article off every page, feed and export after the second run', () => {
    const leaks = everyFile(dist)
      .filter((f) => /\.(html|xml|json|csv|ics|opml)$/.test(f))
      .filter((f) => fs.readFileSync(f, 'utf8').includes('LinkedIn quietly opts users'));
    expect(leaks).toEqual([]);
  });

  it('files a retagged article under the editor’s region, not the tagger’s', () => {
    expect(page('regions/uk/index.html')).toContain(META);
    expect(page('regions/ie/index.html')).not.toContain(META);
  });
});

describe('a promoted story', () => {
  const slug = () => path.basename(promotedFile, '.md');

  it('builds into its own entry page', () => {
    const html = page(`entries/${slug()}/index.html`);
    expect(html).toContain('Reddit signs a data licensing deal');
    expect(html).toContain(`${base}/news/reddit-google`);
  });

  it('appears once on the timeline, as the entry rather than also as the story', () => {
    const home = page('index.html');
    const articles = home
      .split('<article')
      .slice(1)
      .filter((a) => a.includes('Reddit signs a data licensing deal'));
    expect(articles).toHaveLength(1);
    expect(articles[0]).toContain(`/entries/${slug()}/`);
  });
});

describe('the /sources/ page', () => {
  it('lists the feed with its status, last successful fetch and the articles it contributed', () => {
    const html = page('sources/index.html');
    const row = html.slice(html.indexOf('id="feed-news-test"'));
    expect(html).toMatch(/<caption[^>]*>\s*1 feed\s*<\/caption>/);
    expect(row).not.toContain('Failing');
    expect(row).toContain('News Test');
    expect(row).toContain(`>${base}/feed.xml</a>`);
    expect(row).toContain('Working');
    expect(row).toMatch(/<time datetime="\d{4}-\d\d-\d\dT[^"]+Z"[^>]*>/);
    expect(row).toMatch(/<td class="number"[^>]*>3<\/td>/);
    expect(html).not.toContain('No ingest run recorded');
  });
});
