/**
 * A local HTTP server on 127.0.0.1 (random port) that plays every kind of feed host ingest meets:
 * good feeds with validators, slow and silent servers, errors, redirects, huge and compressed
 * bodies. It records each request so tests can check what the client sent.
 */
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface FeedServer {
  url: string;
  requests: RecordedRequest[];
  /** Requests received for one path. */
  requestsFor: (path: string) => RecordedRequest[];
  route: (path: string, handler: Handler) => void;
  close: () => Promise<void>;
}

export async function startFeedServer(routes: Record<string, Handler> = {}): Promise<FeedServer> {
  const table = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    requests.push({ path, headers: req.headers });
    const handler = table.get(path);
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('no such feed');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    requestsFor: (path) => requests.filter((r) => r.path === path),
    route: (path, handler) => void table.set(path, handler),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface FeedOptions {
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** Compress with Content-Encoding: gzip. */
  gzip?: boolean;
}

/** Serves a body; with an ETag or Last-Modified, answers a matching conditional request with 304. */
export function feed(body: string | Uint8Array, options: FeedOptions = {}): Handler {
  return (req, res) => {
    const headers: Record<string, string> = {
      'content-type': options.contentType ?? 'application/rss+xml; charset=utf-8',
    };
    if (options.etag) headers['etag'] = options.etag;
    if (options.lastModified) headers['last-modified'] = options.lastModified;
    const matches =
      (options.etag && req.headers['if-none-match'] === options.etag) ||
      (options.lastModified && req.headers['if-modified-since'] === options.lastModified);
    if (matches) {
      res.writeHead(304, headers).end();
      return;
    }
    let bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
    if (options.gzip) {
      bytes = gzipSync(bytes);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, headers).end(bytes);
  };
}

export const status =
  (code: number, headers: Record<string, string> = {}): Handler =>
  (_req, res) =>
    void res.writeHead(code, { 'content-type': 'text/html', ...headers }).end(`<h1>${code}</h1>`);

export const redirect =
  (to: string, code = 302): Handler =>
  (_req, res) =>
    void res.writeHead(code, { location: to }).end();

/** Accepts the request and never answers. */
export const silent = (): Handler => () => {};

/** Streams `bytes` of filler forever-ish, without a Content-Length, until the client gives up. */
export const endless =
  (chunk = '<!-- filler -->'.repeat(4096)): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
    const pump = () => {
      while (res.write(chunk)) {
        if (res.destroyed) return;
      }
      res.once('drain', pump);
    };
    res.on('close', () => res.removeAllListeners('drain'));
    pump();
  };

/** Sends the body in small pieces with a pause between them. */
export const trickle =
  (
    body: string,
    pieceBytes: number,
    pauseMs: number,
    contentType = 'application/rss+xml',
  ): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    let offset = 0;
    const next = () => {
      if (res.destroyed) return;
      if (offset >= body.length) return void res.end();
      res.write(body.slice(offset, offset + pieceBytes));
      offset += pieceBytes;
      setTimeout(next, pauseMs);
    };
    next();
  };
