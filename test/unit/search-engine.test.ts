import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/lib/content/load-taxonomy.ts';
import { buildSearchIndex } from '../../src/lib/search/build.ts';
import {
  EMPTY_STATE,
  MAX_WORDS,
  addAllShards,
  addShard,
  loadIndex,
  missingShards,
  neededShards,
  search,
  shardOf,
  type SearchState,
} from '../../src/lib/search/engine.ts';
import {
  decodeBits,
  decodeVocabulary,
  docsFile,
  encodeBits,
  encodeVocabulary,
  readDocsFile,
  sourcesOf,
  type SearchMeta,
} from '../../src/lib/search/format.ts';
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
  item({
    id: 'meta-linking-accounts',
    title: 'Meta starts linking accounts across its apps',
    date: '2023-03-01T00:00:00.000Z',
    summary: 'Linking lets the company join what people do on each app.',
    companies: ['meta'],
  }),
  item({
    id: 'datatilsynet-teachers',
    title: 'Datatilsynet spørger om AI-træning på færøske læreres opslag',
    date: '2025-06-02T00:00:00.000Z',
    summary: 'Tilsynet vil vide, hvordan opslagene bruges.',
    regions: ['DK', 'EU'],
  }),
].sort(byNewest);

const built = buildSearchIndex(ITEMS, taxonomy);
/** An index as the browser has it: the meta through JSON, then every shard. */
function loaded(b = built) {
  const index = loadIndex(
    JSON.parse(JSON.stringify(b.meta)) as SearchMeta,
    new Uint8Array(b.files.get(b.meta.items)!),
  );
  addAllShards(index, b.files);
  return index;
}
const index = loaded();
const ids = (state: Partial<SearchState>) =>
  search(index, { ...EMPTY_STATE, ...state }).ids.map((i) => ITEMS[i]!.id);
const docOf = (i: number) => built.chunks[Math.floor(i / built.meta.cs)]!.rows[i % built.meta.cs]!;

describe('search index round trip', () => {
  it('decodes to the same results it was built from, through JSON and bytes', () => {
    const direct = loadIndex(built.meta, built.files.get(built.meta.items)!);
    addAllShards(direct, built.files);
    for (const q of ['linkedin', 'training data', 'opt out', 'facebook']) {
      expect(search(index, { ...EMPTY_STATE, q }).ids).toEqual(
        search(direct, { ...EMPTY_STATE, q }).ids,
      );
    }
  });

  it('puts each item’s display data in the docs chunk its position names', () => {
    for (let i = 0; i < ITEMS.length; i++) {
      expect(docOf(i).id).toBe(ITEMS[i]!.id);
      expect(docOf(i).title).toBe(ITEMS[i]!.title);
    }
    expect(built.chunks.every((c) => c.h === built.meta.h)).toBe(true);
  });

  it('gives back each item’s sources in full from the compact docs rows', () => {
    ITEMS.forEach((item, i) => {
      expect(sourcesOf(docOf(i))).toEqual(
        item.sources.map((s) => ({
          url: s.url,
          title: s.title,
          ...(s.publisher ? { publisher: s.publisher } : {}),
          ...(s.date ? { date: s.date } : {}),
        })),
      );
    });
  });

  it('marks the title and summary of a story in another language than the site’s with its code', () => {
    const { chunks } = buildSearchIndex(
      [
        item({ id: 'de', title: 'Meta darf Daten nutzen', date: '2025-05-03', language: 'de' }),
        item({ id: 'en', title: 'Meta may use data', date: '2025-05-02', language: 'en' }),
        item({ id: 'und', title: 'Meta', date: '2025-05-01', language: 'und' }),
      ],
      taxonomy,
    );
    const rows = chunks.flatMap((c) => readDocsFile(docsFile(c)).rows);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.lang]))).toEqual({
      de: 'de',
      en: undefined,
      und: undefined,
    });
  });

  it('reads every docs file back as the rows it was written from, optional fields included', () => {
    const odd = buildSearchIndex(
      [
        item({ id: 'fr-story', title: 'Meta et vos données', date: '2024-06-02', language: 'fr' }),
        item({
          id: 'month-entry',
          title: 'An entry known to the month',
          date: '2024-06-01',
          kind: 'statement',
          datePrecision: 'month',
          effective: '2024-07-01',
          sources: [
            { url: 'https://a.example/1', title: 'Other title', date: '2024-05-30' },
            { url: 'https://b.example/2', title: 'Undated', publisher: 'B' },
          ],
        }),
      ],
      taxonomy,
    );
    for (const chunk of [...built.chunks, ...odd.chunks])
      expect(readDocsFile(docsFile(chunk))).toEqual(chunk);
    expect(() => readDocsFile('{"rows": []}')).toThrow('not a search docs file');
  });

  it('stores no summary text in the index itself, only in the docs chunks', () => {
    expect(JSON.stringify(built.chunks)).toContain('unless they object');
    expect(JSON.stringify(built.meta)).not.toContain('unless they object');
  });

  it('front-codes the vocabulary and packs the common-word flags without losing a word', () => {
    const long = 'a'.repeat(40);
    const list = ['', 'data', 'database', 'datum', `${long}b`, `${long}c`, 'ü'];
    expect(decodeVocabulary(encodeVocabulary(list))).toEqual(list);
    const flags = [true, false, false, true, true, false, false, false, true, true];
    expect([...decodeBits(encodeBits(flags), flags.length)]).toEqual(flags.map(Number));
  });

  it('refuses items that are not newest first, naming the item', () => {
    expect(() => buildSearchIndex([...ITEMS].reverse(), taxonomy)).toThrow(/newest first.*"/);
  });
});

