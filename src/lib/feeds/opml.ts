/**
 * OPML 2.0 subscription list: every RSS feed in the catalog, grouped as the /feeds/ page groups
 * them, so a reader can import the lot (or one folder) at once.
 */
import { SITE_NAME, type FeedInfo } from './catalog.ts';
import { escapeXml } from './plain-text.ts';

const GROUPS: { type: FeedInfo['scope']['type'][]; text: string }[] = [
  { type: ['all', 'entries'], text: SITE_NAME },
  { type: ['company'], text: `${SITE_NAME}: companies` },
  { type: ['region'], text: `${SITE_NAME}: regions` },
];

/**
 * @param updated ISO 8601 date of the newest item, so the file changes only when the content does.
 */
export function buildOpml(feeds: readonly FeedInfo[], site: URL, updated?: string): string {
  const attr = (name: string, value: string) => `${name}="${escapeXml(value)}"`;
  const outline = (f: FeedInfo) =>
    `      <outline ${[
      attr('type', 'rss'),
      attr('version', 'RSS2'),
      attr('text', f.title),
      attr('title', f.title),
      attr('description', f.description),
      attr('language', 'en'),
      attr('xmlUrl', new URL(f.path, site).href),
      attr('htmlUrl', new URL(f.page, site).href),
    ].join(' ')}/>`;
  const groups = GROUPS.map((g) => ({
    ...g,
    feeds: feeds.filter((f) => g.type.includes(f.scope.type)),
  }))
    .filter((g) => g.feeds.length > 0)
    .map((g) =>
      [`    <outline ${attr('text', g.text)}>`, ...g.feeds.map(outline), '    </outline>'].join(
        '\n',
      ),
    );
  const date = updated ? new Date(updated).toUTCString() : undefined;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(`${SITE_NAME}: all feeds`)}</title>`,
    ...(date
      ? [`    <dateCreated>${date}</dateCreated>`, `    <dateModified>${date}</dateModified>`]
      : []),
    `    <ownerName>${escapeXml(SITE_NAME)}</ownerName>`,
    `    <ownerId>${escapeXml(new URL('/', site).href)}</ownerId>`,
    '    <docs>http://opml.org/spec2.opml</docs>',
    '  </head>',
    '  <body>',
    ...groups,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
