import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/editorial/check-content.ts';
import { runScript, scratchContent, writeArticle } from './editor-support.ts';

const ARTICLES = 10_000;
let content: string;

beforeAll(() => {
  content = scratchContent();
  for (let i = 0; i < ARTICLES; i++) {
    const n = String(i).padStart(10, '0');
    writeArticle(content, {
      id: `news-test-story-${n}`,
      url: `https://news.test/story/${i}`,
      title: `Platform ${i} changes how it trains AI on posts`,
      summary: 'A plain-text summary of the kind ingest stores, a sentence or two long.',
      published: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
      companies: i % 2 ? ['meta'] : ['linkedin'],
      regions: i % 3 ? ['EU', 'IE'] : ['US'],
      story: `story-${Math.floor(i / 3)}`,
    });
  }
});
afterAll(() => fs.rmSync(content, { recursive: true, force: true }));

describe('check on a large archive', () => {
  it(`reads every one of ${ARTICLES} valid article files and reports no problem`, () => {
    const report = checkContent(content);
    expect(report.problems).toEqual([]);
    expect(report.counts.articles).toBe(ARTICLES);
  });

  it('still finds the one broken article among them, from the command line', () => {
    fs.writeFileSync(`${content}/articles/news-test-story-0000000042.json`, '{"id": 42}');
    const r = runScript('check', [], content);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('news-test-story-0000000042.json:1 id — must be text');
    expect(r.stderr).toMatch(
      /read \d+ entries, \d+ companies, \d+ regions, 1 feeds, 10000 articles in \d+ ms/,
    );
  });
});