describe('names in a query', () => {
  it('reads "linkdin" as LinkedIn: its items, including one that names it only in its tags', () => {
    expect(new Set(ids({ q: 'linkdin' }))).toEqual(
      new Set(['linkedin-default', 'ico-linkedin-pause']),
    );
    const { reading } = search(index, { ...EMPTY_STATE, q: 'linkdin' });
    expect(reading?.names.map((n) => [n.label, n.corrected])).toEqual([['LinkedIn', true]]);
  });

  it('never pads a name’s results with loose matches on other words ("linking")', () => {
    expect(ids({ q: 'linkedin' })).not.toContain('meta-linking-accounts');
    expect(ids({ q: 'linkedin' })).toHaveLength(2);
  });

  it('takes the words as typed when asked, which finds the loose matches too', () => {
    const literal = search(index, { ...EMPTY_STATE, q: 'linkdin', literal: '1' });
    expect(literal.reading).toBeUndefined();
    expect(literal.ids.map((i) => ITEMS[i]!.id)).toContain('meta-linking-accounts');
  });

  it('ranks a name’s items by the rest of the query, keeping the others after them', () => {
    expect(ids({ q: 'linkedin regulator' })).toEqual(['ico-linkedin-pause', 'linkedin-default']);
    expect(search(index, { ...EMPTY_STATE, q: 'linkedin regulator' }).strict).toBe(1);
  });

  it('narrows by a company and a region named together, and keeps filters', () => {
    expect(ids({ q: 'meta ireland' })).toEqual(['meta-eu-resumes', 'dpc-questions-meta']);
    expect(ids({ q: 'meta ireland', year: '2024' })).toEqual(['dpc-questions-meta']);
  });

  it('widens to each company when several are named', () => {
    expect(new Set(ids({ q: 'reddit slack' }))).toEqual(
      new Set(['reddit-google-deal', 'slack-opt-out']),
    );
  });
});

