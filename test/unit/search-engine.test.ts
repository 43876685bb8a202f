import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/lib/content/load-taxonomy.ts';
import { buildSearchIndex } from '../../src/lib/search/build.ts';
import { EMPTY_STATE, loadIndex, search, type SearchState } from '../../src/lib/search/engine.ts';
import type { SearchIndexFile } from '../../src/lib/search/format.ts';
import { rerank } from '../../src/lib/search/rerank.ts';
import { byNewest, type TimelineItem } from '../../src/lib/timeline/items.ts';

const taxonomy = loadTaxonomy('content');

function item(
  p: Partial<TimelineItem> & Pick<TimelineItem, 'id' | 'title' | 'date'>,
): TimelineItem {
  return {
    type: p.kind ? 'entry' : 'story',
    datePrecision: 'day',
    summary: '',
    companies: [],
    regions: ['GLOBAL'],
    href: p.kind ? `/entries/${p.id}/` : `https://news.example/${p.id}`,
    sources: [{ url: `https://news.example/${p.id}`, title: p.title, publisher: 'Example News' }],
    ...p,
  };
}

const ITEMS: TimelineItem[] = [
  item({
    id: 'linkedin-default',
    title: 'LinkedIn opts members into generative-AI training by default',
    date: '2024-09-18T00:00:00.000Z',
    kind: 'policy-change',
    summary: 'Members were opted in before the privacy policy said so.',
    companies: ['linkedin'],
    regions: ['US', 'GLOBAL'],
  }),
  item({
    id: 'meta-eu-resumes',
    title: 'Meta resumes AI training on Instagram and Facebook posts in the EU',
    date: '2025-04-14T09:00:00.000Z',
    summary: 'Adults’ public posts will be used unless they object.',
    companies: ['meta'],
    regions: ['EU', 'IE'],
  }),
  item({
    id: 'dpc-questions-meta',
    title: 'Irish regulator questions the company over data use',
    date: '2024-06-10T12:00:00.000Z',
    summary: 'The Data Protection Commission asked about Facebook posts.',
    companies: ['meta'],
    regions: ['IE', 'EU'],
  }),
  item({
    id: 'reddit-google-deal',
    title: 'Reddit signs a data deal with Google',
    date: '2024-02-22T00:00:00.000Z',
    kind: 'data-deal',
    summary: 'Google will train models on Reddit posts.',
    companies: ['reddit', 'google'],
    sources: [
      { url: 'https://www.theverge.com/x', title: 'Reddit and Google', publisher: 'The Verge' },
    ],
  }),
  item({
    id: 'slack-opt-out',
    title: 'How to opt-out of Slack’s machine learning',
    date: '2024-05-17T00:00:00.000Z',
    kind: 'opt-out',
    summary: 'Workspace owners must e-mail Slack to opt out.',
    companies: ['slack'],
  }),
  item({
    id: 'ico-linkedin-pause',
    title: 'UK regulator welcomes pause in training on British users’ data',
    date: '2024-09-20T08:00:00.000Z',
    summary: 'The ICO said the professional network had stopped.',
    companies: ['linkedin'],
    regions: ['UK'],
  }),
].sort(byNewest);

const built = buildSearchIndex(ITEMS, taxonomy);
const index = loadIndex(
  JSON.parse(JSON.stringify(built.index)) as SearchIndexFile,
  new Uint8Array(built.postings),
);
const ids = (state: Partial<SearchState>) =>
  search(index, { ...EMPTY_STATE, ...state }).ids.map((i) => ITEMS[i]!.id);

