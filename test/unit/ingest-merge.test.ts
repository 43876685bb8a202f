import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignStories } from '../../src/lib/classify/cluster.ts';
import { parseFeedsFile } from '../../src/lib/content/feeds.ts';
import type { FeedHealth, HealthReport } from '../../src/lib/ingest/health.ts';
import { describeMerge, mergeShards } from '../../src/lib/ingest/merge.ts';
import { serialiseArticle } from '../../src/lib/ingest/store.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-merge-'));
  fs.mkdirSync(path.join(dir, 'content', 'articles'), { recursive: true });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const feeds = parseFeedsFile(
  {
    feeds: ['first', 'second', 'paused'].map((id) => ({
      id,
      url: `https://${id}.aidw.test/feed`,
      publisher: id,
      ...(id === 'paused' ? { enabled: false } : {}),
    })),
  },
  'feeds.yaml',
);

const health = (id: string, at: string, over: Partial<FeedHealth> = {}): FeedHealth => ({
  id,
  url: `https://${id}.aidw.test/feed`,
  publisher: id,
  status: 'ok',
  lastAttempt: at,
  lastSuccess: at,
  itemsSeen: 1,
  itemsKept: 1,
  itemsNew: 1,
  itemsDropped: 0,
  totalContributed: 0,
  durationMs: 1,
  consecutiveFailures: 0,
  weekly: [],
  ...over,
});
const report = (at: string, list: FeedHealth[]): HealthReport => ({
  startedAt: at,
  finishedAt: at,
  durationMs: 0,
  totals: {
    feeds: list.length,
    ok: 0,
    notModified: 0,
    failed: 0,
    itemsSeen: 0,
    itemsKept: 0,
    itemsNew: 0,
    itemsDropped: 0,
    articles: 0,
  },
  feeds: list,
});
const write = (file: string, value: unknown) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
};
const article = (feed: string, title: string) => ({
  id: 'shared-aidw-test-story-0123456789',
  url: 'https://shared.aidw.test/story',
  title,
  summary: '',
  published: '2026-11-30T10:00:00.000Z',
  dateEstimated: false,
  publisher: feed,
  feed,
  companies: ['meta'],
  regions: ['EU'],
  score: 0.9,
  why: [],
  story: `s-from-${feed}`,
  fetchedAt: '2026-12-01T06:00:00.000Z',
});

function merge(shardDirs: string[]) {
  return mergeShards({
    feeds,
    outDir: path.join(dir, 'content', 'articles'),
    statePath: path.join(dir, 'state.json'),
    healthPath: path.join(dir, 'content', 'feeds-health.json'),
    setAsideDir: path.join(dir, 'content', 'set-aside'),
    shardDirs,
    assignStories,
    now: () => new Date('2026-12-01T06:10:00Z'),
  });
}

describe('merging shards', () => {
  it('keeps the copy of the earlier feed in feeds.yaml when two shards bring one article, with a story of the merge’s own', () => {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    write(
      path.join(a, 'articles', 'x.json'),
      serialiseArticle(article('second', 'From the second feed')),
    );
    write(
      path.join(b, 'articles', 'x.json'),
      serialiseArticle(article('first', 'From the first feed')),
    );
    const r = merge([a, b]);
    expect(r).toMatchObject({ offered: 2, duplicates: 1, alreadyStored: 0 });
    const stored = JSON.parse(
      fs.readFileSync(
        path.join(dir, 'content', 'articles', 'shared-aidw-test-story-0123456789.json'),
        'utf8',
      ),
    );
    expect(stored).toMatchObject({
      feed: 'first',
      title: 'From the first feed',
      story: 's-shared-aidw-test-story-0123456789',
    });
  });

  it('takes each feed’s health from its shard and keeps the previous health of a shard that sent none, saying so', () => {
    write(
      path.join(dir, 'content', 'feeds-health.json'),
      report('2026-11-30T06:00:00.000Z', [
        health('first', '2026-11-30T06:00:00.000Z'),
        health('second', '2026-11-30T06:00:00.000Z', { consecutiveFailures: 2, status: 'failed' }),
        health('paused', '2026-11-30T06:00:00.000Z'),
      ]),
    );
    const a = path.join(dir, 'a');
    write(
      path.join(a, 'feeds-health.json'),
      report('2026-12-01T06:00:00.000Z', [health('first', '2026-12-01T06:00:00.000Z')]),
    );
    write(path.join(a, 'state.json'), {
      version: 1,
      feeds: {
        first: {
          url: 'https://first.aidw.test/feed',
          etag: '"1"',
          updatedAt: '2026-12-01T06:00:00.000Z',
        },
      },
    });
    const failed = path.join(dir, 'failed-shard');
    fs.mkdirSync(failed);
    const r = merge([a, failed]);
    expect(r.missingReports).toEqual([failed]);
    const merged = JSON.parse(
      fs.readFileSync(path.join(dir, 'content', 'feeds-health.json'), 'utf8'),
    ) as HealthReport;
    expect(merged.feeds.map((f) => [f.id, f.lastAttempt, f.consecutiveFailures])).toEqual([
      ['first', '2026-12-01T06:00:00.000Z', 0],
      ['second', '2026-11-30T06:00:00.000Z', 2],
    ]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8')).feeds.first.etag).toBe(
      '"1"',
    );
    expect(describeMerge(r)).toContain(
      `No health report in ${failed}: those feeds keep their previous health.`,
    );
  });
});
