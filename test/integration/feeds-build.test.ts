/**
 * Builds the site once, from a copy of content/ plus the fixtures in test/fixtures/feeds-build
 * (stories, a hidden article, an entry that needs escaping), at a site address other than the
 * default, and reads every feed, calendar and export back with real parsers.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import Parser from 'rss-parser';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/lib/content/load-taxonomy.ts';
import { MOVED_ENTRIES } from '../../src/lib/content/moved-entries.ts';
import { FEED_LIMIT } from '../../src/lib/feeds/rss.ts';

const SITE = 'https://watch.example.org/';
const FIXTURES = path.resolve('test/fixtures/feeds-build');
const STORY = 'watch-example-meta-eu-pause-a';
const HIDDEN = 'watch-example-hidden-offtopic';
const TRICKY_ENTRY = '2029-12-20-fixture-deadline-to-object';

let tmp: string;
let dist: string;
let contentRoot: string;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : [p];
  });
}
const read = (rel: string) => fs.readFileSync(path.join(dist, rel), 'utf8');
const urlOf = (file: string) =>
  new URL(path.relative(dist, file).split(path.sep).join('/'), SITE).href;
const fileOf = (url: string) => path.join(dist, new URL(url).pathname);

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aidw-feeds-build-'));
  contentRoot = path.join(tmp, 'content');
  fs.cpSync(path.resolve('content'), contentRoot, { recursive: true });
  fs.mkdirSync(path.join(contentRoot, 'articles'), { recursive: true });
  fs.cpSync(path.join(FIXTURES, 'articles'), path.join(contentRoot, 'articles'), {
    recursive: true,
  });
  fs.cpSync(path.join(FIXTURES, 'entries'), path.join(contentRoot, 'entries'), { recursive: true });
  const overridesFile = path.join(contentRoot, 'overrides.yaml');
  const overrides = (
    fs.existsSync(overridesFile) ? (parseYaml(fs.readFileSync(overridesFile, 'utf8')) ?? {}) : {}
  ) as { articles?: Record<string, unknown> };
  overrides.articles = { ...overrides.articles, [HIDDEN]: { hide: true, reason: 'off-topic' } };
  fs.writeFileSync(overridesFile, stringifyYaml(overrides));

  dist = path.join(tmp, 'dist');
  // Astro's programmatic build, in a child process, so this build gets its own cache folder and
  // its content store never mixes with any other build's.
  const script = `import { build } from 'astro';
await build({ root: process.cwd(), outDir: ${JSON.stringify(dist)}, cacheDir: ${JSON.stringify(path.join(tmp, 'cache'))}, logLevel: 'error' });`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, AIDW_CONTENT_DIR: contentRoot, SITE_URL: SITE },
    stdio: 'pipe',
  });
}, 180_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (n) => ['outline', 'url', 'category'].includes(n),
});
const rss = new Parser();

interface Category {
  _: string;
  $: { domain: string };
}
type FeedItem = Omit<Parser.Item, 'categories'> & { categories?: Category[] };

async function feed(file: string) {
  const text = fs.readFileSync(file, 'utf8');
  const parsed = await rss.parseString(text);
  const channel = xml.parse(text).rss.channel as Record<string, unknown>;
  const self = channel['atom:link'] as { '@_href': string; '@_rel': string };
  return { parsed, items: parsed.items as unknown as FeedItem[], self, channel };
}

/** The addresses the /feeds/ page shows as selectable text. */
const shownAddresses = () =>
  new Set([...read('feeds/index.html').matchAll(/<code[^>]*>([^<]+)<\/code>/g)].map((m) => m[1]));

/** Every built feed; a check over all of them must not pass by finding none. */
const feedFiles = () => {
  const files = walk(dist).filter((f) => f.endsWith('rss.xml'));
  expect(files.length, 'no rss.xml was built').toBeGreaterThan(2);
  return files;
};

interface EntryRecord {
  id: string;
  url: string;
  date: string;
  companies: string[];
  regions: string[];
  effective?: string;
}

