import { describe, expect, it } from 'vitest';
import { FeedError } from '../../src/lib/ingest/errors.ts';
import { normaliseItems } from '../../src/lib/ingest/normalise.ts';
import { parseFeedBody } from '../../src/lib/ingest/parse.ts';
import { atom, rss } from '../fixtures/feeds/build.ts';

const LIMITS = { maxBytes: 5_000_000 };
const bytes = (s: string) => Buffer.from(s, 'utf8');
const fetchedAt = new Date('2024-06-01T12:00:00Z');
const read = async (doc: string, documentUrl = 'https://news.example.org/feed.xml') =>
  normaliseItems(await parseFeedBody(bytes(doc), undefined, LIMITS), {
    documentUrl,
    fetchedAt,
    maxItems: 100,
  });

describe('parseFeedBody and normaliseItems', () => {
  it('reads RSS 2.0 items into clean articles', async () => {
    const { items, dropped } = await read(
      rss([
        {
          title: 'Meta <b>AI</b> &amp; you',
          link: 'https://news.example.org/a?utm_source=rss#top',
          description: '<p>First <script>alert(1)</script>paragraph</p>',
          pubDate: 'Tue, 14 May 2024 09:30:00 +0200',
        },
      ]),
    );
    expect(dropped).toEqual([]);
    expect(items).toEqual([
      {
        id: expect.stringMatching(/^news-example-org-a-[0-9a-f]{10}$/),
        url: 'https://news.example.org/a',
        title: 'Meta AI & you',
        summary: 'First paragraph',
        published: '2024-05-14T07:30:00.000Z',
        dateEstimated: false,
      },
    ]);
  });

  it('reads Atom entries, preferring the published date over updated', async () => {
    const { items } = await read(
      atom([
        {
          title: 'Entry',
          link: 'https://news.example.org/e',
          summary: 'Sum',
          published: '2024-05-01T10:00:00Z',
          updated: '2024-05-20T10:00:00Z',
        },
      ]),
    );
    expect(items[0]).toMatchObject({ title: 'Entry', published: '2024-05-01T10:00:00.000Z' });
  });

  it('keeps the other entries of an Atom feed when one date is unreadable', async () => {
    const { items } = await read(
      atom([
        { title: 'Bad date', link: 'https://news.example.org/1', published: 'yesterday-ish' },
        {
          title: 'Good date',
          link: 'https://news.example.org/2',
          published: '2024-05-01T10:00:00Z',
        },
      ]),
    );
    expect(items.map((i) => [i.title, i.dateEstimated])).toEqual([
      ['Bad date', true],
      ['Good date', false],
    ]);
  });

  it('drops items with javascript: or data: links or no link at all, saying why', async () => {
    const { items, dropped } = await read(
      rss([
        { title: 'Script link', link: 'javascript:alert(document.cookie)' },
        { title: 'Data link', link: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' },
        { title: 'No link', description: 'Nothing to point at' },
        { title: 'Fine', link: 'https://news.example.org/fine' },
      ]),
    );
    expect(items.map((i) => i.title)).toEqual(['Fine']);
    expect(dropped).toEqual([
      { reason: 'link uses javascript: (only http and https are kept)', title: 'Script link' },
      { reason: 'link uses data: (only http and https are kept)', title: 'Data link' },
      { reason: 'has no link', title: 'No link' },
    ]);
  });

  it('uses a permalink guid when the item has no link', async () => {
    const { items } = await read(rss([{ title: 'Guid only', guid: 'https://news.example.org/g' }]));
    expect(items[0]?.url).toBe('https://news.example.org/g');
  });

  it('resolves relative links against the feed URL it was fetched from', async () => {
    const { items } = await read(
      rss([{ title: 'Relative', link: '/2024/relative-story' }]),
      'https://feeds.example.net/news/rss',
    );
    expect(items[0]?.url).toBe('https://feeds.example.net/2024/relative-story');
  });

  it('makes a title from the summary when the item has none, and caps both lengths', async () => {
    const long = 'word '.repeat(400);
    const { items } = await read(
      rss([
        {
          link: 'https://news.example.org/untitled',
          description: 'A summary that says what happened.',
        },
        { title: long, link: 'https://news.example.org/long', description: long },
      ]),
    );
    expect(items[0]?.title).toBe('A summary that says what happened.');
    expect([...items[1]!.title].length).toBeLessThanOrEqual(300);
    expect([...items[1]!.summary].length).toBeLessThanOrEqual(1000);
    expect(items[1]!.summary.endsWith('…')).toBe(true);
  });

  it('keeps one article when a feed repeats an item', async () => {
    const item = { title: 'Twice', link: 'https://news.example.org/twice' };
    const { items } = await read(rss([item, { ...item, link: `${item.link}?utm_medium=x` }]));
    expect(items).toHaveLength(1);
  });

  it('recovers a feed broken by an unescaped ampersand in a link', async () => {
    const doc = rss([{ title: 'Amp', link: 'https://news.example.org/a?x=1&y=2' }], { raw: true });
    const { items } = await read(doc);
    expect(items[0]?.url).toBe('https://news.example.org/a?x=1&y=2');
  });

  it('reads JSON Feed 1.1', async () => {
    const doc = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'J',
      items: [
        {
          id: '1',
          url: 'https://news.example.org/j',
          title: 'JSON item',
          content_html: '<p>Body <img src=x onerror=alert(1)></p>',
          date_published: '2024-05-02T08:00:00+02:00',
        },
      ],
    });
    const { items } = await read(doc);
    expect(items).toEqual([
      expect.objectContaining({
        url: 'https://news.example.org/j',
        title: 'JSON item',
        summary: 'Body',
        published: '2024-05-02T06:00:00.000Z',
      }),
    ]);
  });

  it('fails with a clear reason for malformed XML, HTML pages and other JSON', async () => {
    const reason = async (doc: string) =>
      parseFeedBody(bytes(doc), undefined, LIMITS).then(
        () => 'parsed',
        (e: unknown) => (e instanceof FeedError ? e.message : `unexpected ${String(e)}`),
      );
    expect(
      await reason('<rss version="2.0"><channel><item><title>x</item></channel></rss>'),
    ).toMatch(/^malformed XML: .*line 1/);
    expect(await reason('<!DOCTYPE html>\n<html><body>Sorry</body></html>')).toBe(
      'not a feed: the URL returned an HTML page',
    );
    expect(await reason('{"hello": "world"}')).toMatch(/^not a feed: JSON without a JSON Feed/);
    expect(await reason('')).toBe('not a feed: the body is empty');
  });
});
