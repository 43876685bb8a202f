import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { FeedInfo } from '../../src/lib/feeds/catalog.ts';
import { buildOpml } from '../../src/lib/feeds/opml.ts';

const site = new URL('https://aidatawatch.org');
const feeds: FeedInfo[] = [
  {
    title: 'AI Data Watch: everything',
    description: 'All.',
    path: '/rss.xml',
    page: '/',
    scope: { type: 'all' },
  },
  {
    title: 'AI Data Watch: curated entries',
    description: 'Entries.',
    path: '/entries/rss.xml',
    page: '/',
    scope: { type: 'entries' },
  },
  {
    title: 'AI Data Watch: AT&T <Mobile>',
    description: 'Quotes "here" & there.',
    path: '/companies/att/rss.xml',
    page: '/companies/att/',
    scope: { type: 'company', id: 'att' },
  },
  {
    title: 'AI Data Watch: Ireland',
    description: 'Ireland.',
    path: '/regions/ie/rss.xml',
    page: '/regions/ie/',
    scope: { type: 'region', id: 'IE' },
  },
];

type Outline = {
  '@_text': string;
  '@_xmlUrl'?: string;
  '@_htmlUrl'?: string;
  '@_type'?: string;
  outline?: Outline[];
};
const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'outline' }).parse(xml) as {
    opml: {
      '@_version': string;
      head: { title: string; dateCreated?: string };
      body: { outline: Outline[] };
    };
  };

describe('buildOpml', () => {
  const doc = parse(buildOpml(feeds, site, '2025-05-27T00:00:00.000Z'));
  const leaves = doc.opml.body.outline.flatMap((g) => g.outline ?? []);

  it('is OPML 2.0 with a title and a creation date taken from the newest item', () => {
    expect(doc.opml['@_version']).toBe('2.0');
    expect(doc.opml.head.title).toBe('AI Data Watch: all feeds');
    expect(doc.opml.head.dateCreated).toBe('Tue, 27 May 2025 00:00:00 GMT');
  });

  it('lists every feed once, with absolute feed and page addresses', () => {
    expect(leaves.map((o) => o['@_xmlUrl'])).toEqual(feeds.map((f) => new URL(f.path, site).href));
    expect(leaves.every((o) => o['@_type'] === 'rss')).toBe(true);
    expect(leaves.find((o) => o['@_xmlUrl']!.endsWith('/regions/ie/rss.xml'))!['@_htmlUrl']).toBe(
      'https://aidatawatch.org/regions/ie/',
    );
  });

  it('groups the feeds into folders for the site, companies and regions', () => {
    expect(doc.opml.body.outline.map((g) => [g['@_text'], g.outline!.length])).toEqual([
      ['AI Data Watch', 2],
      ['AI Data Watch: companies', 1],
      ['AI Data Watch: regions', 1],
    ]);
  });

  it('escapes titles so the file stays well-formed and reads back as written', () => {
    expect(XMLValidator.validate(buildOpml(feeds, site))).toBe(true);
    expect(XMLValidator.validate('<opml><a>AT&T <b></opml>')).not.toBe(true);
    expect(leaves.map((o) => o['@_text'])).toContain('AI Data Watch: AT&T <Mobile>');
  });

  it('leaves out empty folders and the dates when there is nothing yet', () => {
    const doc = parse(buildOpml(feeds.slice(0, 2), site));
    expect(doc.opml.body.outline).toHaveLength(1);
    expect(doc.opml.head.dateCreated).toBeUndefined();
  });
});
