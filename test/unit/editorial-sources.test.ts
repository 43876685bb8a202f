import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Feed } from '../../src/lib/content/feeds.ts';
import { loadSources, sourceRows } from '../../src/lib/editorial/sources.ts';
import type { FeedHealth, HealthReport } from '../../src/lib/ingest/health.ts';

const feed = (id: string, over: Partial<Feed> = {}): Feed => ({
  id,
  url: `https://${id}.test/feed.xml`,
  publisher: `Publisher ${id}`,
  tags: { companies: [], regions: [] },
  enabled: true,
  ...over,
});

const health = (id: string, over: Partial<FeedHealth> = {}): FeedHealth => ({
  id,
  url: `https://${id}.test/feed.xml`,
  publisher: `Publisher ${id}`,
  status: 'ok',
  lastAttempt: '2025-06-01T06:00:00.000Z',
  lastSuccess: '2025-06-01T06:00:00.000Z',
  itemsSeen: 10,
  itemsKept: 2,
  itemsNew: 1,
  itemsDropped: 0,
  totalContributed: 7,
  durationMs: 300,
  consecutiveFailures: 0,
  weekly: [],
  ...over,
});

const report = (feeds: FeedHealth[]): HealthReport => ({
  startedAt: '2025-06-01T06:00:00.000Z',
  finishedAt: '2025-06-01T06:01:00.000Z',
  durationMs: 60_000,
  totals: {
    feeds: feeds.length,
    ok: feeds.filter((f) => f.status === 'ok').length,
    notModified: 0,
    failed: feeds.filter((f) => f.status === 'failed').length,
    itemsSeen: 0,
    itemsKept: 0,
    itemsNew: 0,
    itemsDropped: 0,
    articles: 7,
  },
  feeds,
});

describe('sourceRows', () => {
  it('asks for an editor on a feed failing three runs, one silent 30 days and one moved, saying what to do', () => {
    const now = new Date('2025-06-01T07:00:00Z');
    const rows = sourceRows(
      [
        feed('down'),
        feed('quiet'),
        feed('moved'),
        feed('fine'),
        feed('paused', { enabled: false }),
      ],
      report([
        health('down', {
          status: 'failed',
          consecutiveFailures: 4,
          failingSince: '2025-05-31T06:00:00.000Z',
          lastError: { at: '2025-06-01T06:00:00.000Z', reason: 'HTTP 410 Gone' },
        }),
        health('quiet', { status: 'not-modified', newestItem: '2025-04-20T00:00:00.000Z' }),
        health('moved', {
          movedTo: 'https://moved.test/new.xml',
          newestItem: '2025-05-30T00:00:00.000Z',
        }),
        health('fine', { newestItem: '2025-05-30T00:00:00.000Z' }),
        health('paused', { status: 'failed', consecutiveFailures: 9 }),
      ]),
      now,
    );
    const need = Object.fromEntries(rows.map((r) => [r.id, r.attention.map((a) => a.kind)]));
    expect(need).toEqual({
      down: ['failing'],
      quiet: ['silent'],
      moved: ['moved'],
      fine: [],
      paused: [],
    });
    expect(rows[0]!.attention[0]).toMatchObject({ runs: 4, reason: 'HTTP 410 Gone' });
    expect(rows[1]!.attention[0]).toMatchObject({ days: 42 });
    expect(rows[2]!.attention[0]!.todo).toContain('https://moved.test/new.xml');
  });

  it('joins each feed with its last fetch, last error and articles contributed', () => {
    const rows = sourceRows(
      [feed('ico'), feed('dpc')],
      report([
        health('ico'),
        health('dpc', {
          status: 'failed',
          reason: 'HTTP 404 Not Found',
          lastSuccess: '2025-05-20T06:00:00.000Z',
          lastError: { at: '2025-06-01T06:00:00.000Z', reason: 'HTTP 404 Not Found' },
          totalContributed: 0,
        }),
      ]),
    );
    expect(rows).toEqual([
      expect.objectContaining({ id: 'ico', status: 'ok', contributed: 7 }),
      expect.objectContaining({
        id: 'dpc',
        status: 'failed',
        lastSuccess: '2025-05-20T06:00:00.000Z',
        lastError: { at: '2025-06-01T06:00:00.000Z', reason: 'HTTP 404 Not Found' },
        contributed: 0,
      }),
    ]);
  });

  it('marks feeds added since the last run, paused feeds, and feeds taken off the list', () => {
    const rows = sourceRows(
      [feed('new'), feed('paused', { enabled: false })],
      report([health('paused'), health('gone')]),
    );
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['new', 'not-fetched'],
      ['paused', 'disabled'],
      ['gone', 'removed'],
    ]);
  });

  it('keeps a long server error to one short line', () => {
    const [row] = sourceRows(
      [feed('x')],
      report([
        health('x', {
          lastError: { at: '2025-06-01T06:00:00.000Z', reason: `bad\n${'x'.repeat(500)}` },
        }),
      ]),
    );
    expect(row!.lastError!.reason).toHaveLength(200);
    expect(row!.lastError!.reason).not.toContain('\n');
  });
});

describe('loadSources', () => {
  let root = '';
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('lists the feeds with no run recorded when ingest has not written a health report yet', () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aidw-sources-'));
    fs.writeFileSync(
      path.join(root, 'feeds.yaml'),
      'feeds:\n  - id: ico\n    url: https://ico.test/feed.xml\n    publisher: ICO\n',
    );
    const page = loadSources(root);
    expect(page.lastRun).toBeUndefined();
    expect(page.rows).toEqual([
      expect.objectContaining({ id: 'ico', status: 'not-fetched', contributed: undefined }),
    ]);
  });

  it('treats a damaged health report as no run rather than failing the build', () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aidw-sources-'));
    fs.writeFileSync(path.join(root, 'feeds.yaml'), 'feeds: []\n');
    fs.writeFileSync(path.join(root, 'feeds-health.json'), '{"startedAt": ');
    expect(loadSources(root)).toEqual({ rows: [], lastRun: undefined });
  });
});