describe('fetching only what a query needs', () => {
  const small = buildSearchIndex(ITEMS, taxonomy, { shardBytes: 8 });
  const fresh = () => loadIndex(small.meta, small.files.get(small.meta.items)!);

  it('cuts the postings into shards and needs only the ones holding the query’s words', () => {
    expect(small.meta.sh.length).toBeGreaterThan(10);
    const idx = fresh();
    const needed = neededShards(idx, { ...EMPTY_STATE, q: 'verge' });
    expect(needed.length).toBeGreaterThan(0);
    expect(needed.length).toBeLessThan(small.meta.sh.length / 4);
    expect(neededShards(idx, { ...EMPTY_STATE, q: 'linkedin' })).toEqual([]);
  });

  it('says the answer is incomplete until the shards arrive, then answers in full', () => {
    const idx = fresh();
    const state = { ...EMPTY_STATE, q: 'verge' };
    const before = search(idx, state);
    expect(before.incomplete).toBe(true);
    expect(before.ids).toEqual([]);
    for (const s of missingShards(idx, state))
      addShard(idx, s, small.files.get(small.meta.sh[s]![1])!);
    expect(missingShards(idx, state)).toEqual([]);
    const after = search(idx, state);
    expect(after.incomplete).toBe(false);
    expect(after.ids.map((i) => ITEMS[i]!.id)).toEqual(['reddit-google-deal']);
  });

  it('answers from the words whose shards loaded when another word’s could not', () => {
    const idx = fresh();
    for (const s of missingShards(idx, { ...EMPTY_STATE, q: 'workspace' }))
      addShard(idx, s, small.files.get(small.meta.sh[s]![1])!);
    const out = search(idx, { ...EMPTY_STATE, q: 'workspace verge' });
    expect(out.incomplete).toBe(true);
    expect(out.ids.map((i) => ITEMS[i]!.id)).toEqual(['slack-opt-out']);
    expect(search(idx, { ...EMPTY_STATE, q: 'verge' }).ids).toEqual([]);
  });

  it('refuses a shard from another build, naming the file', () => {
    const other = buildSearchIndex(ITEMS.slice(1), taxonomy, { shardBytes: 8 });
    const idx = fresh();
    expect(() => addShard(idx, 0, other.files.get(other.meta.sh[0]![1])!)).toThrow(
      new RegExp(`${small.meta.sh[0]![1]} is not part of this build`),
    );
    expect(idx.loaded.size).toBe(0);
  });

  it('names every file by a hash, so builds never share a name unless they share the bytes', () => {
    const other = buildSearchIndex(ITEMS.slice(1), taxonomy, { shardBytes: 8 });
    expect(other.meta.h).not.toBe(small.meta.h);
    expect(other.meta.items).not.toBe(small.meta.items);
    const names = new Set(small.meta.sh.map((s) => s[1]));
    expect(other.meta.sh.some((s) => names.has(s[1]))).toBe(false);
  });
});

describe('which words a query word matches', () => {
  const WORDS: TimelineItem[] = [
    item({ id: 'a', title: 'Meta adds an opt-out', date: '2024-05-05T00:00:00.000Z' }),
    item({ id: 'b', title: 'Reddit acts without consent', date: '2024-05-04T00:00:00.000Z' }),
    item({ id: 'c', title: 'Regulater fines the company', date: '2024-05-03T00:00:00.000Z' }),
    item({ id: 'd', title: 'Fires destroy servers', date: '2024-05-02T00:00:00.000Z' }),
  ];
  const idx = loaded(buildSearchIndex(WORDS, taxonomy));
  const found = (q: string) =>
    search(idx, { ...EMPTY_STATE, q, literal: '1' }).ids.map((i) => WORDS[i]!.id);

  it('matches a short word at the start of words, not inside them ("out" is not in "without")', () => {
    expect(found('out')).toEqual(['a']);
  });

  it('takes a word the archive has words starting with as spelt, typos only after it ("fines", then "fires")', () => {
    expect(found('fines')).toEqual(['c', 'd']);
    expect(search(idx, { ...EMPTY_STATE, q: 'fines', literal: '1' }).strict).toBe(2);
    expect(found('consen')).toEqual(['b']);
  });

  it('looks for typos when no word starts with the query word', () => {
    expect(found('regulator')).toEqual(['c']);
    expect(found('fyres')).toEqual(['d']);
  });
});

