/**
 * Nothing ingest writes can stop the update. On a scratch content folder, ingest meets each clash
 * it can cause: a new article whose URL an entry cites (it joins the entry's story), one cited by
 * two entries of different stories (set aside with its reason), and a company the classifier
 * proposes that is not on file. `npm run check` reports the machine-made ones as warnings and
 * passes; the site builds; a later run stores the set-aside article once the editors agree.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignStories } from '../../src/lib/classify/cluster.ts';
import { loadFeedsFile } from '../../src/lib/content/feeds.ts';
import { readCitations } from '../../src/lib/ingest/citations.ts';
import { runIngest } from '../../src/lib/ingest/run.ts';
import { setAsideDirFor } from '../../src/lib/ingest/set-aside.ts';
import { rss } from '../fixtures/feeds/build.ts';
import { feed, startFeedServer, status, type FeedServer } from '../support/feed-server.ts';
import { astroCacheDirOf, buildSite } from '../support/site-build.ts';
import { runScript, runScriptAsync, scratchContent, writeArticle } from './editor-support.ts';

const JOINS = 'https://news.aidw.test/meta-pauses-eu-training';
const CLASHES = 'https://news.aidw.test/linkedin-opts-members-in';
const PLAIN = 'https://news.aidw.test/reddit-licenses-posts';
const PROPOSED = 'https://news.aidw.test/acme-trains-on-photos';

const item = (link: string, title: string, description: string) => ({
  title,
  link,
  description,
  pubDate: 'Mon, 16 Sep 2024 10:00:00 GMT',
});

const entry = (title: string, company: string, articles: string[], sources: string[]) => `---
title: ${title}
date: 2024-09-16
companies: [${company}]
regions: [GLOBAL]
kind: statement
summary: A test entry for the clashes ingest must not cause.
articles: [${articles.join(', ')}]
sources:
${sources.map((url) => `  - { url: ${url}, title: A source, publisher: News Test }`).join('\n')}
---
`;

function goneTwice(url: string) {
  const at = '2024-09-15T06:00:00.000Z';
  const gone = {
    id: 'gone',
    url,
    publisher: 'Gone Daily',
    status: 'failed',
    reason: 'HTTP 404 Not Found',
    lastAttempt: at,
    lastError: { at, reason: 'HTTP 404 Not Found' },
    consecutiveFailures: 2,
    failingSince: '2024-09-15T00:00:00.000Z',
    itemsSeen: 0,
    itemsKept: 0,
    itemsNew: 0,
    itemsDropped: 0,
    totalContributed: 0,
    durationMs: 5,
  };
  const zero = { itemsSeen: 0, itemsKept: 0, itemsNew: 0, itemsDropped: 0, articles: 0 };
  return {
    startedAt: at,
    finishedAt: at,
    durationMs: 0,
    totals: { feeds: 1, ok: 0, notModified: 0, failed: 1, ...zero },
    feeds: [gone],
  };
}

let server: FeedServer;
let summary: ReturnType<typeof runScript>;
let content: string;
let dist: string;
let state: string;
let firstRun: Awaited<ReturnType<typeof runScriptAsync>>;
let check: ReturnType<typeof runScript>;
let build: ReturnType<typeof buildSite>;
const articleAt = (url: string) =>
  fs
    .readdirSync(path.join(content, 'articles'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(content, 'articles', f), 'utf8')))
    .find((a) => a.url === url);
const setAside = () =>
  fs.existsSync(setAsideDirFor(path.join(content, 'articles')))
    ? fs.readdirSync(setAsideDirFor(path.join(content, 'articles')))
    : [];

beforeAll(async () => {
  server = await startFeedServer({
    '/news.xml': feed(
      rss([
        item(
          JOINS,
          'Meta pauses plans to train AI on Facebook and Instagram posts in the EU',
          'Meta said it would delay training its language models on public posts by adults in the EU.',
        ),
        item(
          CLASHES,
          'LinkedIn quietly opts users into training generative AI models',
          'LinkedIn began using members’ data to train generative AI models, switched on by default.',
        ),
        item(
          PLAIN,
          'Reddit signs a data licensing deal so Google can train AI on its users’ posts',
          'Reddit agreed to let Google train its AI models on posts by Reddit users.',
        ),
      ]),
    ),
    '/gone.xml': status(404),
    '/proposed.xml': feed(
      rss([item(PROPOSED, 'Acme trains its AI on users’ photos', 'Acme will train AI on photos.')]),
    ),
  });
  content = scratchContent('aidw-machine-made-');
  dist = `${content}-dist`;
  state = `${content}.state.json`;
  fs.writeFileSync(
    path.join(content, 'feeds.yaml'),
    `fetch: { retries: 0 }\nfeeds:\n  - id: news-test\n    url: ${server.url}/news.xml\n    publisher: News Test\n` +
      `  - id: gone\n    url: ${server.url}/gone.xml\n    publisher: Gone Daily\n`,
  );
  // Two earlier runs found the Gone Daily feed missing already.
  fs.writeFileSync(
    path.join(content, 'feeds-health.json'),
    JSON.stringify(goneTwice(`${server.url}/gone.xml`)),
  );
  // Two stories an editor already wrote entries for.
  writeArticle(content, {
    id: 'meta-story-000001',
    url: 'https://other.aidw.test/meta-first',
    title: 'Meta tells European users their posts will train its models',
    published: '2024-06-01T09:00:00.000Z',
    companies: ['meta'],
    regions: ['EU'],
    story: 's-meta-story-000001',
  });
  writeArticle(content, {
    id: 'linkedin-story-001',
    url: 'https://other.aidw.test/linkedin-first',
    title: 'LinkedIn updates its privacy policy',
    published: '2024-09-18T09:00:00.000Z',
    companies: ['linkedin'],
    regions: ['GLOBAL'],
    story: 's-linkedin-story-001',
  });
  fs.writeFileSync(
    path.join(content, 'entries', '2024-09-16-meta-pause.md'),
    entry('Meta pauses training on EU posts', 'meta', ['meta-story-000001'], [JOINS, CLASHES]),
  );
  fs.writeFileSync(
    path.join(content, 'entries', '2024-09-16-linkedin-opt-in.md'),
    entry('LinkedIn opts members in', 'linkedin', ['linkedin-story-001'], [CLASHES]),
  );

  firstRun = await runScriptAsync('ingest', ['--state', state], content);

  // The classifier naming a company that is not in content/companies/, as it may.
  const proposedFeeds = path.join(content, '..', `${path.basename(content)}.proposed.yaml`);
  fs.writeFileSync(
    proposedFeeds,
    `feeds:\n  - id: proposed\n    url: ${server.url}/proposed.xml\n    publisher: Proposed\n`,
  );
  await runIngest({
    feeds: loadFeedsFile(proposedFeeds),
    outDir: path.join(content, 'articles'),
    statePath: `${state}.proposed`,
    healthPath: path.join(content, '..', `${path.basename(content)}.proposed-health.json`),
    classify: () => ({
      relevant: true,
      score: 0.8,
      language: 'en',
      companies: ['acme-ai'],
      regions: ['GLOBAL'],
      why: ["'Acme' → acme-ai (not on file)"],
    }),
    assignStories,
    citations: (storyOf) => readCitations(path.join(content, 'entries'), storyOf),
  });

  check = runScript('check', [], content);
  build = buildSite(content, dist, 300_000);
  summary = runScript('update-summary', [], content);
}, 400_000);

afterAll(async () => {
  await server?.close();
  for (const p of [content, dist, state, content && astroCacheDirOf(content)])
    if (p) fs.rmSync(p, { recursive: true, force: true });
  for (const suffix of ['.proposed.yaml', '.state.json.proposed', '.proposed-health.json'])
    if (content) fs.rmSync(`${content}${suffix}`, { force: true });
});

describe('what ingest stores when entries cite the URLs it meets', () => {
  it('completes the run and names the article that joined an entry’s story', () => {
    expect(firstRun.status, firstRun.stderr).toBe(0);
    expect(firstRun.stdout).toMatch(
      /article \S+ joined story s-meta-story-000001: entries\/2024-09-16-meta-pause\.md cites its URL/,
    );
  });

  it('files an article an entry cites under that entry’s story', () => {
    expect(articleAt(JOINS)?.story).toBe('s-meta-story-000001');
  });

  it('sets aside an article two entries of different stories cite, with the reason', () => {
    expect(articleAt(CLASHES)).toBeUndefined();
    const [file] = setAside();
    const held = JSON.parse(
      fs.readFileSync(path.join(setAsideDirFor(path.join(content, 'articles')), file!), 'utf8'),
    );
    expect(held.article.url).toBe(CLASHES);
    expect(held.reason).toContain(
      'entries/2024-09-16-linkedin-opt-in.md (story s-linkedin-story-001)',
    );
    expect(held.reason).toContain('entries/2024-09-16-meta-pause.md (story s-meta-story-000001)');
    expect(firstRun.stderr).toMatch(
      /warning: article \S+ set aside in .*set-aside: its URL is cited by/,
    );
  });

  it('stores an article nobody cites as usual', () => {
    expect(articleAt(PLAIN)).toBeDefined();
    expect(articleAt(PROPOSED)?.companies).toEqual(['acme-ai']);
  });
});

describe('npm run check and the build after that run', () => {
  it('passes, listing the machine-made findings as warnings with the article and the fix', () => {
    expect(check.stdout + check.stderr).not.toMatch(/problems? in/);
    expect(check.status, check.stderr).toBe(0);
    const warnings = check.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    const setAsideWarning = warnings.find((w) => w.includes('set aside on'));
    expect(setAsideWarning).toContain(CLASHES);
    expect(setAsideWarning).toContain('the next ingest stores it');
    const companyWarning = warnings.find((w) => w.includes('"acme-ai"'));
    expect(companyWarning).toContain('Acme trains its AI');
    expect(companyWarning).toContain('add content/companies/acme-ai.yaml');
  });

  it('builds the site, showing the joined article with its entry and the new company’s article', () => {
    expect(build.status, build.output).toBe(0);
    const home = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(home).toContain('Acme trains its AI on users’ photos');
    expect(home).not.toContain('LinkedIn quietly opts users into training');
  });

  it('shows /sources/ asking for an editor on the feed that has now failed three runs, with what to do', () => {
    const html = fs.readFileSync(path.join(dist, 'sources', 'index.html'), 'utf8');
    const section = html.slice(html.indexOf('id="attention-heading"'), html.indexOf('</section>'));
    expect(section).toContain('Feeds that need attention');
    expect(section).toContain('href="#feed-gone"');
    expect(section).toMatch(/failing for 3 runs in a row\s+since/);
    expect(section).toContain('What to do:');
  });

  it('writes the update summary with the new articles, the failing feed and the warnings', () => {
    expect(summary.status, summary.stderr).toBe(0);
    // The article of the classifier's own run came after the report's run.
    expect(summary.stdout).toContain('| New articles | 2 |');
    expect(summary.stdout).toContain('| gone | 3 | HTTP 404 Not Found |');
    expect(summary.stdout).toContain('| Check warnings | 2 |');
    expect(summary.stdout).toMatch(
      /- .*set-aside.* — article \S+ \(https:\/\/news\.aidw\.test\/linkedin/,
    );
  });

  it('stores the set-aside article on the next run once the editors agree on its story', async () => {
    fs.writeFileSync(
      path.join(content, 'entries', '2024-09-16-meta-pause.md'),
      entry('Meta pauses training on EU posts', 'meta', ['meta-story-000001'], [JOINS]),
    );
    const again = await runScriptAsync('ingest', ['--state', state], content);
    expect(again.status, again.stderr).toBe(0);
    expect(articleAt(CLASHES)?.story).toBe('s-linkedin-story-001');
    expect(setAside()).toEqual([]);
    expect(runScript('check', [], content).status).toBe(0);
  });
});
