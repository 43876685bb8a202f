/**
 * Serves many RSS feeds from 127.0.0.1 for the ingest benchmark, with ETag and Last-Modified so a
 * second run can be answered 304 Not Modified throughout.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Article } from '../content/article.ts';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function feedXml(id: string, articles: readonly Article[]): string {
  const items = articles
    .map(
      (a) =>
        `<item><title>${escape(a.title)}</title><link>${escape(a.url)}</link><guid>${escape(a.url)}</guid>` +
        `<pubDate>${new Date(a.published).toUTCString()}</pubDate><description>${escape(a.summary)}</description></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${id}</title><link>http://127.0.0.1/${id}</link><description>bench</description>${items}</channel></rss>`;
}

export interface FeedServer {
  url: string;
  /** Requests answered 200 and 304 so far. */
  counts: { ok: number; notModified: number };
  close(): Promise<void>;
}

export async function serveFeeds(feeds: ReadonlyMap<string, string>): Promise<FeedServer> {
  const lastModified = new Date(Date.UTC(2025, 0, 1)).toUTCString();
  const counts = { ok: 0, notModified: 0 };
  const server = http.createServer((req, res) => {
    const id = (req.url ?? '').replace(/^\/|\.xml$/g, '');
    const body = feeds.get(id);
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    const etag = `"${id}-v1"`;
    if (
      req.headers['if-none-match'] === etag ||
      req.headers['if-modified-since'] === lastModified
    ) {
      counts.notModified++;
      res.writeHead(304, { etag, 'last-modified': lastModified }).end();
      return;
    }
    counts.ok++;
    res.writeHead(200, {
      'content-type': 'application/rss+xml; charset=utf-8',
      etag,
      'last-modified': lastModified,
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
