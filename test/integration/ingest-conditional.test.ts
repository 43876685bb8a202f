/**
 * Incremental runs: the second run sends the validators it was given (ETag, Last-Modified), a
 * 304 costs no parsing, and nothing already stored is added or rewritten.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthReportSchema, type HealthReport } from '../../src/lib/ingest/health.ts';
import { RELEVANT, rss } from '../fixtures/feeds/build.ts';
import { feed, startFeedServer, type FeedServer } from '../support/feed-server.ts';
import {
  readArticles,
  runIngestCommand,
  snapshot,
  type CommandResult,
} from '../support/ingest-command.ts';

const NEWS = 'https://news.example.org';
const ETAG = '"feed-v1"';
const LAST_MODIFIED = 'Sat, 01 Jun 2024 10:00:00 GMT';

let server: FeedServer;
let dir: string;
const runs: { result: CommandResult; health: HealthReport; files: ReturnType<typeof snapshot> }[] =
  [];

beforeAll(async () => {
  server = await startFeedServer({
    '/etag.xml': feed(
      rss([
        {
          ...RELEVANT.metaEu,
          link: `${NEWS}/etag-story`,
          pubDate: 'Tue, 14 May 2024 09:30:00 GMT',
        },
      ]),
      { etag: ETAG },
    ),
    '/modified.xml': feed(rss([{ ...RELEVANT.linkedinUk, link: `${NEWS}/modified-story` }]), {
      lastModified: LAST_MODIFIED,
    }),
    '/plain.xml': feed(rss([{ ...RELEVANT.redditDeal, link: `${NEWS}/plain-story` }])),
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-cond-'));
  fs.writeFileSync(
    path.join(dir, 'feeds.yaml'),
    stringify({
      fetch: { timeoutSeconds: 5, retries: 0 },
      feeds: ['etag', 'modified', 'plain'].map((id) => ({
        id,
        url: `${server.url}/${id}.xml`,
        publisher: id,
      })),
    }),
  );
  const args = [
    '--feeds',
    path.join(dir, 'feeds.yaml'),
    '--out',
    path.join(dir, 'articles'),
    '--state',
    path.join(dir, 'state.json'),
  ];
  for (let i = 0; i < 2; i++) {
    const result = await runIngestCommand(args);
    runs.push({
      result,
      health: healthReportSchema.parse(
        JSON.parse(fs.readFileSync(path.join(dir, 'feeds-health.json'), 'utf8')),
      ),
      files: snapshot(path.join(dir, 'articles')),
    });
  }
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const status = (run: number) =>
  runs[run]!.health.feeds.map((f) => [f.id, f.status, f.itemsSeen, f.itemsNew]);

describe('a second run over unchanged feeds', () => {
  it('first stores every relevant item and remembers the validators', () => {
    expect(runs[0]!.result.code).toBe(0);
    expect(status(0)).toEqual([
      ['etag', 'ok', 1, 1],
      ['modified', 'ok', 1, 1],
      ['plain', 'ok', 1, 1],
    ]);
    const state = JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8'));
    expect(state.feeds.etag).toMatchObject({ etag: ETAG });
    expect(state.feeds.modified).toMatchObject({ lastModified: LAST_MODIFIED });
    expect(state.feeds.plain).toBeUndefined();
  });

  it('sends If-None-Match and If-Modified-Since, and the server answers 304', () => {
    const [first, second] = server.requestsFor('/etag.xml');
    expect(first!.headers['if-none-match']).toBeUndefined();
    expect(second!.headers['if-none-match']).toBe(ETAG);
    const [, again] = server.requestsFor('/modified.xml');
    expect(again!.headers['if-modified-since']).toBe(LAST_MODIFIED);
  });

  it('parses nothing for a 304 and reports it as not modified', () => {
    expect(status(1)).toEqual([
      ['etag', 'not-modified', 0, 0],
      ['modified', 'not-modified', 0, 0],
      ['plain', 'ok', 1, 0],
    ]);
    expect(runs[1]!.health.feeds.find((f) => f.id === 'etag')).toMatchObject({ httpStatus: 304 });
    expect(runs[1]!.result.stdout).toMatch(/^etag\s+not-modified\s+304/m);
    expect(runs[1]!.result.stdout).toContain('3 feeds: 1 ok, 2 not modified, 0 failed.');
  });

  it('adds nothing and rewrites nothing: same files, same bytes, same mtimes', () => {
    expect(runs[1]!.health.totals.itemsNew).toBe(0);
    expect([...runs[1]!.files.keys()]).toEqual([...runs[0]!.files.keys()]);
    expect(runs[1]!.files).toEqual(runs[0]!.files);
    expect(readArticles(path.join(dir, 'articles'))).toHaveLength(3);
  });

  it("keeps each feed's contribution count and last success", () => {
    for (const f of runs[1]!.health.feeds) {
      expect(f.totalContributed).toBe(1);
      expect(f.lastSuccess).toBe(f.lastAttempt);
    }
  });
});
