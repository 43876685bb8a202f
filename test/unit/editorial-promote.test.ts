import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Article } from '../../src/lib/content/article.ts';
import { checkEntry } from '../../src/lib/editorial/check-entry.ts';
import { cutText, guessKind, promoteArticle } from '../../src/lib/editorial/promote.ts';
import { splitFrontMatter } from '../../src/lib/editorial/yaml-source.ts';

const article = (over: Partial<Article>): Article => ({
  id: 'news-test-meta-pause-0000000001',
  url: 'https://news.test/meta-pause',
  title: 'Meta pauses plans to train AI on Europeans’ posts after Irish request',
  summary:
    'Meta said it would delay training its models on public posts by adults in the EU, after a request from the Irish Data Protection Commission.',
  published: '2024-06-14T21:30:00.000Z',
  dateEstimated: false,
  publisher: 'News Test',
  feed: 'news-test',
  companies: ['meta'],
  regions: ['IE', 'EU'],
  score: 0.9,
  why: ["'Meta' → meta"],
  story: 'story-meta-pause',
  fetchedAt: '2024-06-15T06:00:00.000Z',
  ...over,
});

const frontMatter = (text: string) =>
  parse(splitFrontMatter(text)!.yaml) as Record<string, unknown>;

describe('promoteArticle', () => {
  const lead = article({});
  const later = article({
    id: 'wire-test-meta-delay-0000000002',
    url: 'https://wire.test/meta-delay',
    title: 'Meta delays EU AI training',
    publisher: 'Wire Test',
    published: '2024-06-15T08:00:00.000Z',
  });

  it('fills title, day, companies, regions and kind from the article', () => {
    const fm = frontMatter(promoteArticle(lead, [lead]).text);
    expect(fm).toMatchObject({
      title: lead.title,
      date: '2024-06-14',
      companies: ['meta'],
      regions: ['IE', 'EU'],
      kind: 'pause',
      summary: lead.summary,
    });
  });

  it('cites the article first and the rest of its story after it, and lists their ids', () => {
    const fm = frontMatter(promoteArticle(lead, [later, lead]).text);
    expect(fm['sources']).toEqual([
      { url: lead.url, title: lead.title, publisher: 'News Test', date: '2024-06-14' },
      { url: later.url, title: later.title, publisher: 'Wire Test', date: '2024-06-15' },
    ]);
    expect(fm['articles']).toEqual([lead.id, later.id]);
  });

  it('marks the publisher’s words for rewriting and says why the kind was chosen', () => {
    const { text } = promoteArticle(lead, [lead]);
    expect(text).toContain(
      '# This is the publisher’s summary, as a starting point: rewrite it in our own words.',
    );
    expect(text).toContain('# Guessed from "pauses": check it against the list above.');
  });

  it('produces an entry that check accepts as it is', () => {
    const { text, fileName } = promoteArticle(lead, [lead, later]);
    const vocab = {
      companyIds: ['meta'],
      regionCodes: ['EU', 'IE', 'GLOBAL'],
      blocsOf: new Map([['IE', ['EU']]]),
    };
    const file = `content/entries/${fileName}`;
    expect(checkEntry(file, text, vocab, new Date('2024-07-01')).problems).toEqual([]);
    expect(fileName).toBe(
      '2024-06-14-meta-pauses-plans-to-train-ai-on-europeans-posts-after-irish.md',
    );
  });

  it('leaves a placeholder for kind when the headline gives no clue, and GLOBAL when no region', () => {
    const vague = article({ title: 'Meta and the future of AI', summary: '', regions: [] });
    const fm = frontMatter(promoteArticle(vague, [vague]).text);
    expect(fm['kind']).toBe('TODO');
    expect(fm['summary']).toMatch(/^TODO/);
    expect(fm['regions']).toEqual(['GLOBAL']);
  });

  it('warns when the feed gave no date', () => {
    const undated = article({ dateEstimated: true });
    expect(promoteArticle(undated, [undated]).text).toContain(
      'The feed gave no date, so this is the day it was fetched: check it.',
    );
  });
});

describe('guessKind', () => {
  it.each([
    ['Reddit sues Anthropic over scraping', 'court'],
    ['Italian regulator fines OpenAI €15m', 'regulator-action'],
    ['How to opt out of Meta AI training', 'opt-out'],
    ['Reddit signs AI licensing deal with Google', 'data-deal'],
    ['LinkedIn updates its privacy policy for AI', 'policy-change'],
    ['Adobe says Firefly is not trained on customer work', 'statement'],
  ])('reads "%s" as %s', (title, kind) => {
    expect(guessKind(title)?.kind).toBe(kind);
  });
});

describe('cutText', () => {
  it('keeps whole sentences when it must shorten', () => {
    expect(cutText('One sentence here. Another one that is long.', 30)).toBe('One sentence here.');
  });

  it('cuts at a word and marks the cut', () => {
    expect(cutText('averyveryverylongword and more words', 28)).toBe('averyveryverylongword and…');
  });
});