describe('typo variants of a correctly spelt word', () => {
  const day = (d: number) => `2024-05-${String(d).padStart(2, '0')}T00:00:00.000Z`;
  // "consent" is in the summaries of many items, "conesnt" and "cosnent" in one title each: its
  // misspellings, in the newest items, whose rare words in a title alone would rank them first.
  // "gdpr" is used by one item only, so its typos (even inside a longer word) are looked for too.
  const rows: [string, string][] = [
    ['Conesnt required, says court', ''],
    ['Regulator wants cosnent first', ''],
    ...Array.from({ length: 10 }, (_, i): [string, string] => [`Policy update ${i}`, 'Consent.']),
    ['Content moderation report', ''],
    ['Content filters updated', ''],
    ['Content deals with publishers', ''],
    ['Content licensing grows', ''],
    ['Content creators object', ''],
    ['Content shown to adults', ''],
    ['Content warnings return', ''],
    ['Content from members', ''],
    ['Content in feeds', ''],
    ['Content for training', ''],
    ['Content labels', ''],
    ['Content rules', ''],
    ['GDPR fine for the platform', ''],
    ['Gepr notice published', ''],
    ['Stgeprli case opens', ''],
    ['Paw prints in the snow', ''],
    ['Consent or pay model', ''],
  ];
  const items = rows
    .map(([title, summary], i) => item({ id: `t${i}`, title, summary, date: day(30 - i) }))
    .sort(byNewest);
  const idx = loaded(buildSearchIndex(items, taxonomy));
  const found = (q: string) =>
    search(idx, { ...EMPTY_STATE, q, literal: '1' }).ids.map((i) => items[i]!.title);

  it('finds items with a one-letter typo of a correctly spelt word after the exact matches', () => {
    const titles = found('consent');
    expect(titles).toHaveLength(13);
    expect(titles.slice(0, 11)).toEqual(expect.arrayContaining(['Consent or pay model']));
    expect(titles.slice(11).sort()).toEqual([
      'Conesnt required, says court',
      'Regulator wants cosnent first',
    ]);
  });

  it('stores a word’s misspellings with its own posting list, so they cost no other shard', () => {
    const consent = idx.vocabulary.indexOf('consent');
    const list = [...idx.typoPostings[consent]!].map((code) => items[code >> 1]!.title);
    expect(list.sort()).toEqual(['Conesnt required, says court', 'Regulator wants cosnent first']);
  });

  it('does not take a more common word for a typo of a common one ("content" is not "consent")', () => {
    expect(found('consent')).not.toContain('Content moderation report');
  });

  it('finds a rare short word’s typos, inside longer words too, after its own items', () => {
    expect(found('gdpr')).toEqual([
      'GDPR fine for the platform',
      ...['Gepr notice published', 'Stgeprli case opens'],
    ]);
  });

  it('looks for no typos of a rare word while a common word starts with it (still being typed)', () => {
    const rows = [
      item({ id: 'one', title: 'A default setting', date: day(9) }),
      ...[1, 2, 3].map((k) => item({ id: `s${k}`, title: `New settings ${k}`, date: day(8 - k) })),
      item({ id: 'sitting', title: 'Sitting members', date: day(1) }),
    ];
    const at = loaded(buildSearchIndex(rows, taxonomy));
    const run = (q: string) =>
      search(at, { ...EMPTY_STATE, q, literal: '1' }).ids.map((i) => rows[i]!.id);
    expect(run('setting').sort()).toEqual(['one', 's1', 's2', 's3']);
    // No word starts with "sitting": as rare as it is, it may be a slip, so its typos count.
    expect(run('sitting')).toEqual(['sitting', 'one', 's1', 's2', 's3']);
  });

  it('ranks the most used completion of a word being typed first, so the list stays as it grows', () => {
    const rows = [
      item({ id: 'rare', title: 'Privatisation of archives', date: day(9) }),
      ...[1, 2, 3].map((k) =>
        item({ id: `privacy${k}`, title: `Privacy rules ${k}`, date: day(8 - k) }),
      ),
    ];
    const at = loaded(buildSearchIndex(rows, taxonomy));
    const run = (q: string) =>
      search(at, { ...EMPTY_STATE, q, literal: '1' }).ids.map((i) => rows[i]!.id);
    expect(run('priva')).toEqual(['privacy1', 'privacy2', 'privacy3', 'rare']);
    expect(run('privac')).toEqual(['privacy1', 'privacy2', 'privacy3']);
  });

  it('gives a three-letter word no typos, as fuse.js allows it none ("pay" is not "paw")', () => {
    expect(found('pay')).toEqual(['Consent or pay model']);
  });
});

describe('odd queries', () => {
  it('keeps the results of the words before a next word of one or two letters just begun', () => {
    expect(ids({ q: 'regulator w' })).toEqual(ids({ q: 'regulator' }));
    expect(ids({ q: 'regulator we' })).toEqual(ids({ q: 'regulator' }));
    expect(ids({ q: 'regulator zz' })).toEqual(ids({ q: 'regulator' }));
    expect(ids({ q: 'opt out uk' })).toEqual(['ico-linkedin-pause']);
  });

  it('waits for the second letter of a last word of one, unless it is a name ("opt out s")', () => {
    expect(ids({ q: 'opt out s' })).toEqual(ids({ q: 'opt out' }));
    expect(search(index, { ...EMPTY_STATE, q: 'opt out s' }).words).toEqual(['opt', 'out']);
    expect(search(index, { ...EMPTY_STATE, q: 'reddit x' }).reading?.names).toHaveLength(2);
  });

  it('answers a punctuation-only query with no results instead of everything', () => {
    const out = search(index, { ...EMPTY_STATE, q: '?!… —' });
    expect(out.noWords).toBe(true);
    expect(out.ids).toEqual([]);
  });

  it('searches only the first words of a pasted paragraph and says so', () => {
    const long =
      'regulator data protection commission facebook posts members privacy policy '.repeat(7);
    const out = search(index, { ...EMPTY_STATE, q: long.slice(0, 500) });
    expect(out.capped).toBe(true);
    expect(out.words.length + (out.reading?.names.length ?? 0)).toBeLessThanOrEqual(MAX_WORDS);
  });
});

