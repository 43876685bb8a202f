/**
 * Every file of the real-world corpus (../shared/feeds-corpus beside the checkout, see its
 * SOURCES.md; run by `npm run test:corpus`, not `npm test`) goes
 * through parsing and normalising: well-formed RSS and Atom must yield their items, and nothing
 * may throw anything but a reasoned FeedError or let unsafe text or links through.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../src/lib/ingest/errors.ts';
import { normaliseItems } from '../../src/lib/ingest/normalise.ts';
import { parseFeedBody } from '../../src/lib/ingest/parse.ts';

const DIR = path.resolve(process.env['AIDW_FEEDS_CORPUS'] ?? '../shared/feeds-corpus');

if (!fs.existsSync(path.join(DIR, 'SOURCES.md')))
  throw new Error(
    `the feed corpus is not at ${DIR}: put it there, or point AIDW_FEEDS_CORPUS at its folder`,
  );

interface Row {
  file: string;
  format: string;
  expect: string;
}

const rows: Row[] = fs
  .readFileSync(path.join(DIR, 'SOURCES.md'), 'utf8')
  .split('\n')
  .filter((line) => /^\| [\w.-]+\.(xml|json|rss|atom|html) \|/.test(line))
  .map((line) => {
    const cells = line.split('|').map((c) => c.trim());
    return { file: cells[1]!, format: cells[4]!, expect: cells[5]! };
  });

const read = (file: string) => fs.readFileSync(path.join(DIR, file));
const fetchedAt = new Date('2024-06-01T12:00:00Z');

async function ingest(file: string) {
  const parsed = await parseFeedBody(read(file), undefined, { maxBytes: 5 * 1024 * 1024 });
  return {
    parsed,
    ...normaliseItems(parsed, {
      documentUrl: `https://feeds.example.test/${file}`,
      fetchedAt,
      maxItems: 1000,
    }),
  };
}

/** Item elements in the raw document, to know whether a feed has any. */
function itemElements(file: string): number {
  let raw = read(file);
  if (raw[0] === 0x1f && raw[1] === 0x8b) raw = gunzipSync(raw);
  const text = raw.toString('latin1').replace(/\0/g, '');
  return (text.match(/<(?:[\w.-]+:)?(?:item|entry)[\s>]/g) ?? []).length;
}

describe('the feed corpus', () => {
  it('lists all 80 files in SOURCES.md', () => {
    const onDisk = fs.readdirSync(DIR).filter((f) => f !== 'SOURCES.md');
    expect(rows.map((r) => r.file).sort()).toEqual(onDisk.sort());
    expect(rows).toHaveLength(80);
  });

  const wellFormedFeeds = rows.filter(
    (r) => r.expect === 'well-formed' && /^(rss|atom)/.test(r.format),
  );

  it.each(wellFormedFeeds.map((r) => [r.file, r.format]))(
    'parses well-formed %s (%s) and extracts its items',
    async (file) => {
      const { parsed } = await ingest(file);
      const expected = itemElements(file);
      if (expected > 0) expect(parsed.items.length).toBeGreaterThan(0);
      else expect(parsed.items).toEqual([]);
    },
  );

  it.each(rows.map((r) => [r.file]))(
    'runs %s through parse and normalise without an unexplained error or unsafe output',
    async (file) => {
      try {
        const { items } = await ingest(file);
        for (const item of items) {
          expect(item.url).toMatch(/^https?:\/\//);
          expect(item.title).not.toMatch(/<[a-z/!?]/i);
          expect(item.summary).not.toMatch(/<[a-z/!?]/i);
          expect(item.id).toMatch(/^[a-z0-9-]{6,80}$/);
          expect(item.published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        }
      } catch (e) {
        expect(e).toBeInstanceOf(FeedError);
        expect((e as FeedError).message.length).toBeGreaterThan(10);
      }
    },
  );

  it('decodes undeclared KOI8-R and Shift_JIS and declared windows-1251', async () => {
    const koi8 = await parseFeedBody(read('feedparser-koi8r.xml'), undefined, { maxBytes: 1e6 });
    expect(String(koi8.items[0]?.title)).toContain('Как пережить новогоднюю ночь');
    const sjis = await ingest('feedparser-shiftjis.xml');
    expect(String(sjis.parsed.items[0]?.title)).toContain('記事投稿');
    const cp1251 = await ingest('node-feedparser-iconv.xml');
    expect(cp1251.items[0]?.title).toMatch(/^В Бузулуке/);
  });

  it('unpacks a gzip file served without Content-Encoding', async () => {
    const { items } = await ingest('node-feedparser-invalid-characters-gzipped.xml');
    expect(items.length).toBeGreaterThan(10);
  });

  it('strips the script, style and event handlers of the sanitiser torture test', async () => {
    const { parsed } = await ingest('feedparser-item_description_crazy.xml');
    const { plainText } = await import('../../src/lib/ingest/text.ts');
    const text = plainText(parsed.items[0]?.summaries.find(Boolean));
    expect(text).toContain('Did The Javascript Execute?');
    expect(text).not.toMatch(/alert|executeMe|onmouseover|<script/i);
  });

  it('expands the harmless internal entity of entity_in_doctype', async () => {
    const { parsed } = await ingest('feedparser-entity_in_doctype.xml');
    expect(parsed.items[0]?.id).toBe('tag:example.com,2006-05-04:/blog/');
  });

  it('rejects the HTML page and the moved-document fragment as not feeds', async () => {
    for (const file of ['node-feedparser-notafeed.html', 'rss-parser-unrecognized.rss']) {
      await expect(ingest(file)).rejects.toThrow(/^not a feed/);
    }
  });

  it('recovers the good items around an unescaped ampersand', async () => {
    const { items } = await ingest('node-feedparser-saxerror.xml');
    expect(items.length).toBeGreaterThanOrEqual(2);
  });
});
