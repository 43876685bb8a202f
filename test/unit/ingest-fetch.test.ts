import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedError } from '../../src/lib/ingest/errors.ts';
import { fetchFeed, USER_AGENT, type FetchLimits } from '../../src/lib/ingest/fetch.ts';
import {
  endless,
  feed,
  redirect,
  silent,
  startFeedServer,
  status,
  type FeedServer,
} from '../support/feed-server.ts';

const LIMITS: FetchLimits = {
  timeoutMs: 400,
  maxBytes: 200_000,
  maxRedirects: 5,
  retries: 2,
  retryDelayMs: 10,
};

let server: FeedServer;
let failuresLeft = 0;

beforeAll(async () => {
  server = await startFeedServer({
    '/ok': feed('<rss version="2.0"/>', {
      etag: '"v1"',
      lastModified: 'Sat, 01 Jun 2024 10:00:00 GMT',
    }),
    '/gzip': feed('<rss version="2.0"><channel><title>zipped</title></channel></rss>', {
      gzip: true,
    }),
    '/404': status(404),
    '/500': status(500),
    '/429-long': status(429, { 'retry-after': '3600' }),
    '/flaky': (req, res) => {
      if (failuresLeft-- > 0) res.writeHead(503).end();
      else feed('<rss version="2.0"/>')(req, res);
    },
    '/loop-a': redirect('/loop-b'),
    '/loop-b': redirect('/loop-a'),
    '/to-js': redirect('javascript:alert(1)'),
    '/temporary': redirect('/ok', 307),
    '/hang': silent(),
    '/endless': endless(),
    '/stall': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss version="2.0"><channel>');
    },
    '/gzip-bomb': (_req, res) =>
      void res
        .writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/rss+xml' })
        .end(gzipSync(Buffer.alloc(20_000_000))),
    '/declared-huge': (_req, res) =>
      void res.writeHead(200, { 'content-length': '999999999' }).end(),
    ...Object.fromEntries(
      Array.from({ length: 7 }, (_, i) => [
        `/hop${i}`,
        redirect(i === 6 ? '/ok' : `/hop${i + 1}`, 301),
      ]),
    ),
  });
});
afterAll(() => server.close());

const get = (path: string, validators = {}, limits: Partial<FetchLimits> = {}) =>
  fetchFeed(`${server.url}${path}`, validators, { ...LIMITS, ...limits });
const reason = (p: Promise<unknown>) =>
  p.then(
    () => 'succeeded',
    (e: unknown) => (e instanceof FeedError ? e.message : `unexpected ${String(e)}`),
  );

describe('fetchFeed', () => {
  it('sends the project User-Agent and returns the body with its validators', async () => {
    const outcome = await get('/ok');
    expect(outcome).toMatchObject({
      kind: 'ok',
      httpStatus: 200,
      validators: { etag: '"v1"', lastModified: 'Sat, 01 Jun 2024 10:00:00 GMT' },
      attempts: 1,
    });
    expect(server.requestsFor('/ok').at(-1)?.headers['user-agent']).toBe(USER_AGENT);
  });

  it('sends If-None-Match and If-Modified-Since and reports 304 as not modified', async () => {
    const outcome = await get('/ok', {
      etag: '"v1"',
      lastModified: 'Sat, 01 Jun 2024 10:00:00 GMT',
    });
    expect(outcome.kind).toBe('not-modified');
    const sent = server.requestsFor('/ok').at(-1)!.headers;
    expect(sent['if-none-match']).toBe('"v1"');
    expect(sent['if-modified-since']).toBe('Sat, 01 Jun 2024 10:00:00 GMT');
  });

  it('decompresses a gzip Content-Encoding', async () => {
    const outcome = await get('/gzip');
    expect(outcome.kind === 'ok' && Buffer.from(outcome.body).toString()).toContain('zipped');
  });

  it('follows up to the redirect limit and reports the final URL', async () => {
    const outcome = await get('/hop2');
    expect(outcome).toMatchObject({ url: `${server.url}/ok`, movedTo: `${server.url}/ok` });
    expect(await reason(get('/hop0'))).toBe('too many redirects (more than 5)');
  });

  it('reports a permanent move even when the moved feed answers 304 Not Modified', async () => {
    const outcome = await get('/hop5', { etag: '"v1"' });
    expect(outcome).toMatchObject({ kind: 'not-modified', movedTo: `${server.url}/ok` });
  });

  it('does not call a temporary redirect a move', async () => {
    const outcome = await get('/temporary');
    expect(outcome).toMatchObject({ kind: 'ok', url: `${server.url}/ok` });
    expect(outcome).not.toHaveProperty('movedTo');
  });

  it('refuses a redirect loop and a redirect to a non-http URL', async () => {
    expect(await reason(get('/loop-a'))).toBe(
      `redirect loop: ${server.url}/loop-a was already visited`,
    );
    expect(await reason(get('/to-js'))).toBe('redirect to a non-http URL (javascript:)');
  });

  it('does not retry a 404', async () => {
    const before = server.requestsFor('/404').length;
    expect(await reason(get('/404'))).toBe('HTTP 404 Not Found');
    expect(server.requestsFor('/404').length - before).toBe(1);
  });

  it('retries a 500 with backoff, then reports it', async () => {
    const before = server.requestsFor('/500').length;
    expect(await reason(get('/500'))).toBe('HTTP 500 Internal Server Error (after 3 attempts)');
    expect(server.requestsFor('/500').length - before).toBe(3);
  });

  it('succeeds when a transient 503 clears up on retry', async () => {
    failuresLeft = 1;
    expect(await get('/flaky')).toMatchObject({ kind: 'ok', attempts: 2 });
  });

  it('does not wait for an unreasonable Retry-After', async () => {
    const started = Date.now();
    expect(await reason(get('/429-long'))).toBe(
      'HTTP 429 Too Many Requests; the server asks to wait 3600 s',
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out a server that never answers, without retrying', async () => {
    const started = Date.now();
    expect(await reason(get('/hang'))).toBe('timed out: no complete answer within 0.4 s');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(server.requestsFor('/hang')).toHaveLength(1);
  });

  it('times out a body that stops halfway', async () => {
    expect(await reason(get('/stall'))).toBe('timed out: no complete answer within 0.4 s');
  });

  it('stops reading a body past the size limit', async () => {
    expect(await reason(get('/endless'))).toBe('body too large: more than 200000 bytes');
    expect(await reason(get('/declared-huge'))).toBe(
      'body too large: 999999999 bytes declared, limit 200000',
    );
  });

  it('stops decompressing a gzip bomb at the size limit', async () => {
    expect(await reason(get('/gzip-bomb'))).toBe('body too large: more than 200000 bytes');
  });

  it('reports a host that does not resolve as a network error', async () => {
    const message = await reason(
      fetchFeed('http://feeds.invalid/rss', {}, { ...LIMITS, retries: 0 }),
    );
    expect(message).toMatch(/^network error/);
  });

  it('gives up at once when the run budget is spent', async () => {
    const controller = new AbortController();
    const pending = fetchFeed(
      `${server.url}/hang`,
      {},
      { ...LIMITS, timeoutMs: 10_000 },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 50);
    expect(await reason(pending)).toBe('stopped: the run time budget was spent');
  });
});