describe('search index round trip', () => {
  it('decodes to the same results it was built from, through JSON and bytes', () => {
    const direct = loadIndex(built.index, built.postings);
    for (const q of ['linkedin', 'training data', 'opt out', 'facebook']) {
      expect(search(index, { ...EMPTY_STATE, q }).ids).toEqual(
        search(direct, { ...EMPTY_STATE, q }).ids,
      );
    }
  });

  it('puts each item’s display data in the docs chunk its position names', () => {
    for (let i = 0; i < ITEMS.length; i++) {
      const row = built.chunks[Math.floor(i / built.index.cs)]!.rows[i % built.index.cs]!;
      expect(row.id).toBe(ITEMS[i]!.id);
      expect(row.title).toBe(ITEMS[i]!.title);
    }
    expect(built.chunks.every((c) => c.h === built.index.h)).toBe(true);
  });

  it('stores no summary text in the index itself, only in the docs chunks', () => {
    expect(JSON.stringify(built.chunks)).toContain('unless they object');
    expect(JSON.stringify(built.index)).not.toContain('unless they object');
  });

  it('refuses items that are not newest first, naming the item', () => {
    expect(() => buildSearchIndex([...ITEMS].reverse(), taxonomy)).toThrow(/newest first.*"/);
  });
});

describe('typo-tolerant queries', () => {
  it('finds LinkedIn items for "linkdin", including one that names LinkedIn only in its tags', () => {
    expect(new Set(ids({ q: 'linkdin' }))).toEqual(
      new Set(['linkedin-default', 'ico-linkedin-pause']),
    );
  });

  it('finds the Instagram story for "insta gram" first', () => {
    expect(ids({ q: 'insta gram' })[0]).toBe('meta-eu-resumes');
  });

  it('treats "opt out" and "opt-out" alike', () => {
    expect(ids({ q: 'opt out' })).toEqual(ids({ q: 'opt-out' }));
    expect(ids({ q: 'opt out' })[0]).toBe('slack-opt-out');
  });

  it('ranks Meta’s training story first for "meta trainig"', () => {
    expect(ids({ q: 'meta trainig' })[0]).toBe('meta-eu-resumes');
  });

  it('finds items by the publisher of their sources', () => {
    expect(ids({ q: 'verge' })).toEqual(['reddit-google-deal']);
  });

  it('finds items through a company’s products and a region’s names', () => {
    expect(ids({ q: 'whatsapp' })).toEqual(expect.arrayContaining(['dpc-questions-meta']));
    expect(ids({ q: 'britain' })).toEqual(['ico-linkedin-pause']);
  });

  it('lets the other words of a query carry one badly misspelt word, as fuse.js does', () => {
    expect(ids({ q: 'rxddxt' })).toEqual([]);
    expect(ids({ q: 'rxddxt signs' })).toEqual(['reddit-google-deal']);
    expect(search(index, { ...EMPTY_STATE, q: 'rxddxt signs' }).strict).toBe(0);
    expect(search(index, { ...EMPTY_STATE, q: 'reddit signs' }).strict).toBe(1);
  });

  it('requires every query word to match', () => {
    expect(ids({ q: 'reddit slack' })).toEqual([]);
    expect(ids({ q: 'zzzqqq' })).toEqual([]);
  });
});

describe('filters and facet counts', () => {
  it('combines company and region filters', () => {
    expect(ids({ company: 'linkedin', region: 'UK' })).toEqual(['ico-linkedin-pause']);
    expect(ids({ company: 'meta', region: 'EU' })).toEqual([
      'meta-eu-resumes',
      'dpc-questions-meta',
    ]);
  });

  it('combines filters with a query', () => {
    expect(ids({ q: 'facebook', region: 'IE' })).toEqual(
      expect.arrayContaining(['meta-eu-resumes', 'dpc-questions-meta']),
    );
    expect(ids({ q: 'training', company: 'linkedin', year: '2024', kind: 'news' })).toEqual([
      'ico-linkedin-pause',
    ]);
  });

  it('lists everything newest first without a query', () => {
    expect(ids({})).toEqual(ITEMS.map((i) => i.id));
  });

  it('counts each facet value as if it were chosen, keeping the other filters', () => {
    const { facets } = search(index, { ...EMPTY_STATE, company: 'linkedin', region: 'UK' });
    expect(facets.region.get('UK')).toBe(1);
    expect(facets.region.get('US')).toBe(1);
    expect(facets.region.get('EU')).toBeUndefined();
    expect(facets.company.get('linkedin')).toBe(1);
    expect(facets.company.get('meta')).toBeUndefined();
    expect(facets.kind.get('news')).toBe(1);
    expect(facets.year.get('2024')).toBe(1);
  });

  it('matches nothing for an unknown company rather than ignoring the filter', () => {
    expect(ids({ company: 'nobody' })).toEqual([]);
  });
});

describe('on-screen ordering by fuse.js', () => {
  it('puts the item whose title has the word above one that has it only in its tags', () => {
    const rowOf = (id: string) => {
      const i = ITEMS.findIndex((x) => x.id === id);
      return { id: i, doc: built.chunks[0]!.rows[i]!, tags: 'LinkedIn UK' };
    };
    const rows = [rowOf('ico-linkedin-pause'), rowOf('linkedin-default')];
    expect(rerank(['linkdin'], rows).map((r) => r.doc.id)).toEqual([
      'linkedin-default',
      'ico-linkedin-pause',
    ]);
  });

  it('keeps rows fuse.js does not match, after the ones it does', () => {
    const rows = [0, 1].map((i) => ({ id: i, doc: built.chunks[0]!.rows[i]!, tags: '' }));
    expect(rerank(['zzzqqq'], rows)).toEqual(rows);
  });
});
