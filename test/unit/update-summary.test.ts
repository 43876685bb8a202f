import { describe, expect, it } from 'vitest';
import type { FeedHealth, HealthReport } from '../../src/lib/ingest/health.ts';
import { updateSummary, type SummaryArticle } from '../../src/lib/ingest/update-summary.ts';

const feedHealth = (id: string, over: Partial<FeedHealth> = {}): FeedHealth => ({
  id,
  url: `https://${id}.test/feed`,
  publisher: id,
  status: 'ok',
  lastAttempt: '2026-12-01T06:00:00.000Z',
  itemsSeen: 1,
  itemsKept: 1,
  itemsNew: 1,
  itemsDropped: 0,
  totalContributed: 1,
  durationMs: 1,
  consecutiveFailures: 0,
  weekly: [],
  ...over,
});

const health: HealthReport = {
  startedAt: '2026-12-01T06:00:00.000Z',
  finishedAt: '2026-12-01T06:02:00.000Z',
  durationMs: 120_000,
  totals: {
    feeds: 2,
    ok: 1,
    notModified: 0,
    failed: 1,
    itemsSeen: 0,
    itemsKept: 0,
    itemsNew: 3,
    itemsDropped: 0,
    articles: 5,
  },
  feeds: [
    feedHealth('fine', { newestItem: '2026-11-30T00:00:00.000Z' }),
    feedHealth('down', {
      status: 'failed',
      reason: 'HTTP 503 | Service Unavailable',
      consecutiveFailures: 3,
      lastError: { at: '2026-12-01T06:00:00.000Z', reason: 'HTTP 503' },
    }),
  ],
};

const NOW = '2026-12-01T06:01:00.000Z';
const OLD = '2026-11-01T06:00:00.000Z';
const articles: SummaryArticle[] = [
  { id: 'a1', story: 's-old', fetchedAt: OLD },
  { id: 'a2', story: 's-old', fetchedAt: NOW },
  { id: 'a3', story: 's-new', fetchedAt: NOW, review: true, proposedCompanies: ['acme-ai'] },
  { id: 'a4', story: 's-new', fetchedAt: NOW, proposedCompanies: ['acme-ai', 'meta'] },
  { id: 'a5', story: 's-held', fetchedAt: OLD, review: true, proposedCompanies: ['beta-labs'] },
  { id: 'a6', story: 's-done', fetchedAt: OLD, review: true },
];

describe('the update summary', () => {
  const md = updateSummary({
    health,
    articles,
    companyIds: new Set(['meta']),
    decided: new Set(['a6']),
    warnings: [
      {
        file: 'content/set-aside/x.json',
        field: '(article)',
        problem: 'set aside',
        fix: 'settle it',
      },
    ],
    now: new Date('2026-12-01T07:00:00Z'),
  });

  it('counts the run’s new articles, their stories, items waiting for review (not those decided), failing feeds, proposed companies and warnings', () => {
    expect(md).toContain('| New articles | 3 |');
    expect(md).toContain('| Stories they belong to | 2 (1 new) |');
    expect(md).toContain('| Items waiting for review (npm run review) | 2 (1 new) |');
    expect(md).toContain('| Failing feeds | 1 |');
    expect(md).toContain('| Proposed companies | 2 |');
    expect(md).toContain('| Check warnings | 1 |');
  });

  it('lists each failing feed with its runs in a row and an escaped reason, and what to do', () => {
    expect(md).toContain('| down | 3 | HTTP 503 \\| Service Unavailable |');
    expect(md).toMatch(/- \*\*down\*\* \(failing\): Open the feed address/);
  });

  it('lists proposed companies not on file with their article counts, and every check warning', () => {
    expect(md).toContain('| acme-ai | 2 |');
    expect(md).toContain('| beta-labs | 1 |');
    expect(md).not.toContain('| meta |');
    expect(md).toContain('- content/set-aside/x.json (article) — set aside — settle it');
  });
});
