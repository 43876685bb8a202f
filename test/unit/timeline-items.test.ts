import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/lib/content/article.ts';
import type { Entry } from '../../src/lib/content/entry.ts';
import { buildItems, type EntryRecord } from '../../src/lib/timeline/items.ts';

function article(id: string, over: Partial<Article> = {}): Article {
  return {
    id,
    url: `https://news.example.org/${id}`,
    title: `Headline ${id}`,
    summary: `Summary ${id}`,
    published: '2025-05-01T10:00:00.000Z',
    dateEstimated: false,
    publisher: 'Example News',
    feed: 'example',
    companies: ['meta'],
    regions: ['GLOBAL'],
    score: 0.9,
    why: [`'Meta' → meta`],
    story: `s-${id}`,
    fetchedAt: '2025-05-01T11:00:00.000Z',
    ...over,
  };
}

function entry(id: string, over: Partial<Entry> = {}): EntryRecord {
  return {
    id,
    data: {
      title: `Entry ${id}`,
      date: new Date('2025-04-14T00:00:00Z'),
      datePrecision: 'day',
      companies: ['meta'],
      regions: ['EU'],
      kind: 'policy-change',
      summary: 'What happened.',
      sources: [{ url: `https://source.example.org/${id}`, title: 'Source' }],
      status: [],
      articles: [],
      draft: false,
      ...over,
    },
  };
}

const blocsOf = new Map([['IE', ['EU']]]);

describe('buildItems', () => {
  it('lists entries and stories together, newest first', () => {
    const items = buildItems({
      entries: [entry('old', { date: new Date('2024-01-01T00:00:00Z') })],
      articles: [article('a1', { published: '2025-06-01T00:00:00.000Z' })],
    });
    expect(items.map((i) => [i.type, i.id])).toEqual([
      ['story', 's-a1'],
      ['entry', 'old'],
    ]);
    expect(items[1]!.href).toBe('/entries/old/');
  });

  it('shows a story reported by three outlets once, led and dated by its earliest article', () => {
    const items = buildItems({
      entries: [],
      articles: [
        article('b', { story: 's-x', published: '2025-05-02T00:00:00.000Z', publisher: 'B' }),
        article('a', { story: 's-x', published: '2025-05-01T00:00:00.000Z', publisher: 'A' }),
        article('c', {
          story: 's-x',
          published: '2025-05-03T00:00:00.000Z',
          regions: ['IE', 'EU'],
        }),
      ],
    });
    expect(items).toHaveLength(1);
    expect(items[0]!.title).toBe('Headline a');
    expect(items[0]!.date).toBe('2025-05-01T00:00:00.000Z');
    expect(items[0]!.sources.map((s) => s.publisher)).toEqual(['A', 'B', 'Example News']);
    expect(items[0]!.regions).toEqual(['EU', 'GLOBAL', 'IE']);
  });

  it('gives a story the language of its lead article', () => {
    const items = buildItems({
      entries: [],
      articles: [
        article('later', { story: 's-x', language: 'en', published: '2025-05-02T00:00:00.000Z' }),
        article('lead', { story: 's-x', language: 'nb', published: '2025-05-01T00:00:00.000Z' }),
      ],
    });
    expect(items[0]!.language).toBe('nb');
  });

  it('leaves draft entries off the site', () => {
    const items = buildItems({ entries: [entry('wip', { draft: true })], articles: [] });
    expect(items).toEqual([]);
  });

  it('hides a whole story an entry covers, including articles that joined it after promotion', () => {
    const items = buildItems({
      entries: [entry('promoted', { articles: ['first'] })],
      articles: [
        article('first', { story: 's-first' }),
        article('later', { story: 's-first', published: '2025-05-04T00:00:00.000Z' }),
        article('other', { story: 's-other' }),
      ],
    });
    expect(items.map((i) => i.id).sort()).toEqual(['promoted', 's-other']);
  });

  it('hides a story whose article an entry cites as a source', () => {
    const items = buildItems({
      entries: [
        entry('cited', {
          sources: [{ url: 'https://news.example.org/a1', title: 'Headline a1' }],
        }),
      ],
      articles: [article('a1')],
    });
    expect(items.map((i) => i.id)).toEqual(['cited']);
  });

  it('applies editors’ overrides: hidden articles go, corrected tags gain their blocs and a reason', () => {
    const items = buildItems({
      entries: [],
      articles: [article('gone'), article('fixed')],
      overrides: {
        articles: {
          gone: { hide: true },
          fixed: { hide: false, regions: ['IE'], reason: 'story is about the Irish DPC' },
        },
      },
      blocsOf,
    });
    expect(items.map((i) => i.id)).toEqual(['s-fixed']);
    expect(items[0]!.regions).toEqual(['EU', 'IE']);
    expect(items[0]!.why).toContain('editor: story is about the Irish DPC');
  });

  it('lets an override move an article into another story', () => {
    const items = buildItems({
      entries: [],
      articles: [article('a'), article('b')],
      overrides: { articles: { b: { hide: false, story: 's-a' } } },
    });
    expect(items).toHaveLength(1);
    expect(items[0]!.sources).toHaveLength(2);
  });

  it('orders items on the same date by id, so builds are stable', () => {
    const same = new Date('2025-01-01T00:00:00Z');
    const items = buildItems({
      entries: [entry('b', { date: same }), entry('a', { date: same })],
      articles: [],
    });
    expect(items.map((i) => i.id)).toEqual(['a', 'b']);
  });
});
