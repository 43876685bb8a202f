import { getRssString } from '@astrojs/rss';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import type { Company, Region } from '../../src/lib/content/taxonomy.ts';
import type { TimelineItem } from '../../src/lib/timeline/items.ts';
import { feedCatalog } from '../../src/lib/feeds/catalog.ts';
import { feedNames } from '../../src/lib/feeds/names.ts';
import { FEED_LIMIT, itemDescription, rssChannel } from '../../src/lib/feeds/rss.ts';

const site = new URL('https://aidatawatch.org');
const companies = [
  { id: 'linkedin', name: 'LinkedIn' },
  { id: 'meta', name: 'Meta' },
] as Company[];
const regions = [
  { id: 'eu', code: 'EU', name: 'European Union / EEA' },
  { id: 'us', code: 'US', name: 'United States' },
] as Region[];
const names = feedNames(companies, regions);

const entry: TimelineItem = {
  type: 'entry',
  id: '2024-09-18-linkedin-opts-in',
  title: 'LinkedIn opts members into AI training',
  date: '2024-09-18T00:00:00.000Z',
  datePrecision: 'day',
  kind: 'policy-change',
  summary: 'LinkedIn began using members’ data.',
  companies: ['linkedin'],
  regions: ['US'],
  href: '/entries/2024-09-18-linkedin-opts-in/',
  sources: [{ url: 'https://www.linkedin.com/blog/x', title: 'Updates', publisher: 'LinkedIn' }],
  effective: '2024-11-03',
};

const story: TimelineItem = {
  type: 'story',
  id: 'meta-eu-story',
  title: 'Meta <b>pauses</b> AI training in the EU & "UK"',
  date: '2024-06-14T09:30:00.000Z',
  datePrecision: 'day',
  summary: 'Tom & Jerry <script>alert(1)</script> said so.',
  companies: ['meta'],
  regions: ['EU'],
  href: 'https://news.example/meta?x=1&y=2',
  sources: Array.from({ length: 7 }, (_, i) => ({
    url: `https://news${i}.example/meta`,
    title: `Report ${i}`,
    publisher: `Outlet ${i}`,
    date: '2024-06-14T09:30:00.000Z',
  })),
};

const parser = new Parser();
const catalog = feedCatalog([entry, story], companies, regions);
const feed = (path: string) => catalog.find((f) => f.path === path)!;

async function render(path: string, items: TimelineItem[]) {
  const xml = await getRssString(rssChannel(feed(path), items, site, names));
  return { xml, parsed: await parser.parseString(xml) };
}

describe('rssChannel', () => {
  it('links entries to their page and uses that address as a permanent guid', async () => {
    const { xml, parsed } = await render('/rss.xml', [entry, story]);
    const item = parsed.items.find((i) => i.title === entry.title)!;
    expect(item.link).toBe('https://aidatawatch.org/entries/2024-09-18-linkedin-opts-in/');
    expect(item.guid).toBe(item.link);
    expect(xml).toContain(`<guid isPermaLink="true">${item.link}</guid>`);
  });

  it('links stories to the lead article and gives them a story guid that is not a link', async () => {
    const { xml, parsed } = await render('/rss.xml', [entry, story]);
    const item = parsed.items.find((i) => i.guid === 'story:meta-eu-story')!;
    expect(item.link).toBe('https://news.example/meta?x=1&y=2');
    expect(xml).toContain('<guid isPermaLink="false">story:meta-eu-story</guid>');
  });

  it('shows headlines that look like markup as the literal text', async () => {
    const { parsed } = await render('/rss.xml', [story]);
    expect(parsed.items[0]!.title).toBe('Meta <b>pauses</b> AI training in the EU & "UK"');
  });

  it('escapes descriptions so a reader that renders HTML shows the text and runs nothing', async () => {
    const { parsed } = await render('/rss.xml', [story]);
    const item = parsed.items[0]!;
    expect(item.content).not.toMatch(/<[a-z]/i);
    expect(item.content).toContain('&lt;script&gt;');
    expect(item.contentSnippet).toContain('Tom & Jerry <script>alert(1)</script> said so.');
  });

  it('files each item under its companies, regions and kind, each with its taxonomy', async () => {
    const { parsed } = await render('/rss.xml', [entry, story]);
    const categories = (parsed.items.find((i) => i.title === entry.title)!.categories ??
      []) as unknown as { _: string; $: { domain: string } }[];
    expect(categories.map((c) => [c.$.domain, c._])).toEqual([
      ['https://aidatawatch.org/companies/', 'LinkedIn'],
      ['https://aidatawatch.org/regions/', 'United States'],
      ['https://aidatawatch.org/data/#kinds', 'Policy change'],
    ]);
  });

  it('sets the channel link, language, self link and a lastBuildDate equal to the newest item', async () => {
    const { xml, parsed } = await render('/companies/meta/rss.xml', [entry, story]);
    expect(parsed.link).toBe('https://aidatawatch.org/companies/meta/');
    expect(parsed.language).toBe('en');
    expect(parsed.lastBuildDate).toBe('Fri, 14 Jun 2024 09:30:00 GMT');
    expect(xml).toContain(
      '<atom:link href="https://aidatawatch.org/companies/meta/rss.xml" rel="self" type="application/rss+xml"/>',
    );
    expect(xml).toContain('xmlns:atom="http://www.w3.org/2005/Atom"');
  });

  it('keeps a company feed to that company’s items', async () => {
    const { parsed } = await render('/companies/linkedin/rss.xml', [entry, story]);
    expect(parsed.items.map((i) => i.title)).toEqual([entry.title]);
  });

  it('keeps stories out of the curated entries feed', async () => {
    const { parsed } = await render('/entries/rss.xml', [entry, story]);
    expect(parsed.items.map((i) => i.guid)).toEqual([
      'https://aidatawatch.org/entries/2024-09-18-linkedin-opts-in/',
    ]);
  });

  it(`carries only the newest ${FEED_LIMIT} items, newest first`, async () => {
    const many = Array.from({ length: FEED_LIMIT + 20 }, (_, i) => ({
      ...entry,
      id: `e-${String(i).padStart(3, '0')}`,
      href: `/entries/e-${i}/`,
      date: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
    }));
    const { parsed } = await render('/rss.xml', many);
    expect(parsed.items).toHaveLength(FEED_LIMIT);
    const dates = parsed.items.map((i) => Date.parse(i.isoDate!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(parsed.items[0]!.isoDate).toBe(many.at(-1)!.date);
  });

  it('omits lastBuildDate from an empty feed instead of inventing one', async () => {
    const { xml } = await render('/rss.xml', []);
    expect(xml).not.toContain('lastBuildDate');
  });
});

describe('itemDescription', () => {
  it('names the companies, regions, kind, effective date and sources of an entry', () => {
    expect(itemDescription(entry, names)).toBe(
      [
        'LinkedIn began using members’ data.',
        'Companies: LinkedIn. Regions: United States. Kind: Policy change.',
        'Takes effect or deadline: 3 November 2024.',
        'Source: Updates (LinkedIn), https://www.linkedin.com/blog/x',
      ].join('\n\n'),
    );
  });

  it('counts a story’s sources and lists the first five', () => {
    const text = itemDescription(story, names);
    expect(text).toContain('Reported by 7 sources.');
    expect(text).toContain('Report 4 (Outlet 4), https://news4.example/meta; and 2 more');
    expect(text).not.toContain('Report 5');
  });

  it('uses the id when a company has no display name', () => {
    expect(itemDescription({ ...entry, companies: ['unknown-co'] }, names)).toContain(
      'Companies: unknown-co.',
    );
  });
});