describe('typo-tolerant queries', () => {
  it('finds the Instagram story for "insta gram" first', () => {
    expect(ids({ q: 'insta gram' })[0]).toBe('meta-eu-resumes');
  });

  it('finds "færøske" typed as a keyboard without "æ" and "ø" writes it, "faeroske", three edits from it', () => {
    expect(ids({ q: 'faeroske' })).toEqual(['datatilsynet-teachers']);
    expect(ids({ q: 'færøske' })).toEqual(['datatilsynet-teachers']);
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

  it('lets a missing word of three letters cost one edit less than its length, as fuse.js does', () => {
    const rows = [
      item({ id: 'both', title: 'How to change opt-out settings', date: '2024-05-03T00:00:00Z' }),
      item({ id: 'settings', title: 'Settings menu redesigned', date: '2024-05-02T00:00:00Z' }),
      item({ id: 'privacy', title: 'Privacy notice redesigned', date: '2024-05-01T00:00:00Z' }),
    ];
    const idx = loaded(buildSearchIndex(rows, taxonomy));
    const run = (q: string) => search(idx, { ...EMPTY_STATE, q });
    // "opt" and "out" missing cost 2 + 2, within the 4 edits of "opt-out settings".
    expect(run('opt-out settings').ids.map((i) => rows[i]!.id)).toEqual(['both', 'settings']);
    expect(run('opt-out settings').strict).toBe(1);
    // "privacy" missing costs all its 7 letters: more than the 4 of "privacy settings".
    expect(run('privacy settings').ids).toEqual([]);
  });

  it('fetches a finished word’s common near matches one edit past its allowance, starting with its letter', () => {
    const rows = [
      item({ id: 'both', title: 'How to change opt-out settings', date: '2024-05-06T00:00:00Z' }),
      item({ id: 'savings', title: 'Opt-out savings explained', date: '2024-05-05T00:00:00Z' }),
      item({ id: 'savings-2', title: 'Savings accounts', date: '2024-05-04T00:00:00Z' }),
      item({ id: 'savings-3', title: 'Savings rates', date: '2024-05-03T00:00:00Z' }),
      item({ id: 'readings', title: 'Opt-out readings explained', date: '2024-05-02T00:00:00Z' }),
      item({ id: 'readings-2', title: 'Readings for the week', date: '2024-05-01T00:00:00Z' }),
      item({ id: 'readings-3', title: 'Readings on privacy', date: '2024-04-30T00:00:00Z' }),
    ];
    // One word a shard, so a word's shard is loaded only when the query asks for it.
    const b = buildSearchIndex(rows, taxonomy, { shardBytes: 1 });
    const idx = loadIndex(b.meta, b.files.get(b.meta.items)!);
    const shardOfWord = (w: string) => shardOf(idx, idx.vocabulary.indexOf(w));
    const q = 'opt-out settings';
    // "savings" and "readings" are three edits from "settings", one more than its own two.
    expect(neededShards(idx, { ...EMPTY_STATE, q })).toContain(shardOfWord('savings'));
    expect(neededShards(idx, { ...EMPTY_STATE, q })).not.toContain(shardOfWord('readings'));
    expect(neededShards(idx, { ...EMPTY_STATE, q: 'opt-out settin' })).not.toContain(
      shardOfWord('savings'),
    );
    for (const s of neededShards(idx, { ...EMPTY_STATE, q }))
      addShard(idx, s, b.files.get(b.meta.sh[s]![1])!);
    const out = search(idx, { ...EMPTY_STATE, q });
    expect(out.ids.map((i) => rows[i]!.id)).toEqual(['both', 'savings']);
    expect(out.strict).toBe(1);
  });

  it('requires every query word to match', () => {
    expect(ids({ q: 'signs workspace' })).toEqual([]);
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
      return { id: i, doc: docOf(i), tags: 'LinkedIn UK' };
    };
    const rows = [rowOf('ico-linkedin-pause'), rowOf('linkedin-default')];
    expect(rerank(['linkdin'], rows).map((r) => r.doc.id)).toEqual([
      'linkedin-default',
      'ico-linkedin-pause',
    ]);
  });

  it('keeps rows fuse.js does not match, after the ones it does', () => {
    const rows = [0, 1].map((i) => ({ id: i, doc: docOf(i), tags: '' }));
    expect(rerank(['zzzqqq'], rows)).toEqual(rows);
  });
});