describe('the built feeds', () => {
  it('are discoverable: the OPML file and the /feeds/ page list exactly the feeds that were built', () => {
    const built = feedFiles().map(urlOf).sort();
    const opml = xml.parse(read('feeds.opml')).opml.body.outline as {
      outline: { '@_xmlUrl': string }[];
    }[];
    const listed = opml.flatMap((g) => g.outline.map((o) => o['@_xmlUrl'])).sort();
    expect(listed).toEqual(built);
    const shown = shownAddresses();
    for (const url of built) expect(shown.has(url), url).toBe(true);
    expect(built).toContain(`${SITE}companies/meta/rss.xml`);
    expect(built).toContain(`${SITE}regions/eu/rss.xml`);
  });

  it('every feed a page links in its <head> exists', () => {
    const linked = new Set<string>();
    for (const html of walk(dist).filter((f) => f.endsWith('.html'))) {
      for (const tag of fs.readFileSync(html, 'utf8').match(/<link [^>]*rel="alternate"[^>]*>/g) ??
        []) {
        const href = /href="([^"]+)"/.exec(tag)?.[1];
        if (href) linked.add(href);
      }
    }
    expect(linked.size).toBeGreaterThan(2);
    for (const href of linked) {
      expect(href.startsWith(SITE), href).toBe(true);
      expect(fs.existsSync(fileOf(href)), href).toBe(true);
    }
  });

  it('parse, with absolute http(s) links, unique guids, valid dates newest first, and a bounded length', async () => {
    for (const file of feedFiles()) {
      const { parsed, items } = await feed(file);
      const where = urlOf(file);
      expect(parsed.title, where).toMatch(/^AI Data Watch: /);
      expect(parsed.description, where).toBeTruthy();
      expect(items.length, where).toBeGreaterThan(0);
      expect(items.length, where).toBeLessThanOrEqual(FEED_LIMIT);
      for (const item of items) {
        expect(new URL(item.link!).protocol, where).toMatch(/^https?:$/);
        expect(Number.isNaN(Date.parse(item.pubDate!)), where).toBe(false);
        expect(item.content, where).not.toMatch(/<[a-z/]/i);
      }
      expect(new Set(items.map((i) => i.guid)).size, where).toBe(items.length);
      const times = items.map((i) => Date.parse(i.isoDate!));
      expect(times, where).toEqual([...times].sort((a, b) => b - a));
    }
  });

  it('have a self link to their own address, a channel link, a language and a lastBuildDate of the newest item', async () => {
    for (const file of feedFiles()) {
      const { parsed, items, self, channel } = await feed(file);
      expect(self['@_href']).toBe(urlOf(file));
      expect(self['@_rel']).toBe('self');
      expect(parsed.link!.startsWith(SITE)).toBe(true);
      expect(channel['language']).toBe('en');
      expect(Date.parse(parsed.lastBuildDate!)).toBe(Date.parse(items[0]!.isoDate!));
    }
  });

  it('keep each company feed to that company’s items, each filed under its name', async () => {
    const { companies } = loadTaxonomy(contentRoot);
    const entries = (JSON.parse(read('data/entries.json')) as { records: EntryRecord[] }).records;
    const files = walk(path.join(dist, 'companies')).filter((f) => f.endsWith('rss.xml'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const id = path.basename(path.dirname(file));
      const name = companies.find((c) => c.id === id)!.name;
      const { parsed, items } = await feed(file);
      expect(parsed.title).toBe(`AI Data Watch: ${name}`);
      for (const item of items) {
        const names = (item.categories ?? [])
          .filter((c) => c.$.domain === `${SITE}companies/`)
          .map((c) => c._);
        expect(names, `${id}: ${item.title}`).toContain(name);
      }
      // Every entry of the company is there, unless the feed is full and it is older than the oldest shown.
      const oldest = Date.parse(items.at(-1)!.isoDate!);
      const expected = entries
        .filter((e) => e.companies.includes(id))
        .filter((e) => items.length < FEED_LIMIT || Date.parse(e.date) > oldest)
        .map((e) => e.url);
      const shown = items.map((i) => i.link);
      for (const url of expected) expect(shown, `${id} is missing ${url}`).toContain(url);
    }
  });

  it('keep each region feed to that region’s items', async () => {
    const { regions } = loadTaxonomy(contentRoot);
    const files = walk(path.join(dist, 'regions')).filter((f) => f.endsWith('rss.xml'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const code = path.basename(path.dirname(file)).toUpperCase();
      const name = regions.find((r) => r.code === code)!.name;
      const { items } = await feed(file);
      for (const item of items) {
        const names = (item.categories ?? [])
          .filter((c) => c.$.domain === `${SITE}regions/`)
          .map((c) => c._);
        expect(names, `${code}: ${item.title}`).toContain(name);
      }
    }
  });

  it('file every item under exactly one kind', async () => {
    const { items } = await feed(path.join(dist, 'rss.xml'));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(
        (item.categories ?? []).filter((c) => c.$.domain === `${SITE}data/#kinds`),
      ).toHaveLength(1);
    }
  });

  it('show a story once, linked to its earliest article, with a story guid and its sources counted', async () => {
    const { items } = await feed(path.join(dist, 'companies/meta/rss.xml'));
    const story = items.filter((i) => i.guid === `story:${STORY}`);
    expect(story).toHaveLength(1);
    expect(story[0]!.link).toBe('https://news.watch-example.org/2030/meta-eu-pause?id=1&ref=home');
    expect(story[0]!.title).toBe('Meta <em>halts</em> plan & "rethinks" EU AI training');
    expect(story[0]!.contentSnippet).toContain('Reported by 3 sources.');
    expect(story[0]!.contentSnippet).toContain('<script>alert(1)</script> is text here.');
    expect(story[0]!.contentSnippet).toContain('https://third-example.com/meta-eu');
  });

  it('never carry an article editors hid', async () => {
    for (const file of feedFiles()) {
      const { items } = await feed(file);
      expect(items.map((i) => i.guid)).not.toContain(`story:${HIDDEN}`);
    }
    expect(read('data/articles.json')).not.toContain(HIDDEN);
  });

  it('keep stories out of the curated entries feed', async () => {
    const { items } = await feed(path.join(dist, 'entries/rss.xml'));
    const entries = (JSON.parse(read('data/entries.json')) as { records: EntryRecord[] }).records;
    expect(entries.length).toBeGreaterThan(0);
    expect(items.map((i) => i.link)).toEqual(entries.slice(0, FEED_LIMIT).map((e) => e.url));
    expect(items.every((i) => i.guid === i.link)).toBe(true);
  });
});

