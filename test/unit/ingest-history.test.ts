import { describe, expect, it } from 'vitest';
import type { FeedHealth } from '../../src/lib/ingest/health.ts';
import { attentionFor, foldHistory, weekOf, type RunFacts } from '../../src/lib/ingest/history.ts';

const URL = 'https://news.aidw.test/feed.xml';

/** Folds runs one after another, as successive ingest runs do with the health file. */
function runs(...facts: Partial<RunFacts>[]): FeedHealth {
  let h: FeedHealth | undefined;
  for (const [i, f] of facts.entries()) {
    const at = f.at ?? new Date(Date.UTC(2026, 10, 2 + i, 6)).toISOString();
    const status = f.status ?? 'ok';
    h = {
      id: 'feed',
      url: f.url ?? URL,
      publisher: 'P',
      status,
      lastAttempt: at,
      itemsSeen: 0,
      itemsKept: 0,
      itemsNew: f.itemsNew ?? 0,
      itemsDropped: 0,
      totalContributed: 0,
      durationMs: 0,
      ...foldHistory(h, { at, url: URL, status, itemsNew: 0, ...f }),
    };
  }
  return h!;
}

describe('feed health over time', () => {
  it('counts failed runs in a row from the first failure, and resets once the feed answers', () => {
    const failing = runs(
      {},
      { status: 'failed', reason: 'HTTP 500' },
      { status: 'failed', reason: 'HTTP 503' },
    );
    expect(failing.consecutiveFailures).toBe(2);
    expect(failing.failingSince).toBe('2026-11-03T06:00:00.000Z');
    expect(failing.lastSuccess).toBe('2026-11-02T06:00:00.000Z');
    expect(failing.lastError).toEqual({ at: '2026-11-04T06:00:00.000Z', reason: 'HTTP 503' });
    const recovered = runs({ status: 'failed', reason: 'HTTP 500' }, { status: 'not-modified' });
    expect(recovered.consecutiveFailures).toBe(0);
    expect(recovered.failingSince).toBeUndefined();
    expect(recovered.lastError?.reason).toBe('HTTP 500');
  });

  it('adds up the articles a feed delivered per week, Monday to Sunday, keeping twelve weeks', () => {
    expect(weekOf('2026-11-29T23:00:00Z')).toBe('2026-11-23');
    expect(weekOf('2026-11-30T00:00:00Z')).toBe('2026-11-30');
    const h = runs(
      { at: '2026-11-23T06:00:00Z', itemsNew: 3 },
      { at: '2026-11-29T06:00:00Z', itemsNew: 2 },
      { at: '2026-11-30T06:00:00Z', itemsNew: 0 },
    );
    expect(h.weekly).toEqual([
      { week: '2026-11-23', items: 5 },
      { week: '2026-11-30', items: 0 },
    ]);
    const long = runs(
      ...Array.from({ length: 20 }, (_, i) => ({
        at: new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString(),
        itemsNew: i,
      })),
    );
    expect(long.weekly).toHaveLength(12);
    expect(long.weekly.at(-1)).toEqual({ week: '2026-05-18', items: 19 });
  });

  it('keeps a permanent redirect’s new address until the old address answers without one', () => {
    const moved = runs(
      { movedTo: 'https://new.aidw.test/feed' },
      { status: 'not-modified' },
      { status: 'failed' },
    );
    expect(moved.movedTo).toBe('https://new.aidw.test/feed');
    expect(
      runs({ movedTo: 'https://new.aidw.test/feed' }, { status: 'ok' }).movedTo,
    ).toBeUndefined();
  });

  it('remembers the newest item across runs that bring nothing newer', () => {
    const h = runs(
      { newestItem: '2026-11-01T00:00:00.000Z' },
      { status: 'not-modified' },
      { newestItem: '2026-10-01T00:00:00.000Z' },
    );
    expect(h.newestItem).toBe('2026-11-01T00:00:00.000Z');
  });
});

describe('feeds that need an editor', () => {
  const now = new Date('2026-12-01T00:00:00Z');

  it('flags a feed failing three runs in a row, with the reason and what to do', () => {
    const two = runs(
      { status: 'failed', reason: 'HTTP 404' },
      { status: 'failed', reason: 'HTTP 404' },
    );
    expect(attentionFor(two, now)).toEqual([]);
    const three = runs(
      ...Array.from({ length: 3 }, () => ({
        status: 'failed' as const,
        reason: 'HTTP 404 Not Found',
      })),
    );
    const [a] = attentionFor(three, now);
    expect(a).toMatchObject({ kind: 'failing', runs: 3, reason: 'HTTP 404 Not Found' });
    expect(a?.todo).toContain('content/feeds.yaml');
  });

  it('flags a feed that answers but has had nothing new for 30 days', () => {
    const quiet = runs({ newestItem: '2026-10-31T00:00:00.000Z' });
    expect(attentionFor(quiet, now)).toMatchObject([{ kind: 'silent', days: 31 }]);
    expect(attentionFor(runs({ newestItem: '2026-11-05T00:00:00.000Z' }), now)).toEqual([]);
  });

  it('tells the editor a moved feed’s new address', () => {
    const [a] = attentionFor(runs({ movedTo: 'https://new.aidw.test/feed' }), now);
    expect(a?.todo).toBe(
      'The feed has moved for good: change its url in content/feeds.yaml to https://new.aidw.test/feed.',
    );
  });
});