describe('the built calendars', () => {
  const events = (rel: string) => {
    const cal = new ICAL.Component(ICAL.parse(read(rel)));
    return cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  };
  const entries = () =>
    (JSON.parse(read('data/entries.json')) as { records: EntryRecord[] }).records.filter(
      (e) => e.effective,
    );

  it('have one all-day event per entry with an effective date, on that date', () => {
    const byUid = new Map(events('calendar.ics').map((e) => [e.uid, e]));
    const dated = entries();
    expect(dated.length).toBeGreaterThan(0);
    expect(byUid.size).toBe(dated.length);
    for (const entry of dated) {
      const event = byUid.get(`${entry.id}@watch.example.org`);
      expect(event, entry.id).toBeDefined();
      expect(event!.startDate.isDate).toBe(true);
      expect(event!.startDate.toString()).toBe(entry.effective);
      const next = event!.startDate.clone();
      next.adjust(1, 0, 0, 0);
      expect(event!.endDate.toString()).toBe(next.toString());
      expect(event!.component.getFirstPropertyValue('url')).toBe(entry.url);
    }
  });

  it('round-trip a title full of commas, semicolons and quotes', () => {
    const event = events('calendar.ics').find(
      (e) => e.uid === `${TRICKY_ENTRY}@watch.example.org`,
    )!;
    expect(event.summary).toBe(
      'Last day to object: Meta, Instagram; and "AI" <training> in Ireland & the EU',
    );
    expect(event.endDate.toString()).toBe('2030-01-01');
    expect(event.description).toContain('https://regulator-example.ie/news?item=42&lang=en');
  });

  it('use CRLF line ends and fold lines at 75 octets', () => {
    const text = read('calendar.ics');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
  });

  it('exist for each company with dated entries and hold only its events', () => {
    const dated = entries();
    const withDates = [...new Set(dated.flatMap((e) => e.companies))].sort();
    const built = walk(path.join(dist, 'companies'))
      .filter((f) => f.endsWith('calendar.ics'))
      .map((f) => path.basename(path.dirname(f)))
      .sort();
    expect(built).toEqual(withDates);
    for (const id of built) {
      const uids = events(`companies/${id}/calendar.ics`)
        .map((e) => e.uid)
        .sort();
      expect(uids).toEqual(
        dated
          .filter((e) => e.companies.includes(id))
          .map((e) => `${e.id}@watch.example.org`)
          .sort(),
      );
    }
  });

  it('are listed on the /feeds/ page', () => {
    const shown = shownAddresses();
    const calendars = walk(dist).filter((f) => f.endsWith('.ics'));
    expect(calendars.length).toBeGreaterThan(1);
    for (const f of calendars) {
      expect(shown.has(urlOf(f)), urlOf(f)).toBe(true);
    }
  });
});

describe('the open-data export', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);

  for (const kind of ['entries', 'articles'] as const) {
    it(`${kind}.json validates against the schema published at /data/schema/${kind}.schema.json`, () => {
      const schema = JSON.parse(read(`data/schema/${kind}.schema.json`));
      const data = JSON.parse(read(`data/${kind}.json`));
      expect(data.$schema).toBe(`${SITE}data/schema/${kind}.schema.json`);
      expect(schema.$id).toBe(data.$schema);
      const validate = ajv.compile(schema);
      expect(validate(data), ajv.errorsText(validate.errors)).toBe(true);
      expect(data.count).toBe(data.records.length);
    });

    it(`${kind}.csv has the same records as ${kind}.json`, () => {
      const rows = parseCsv(read(`data/${kind}.csv`), { columns: true }) as { id: string }[];
      const data = JSON.parse(read(`data/${kind}.json`)) as { records: { id: string }[] };
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.id)).toEqual(data.records.map((r) => r.id));
    });
  }

  it('lists every entry that has a page, and no drafts', () => {
    const pages = fs
      .readdirSync(path.join(dist, 'entries'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && !(d.name in MOVED_ENTRIES))
      .map((d) => d.name)
      .sort();
    const ids = (JSON.parse(read('data/entries.json')) as { records: EntryRecord[] }).records
      .map((e) => e.id)
      .sort();
    expect(pages.length).toBeGreaterThan(0);
    expect(ids).toEqual(pages);
  });

  it('includes ingested articles with editors’ overrides applied', () => {
    const { records } = JSON.parse(read('data/articles.json')) as { records: { id: string }[] };
    expect(records.map((r) => r.id)).toEqual([
      'watch-example-linkedin-us',
      'third-example-meta-eu-pause',
      'second-example-meta-eu-pause',
      'watch-example-meta-eu-pause-a',
    ]);
  });

  it('is documented on the /data/ page with its licence', () => {
    const page = read('data/index.html');
    expect(page).toContain('https://creativecommons.org/licenses/by/4.0/');
    for (const href of [
      '/data/entries.json',
      '/data/entries.csv',
      '/data/articles.json',
      '/data/articles.csv',
    ]) {
      expect(page).toContain(`href="${href}"`);
      expect(fs.existsSync(path.join(dist, href))).toBe(true);
    }
    expect(page).toContain('id="kinds"');
  });
});

describe('search engines', () => {
  it('find the feeds and data pages in the sitemap, at the configured site address', () => {
    const index = xml.parse(read('sitemap-index.xml'));
    expect(index.sitemapindex).toBeDefined();
    const urls = (xml.parse(read('sitemap-0.xml')).urlset.url as { loc: string }[]).map(
      (u) => u.loc,
    );
    expect(urls).toContain(`${SITE}feeds/`);
    expect(urls).toContain(`${SITE}data/`);
    expect(urls.every((u) => u.startsWith(SITE))).toBe(true);
  });

  it('are pointed at the sitemap by robots.txt, at the configured site address', () => {
    expect(read('robots.txt')).toContain(`Sitemap: ${SITE}sitemap-index.xml`);
  });

  it('read NewsArticle JSON-LD on an entry page, with the effective date as an Event', () => {
    const html = read(`entries/${TRICKY_ENTRY}/index.html`);
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
    const ld = JSON.parse(json!) as Record<string, unknown>;
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld['url']).toBe(`${SITE}entries/${TRICKY_ENTRY}/`);
    expect(ld['headline']).toBe(
      'Last day to object: Meta, Instagram; and "AI" <training> in Ireland & the EU',
    );
    const event = (ld['about'] as { '@type': string; startDate?: string }[]).find(
      (a) => a['@type'] === 'Event',
    );
    expect(event?.startDate).toBe('2029-12-31');
  });
});
