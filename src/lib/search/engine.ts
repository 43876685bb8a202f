/**
 * The query side of search, shared by the browser and the benchmark. A query is split into words;
 * each word is matched against the vocabulary (not against every item: each distinct word is
 * checked once) with typo tolerance, and the posting lists of the words it matches give the items.
 * Items must match every query word, in a title, a summary or a tag (company, region, publisher
 * names). Filters and facet counts run over the same arrays.
 */
import { FORMAT_VERSION, type SearchIndexFile } from './format.ts';
import { allowedErrors, matchQuality, wordMatcher, type WordMatcher } from './fuzzy.ts';
import { STOPWORDS, words } from './normalize.ts';
import { readVarint } from './varint.ts';

/** Filter values as they appear in the URL; an empty string means "any". */
export interface SearchState {
  q: string;
  company: string;
  region: string;
  /** A curated entry kind (KINDS), or `news` for ingested stories. */
  kind: string;
  year: string;
}

export const EMPTY_STATE: SearchState = { q: '', company: '', region: '', kind: '', year: '' };

/** Kind codes in the index: 0 is an ingested story. */

const TITLE_WEIGHT = 2;
const TAG_WEIGHT = 0.6;
/**
 * A tag word must look like the query word, not merely contain it: "ai" must not pick every Meta
 * item because of "Meta AI". Prefixes are fine (the reader is still typing).
 */
const tagLooksLike = (tagWord: string, word: string) =>
  tagWord.startsWith(word) ||
  Math.min(tagWord.length, word.length) / Math.max(tagWord.length, word.length) >= 0.75;

interface TagTarget {
  /** 0 company, 1 region, 2 publisher. */
  kind: 0 | 1 | 2;
  index: number;
}

export interface LoadedIndex {
  readonly file: SearchIndexFile;
  readonly n: number;
  readonly days: Int32Array;
  readonly years: Int32Array;
  readonly kinds: Uint8Array;
  readonly vocabulary: readonly string[];
  /** postings[offsets[t] .. offsets[t+1]) are word t's items as (item << 1) | inTitle. */
  readonly offsets: Int32Array;
  readonly postings: Int32Array;
  readonly tagWords: readonly string[];
  readonly tagTargets: readonly TagTarget[][];
  /** Items per company, region and publisher index. */
  readonly byTag: readonly [Int32Array[], Int32Array[], Int32Array[]];
  readonly cache: Map<string, WordMatches>;
  readonly looseCache: Map<string, LooseMatches>;
}

interface WordMatches {
  terms: Int32Array;
  quality: Float32Array;
  tags: { target: TagTarget; quality: number }[];
}

function invert(perItem: readonly (readonly number[])[], size: number): Int32Array[] {
  const lists: number[][] = Array.from({ length: size }, () => []);
  perItem.forEach((tags, i) => {
    for (const t of tags) lists[t]?.push(i);
  });
  return lists.map((l) => Int32Array.from(l));
}

const yearOfDay = (day: number) => new Date(day * 86_400_000).getUTCFullYear();

/** Decodes index.json and postings.bin into arrays the queries scan. Throws on a wrong format. */
export function loadIndex(file: SearchIndexFile, postingBytes: Uint8Array): LoadedIndex {
  if (file.v !== FORMAT_VERSION) {
    throw new Error(
      `search index has format ${String(file.v)}, this page reads ${FORMAT_VERSION}; reload the page`,
    );
  }
  const n = file.n;
  const days = new Int32Array(n);
  const years = new Int32Array(n);
  let day = 0;
  let year = 0;
  for (let i = 0; i < n; i++) {
    const next = i === 0 ? file.d[0]! : day - file.d[i]!;
    if (i === 0 || next !== day) year = yearOfDay(next);
    day = next;
    days[i] = day;
    years[i] = year;
  }

  const offsets = new Int32Array(file.t.length + 1);
  const codes: number[] = [];
  const pos = { at: 0 };
  for (let t = 0; t < file.t.length; t++) {
    offsets[t] = codes.length;
    let item = -1;
    for (;;) {
      const v = readVarint(postingBytes, pos);
      if (v === 0) break;
      item += Math.floor(v / 2);
      codes.push((item << 1) | (v & 1));
    }
  }
  offsets[file.t.length] = codes.length;

  const tagIndex = new Map<string, TagTarget[]>();
  const addTag = (text: string, target: TagTarget) => {
    for (const w of words(text)) {
      let list = tagIndex.get(w);
      if (!list) tagIndex.set(w, (list = []));
      if (!list.some((t) => t.kind === target.kind && t.index === target.index)) list.push(target);
    }
  };
  file.co.forEach(([id, name, more], index) => addTag(`${id} ${name} ${more}`, { kind: 0, index }));
  file.re.forEach(([code, name, more], index) =>
    addTag(`${code} ${name} ${more}`, { kind: 1, index }),
  );
  file.pu.forEach((name, index) => addTag(name, { kind: 2, index }));

  return {
    file,
    n,
    days,
    years,
    kinds: Uint8Array.from(file.k),
    vocabulary: file.t,
    offsets,
    postings: Int32Array.from(codes),
    tagWords: [...tagIndex.keys()],
    tagTargets: [...tagIndex.values()],
    byTag: [
      invert(file.c, file.co.length),
      invert(file.r, file.re.length),
      invert(file.p, file.pu.length),
    ],
    cache: new Map(),
    looseCache: new Map(),
  };
}

function matchWord(index: LoadedIndex, word: string): WordMatches {
  const hit = index.cache.get(word);
  if (hit) return hit;
  const matcher: WordMatcher = wordMatcher(word);
  // One-letter words would match most of the vocabulary from inside; take them as whole words or prefixes.
  const quality = (text: string) =>
    word.length === 1
      ? text.startsWith(word)
        ? matchQuality(matcher, text)
        : 0
      : matchQuality(matcher, text);
  const terms: number[] = [];
  const qualities: number[] = [];
  index.vocabulary.forEach((term, t) => {
    const q = quality(term);
    if (q > 0) {
      terms.push(t);
      qualities.push(q);
    }
  });
  const tags: WordMatches['tags'] = [];
  index.tagWords.forEach((tagWord, i) => {
    const q = tagLooksLike(tagWord, word) ? quality(tagWord) : 0;
    if (q > 0) for (const target of index.tagTargets[i]!) tags.push({ target, quality: q });
  });
  const result = { terms: Int32Array.from(terms), quality: Float32Array.from(qualities), tags };
  if (index.cache.size > 500) index.cache.clear();
  index.cache.set(word, result);
  return result;
}

interface LooseMatches {
  terms: Int32Array;
  edits: Uint8Array;
}

/** Every vocabulary word within `maxErrors` edits of the query word, with the edits it takes. */
function looseWord(index: LoadedIndex, word: string, maxErrors: number): LooseMatches {
  const key = `${word}~${maxErrors}`;
  const hit = index.looseCache.get(key);
  if (hit) return hit;
  const matcher = wordMatcher(word, maxErrors);
  const terms: number[] = [];
  const edits: number[] = [];
  index.vocabulary.forEach((term, t) => {
    const d = matcher.distance(term);
    if (d >= 0) {
      terms.push(t);
      edits.push(d);
    }
  });
  const result = { terms: Int32Array.from(terms), edits: Uint8Array.from(edits) };
  if (index.looseCache.size > 100) index.looseCache.clear();
  index.looseCache.set(key, result);
  return result;
}

export type FacetName = 'company' | 'region' | 'kind' | 'year';
export type FacetCounts = Record<FacetName, Map<string, number>>;

export interface SearchOutcome {
  /** Matching item positions (timeline order indexes), best match first; newest first without a query. */
  ids: number[];
  /**
   * How many of `ids` (the first ones) match every query word on its own; the rest match only
   * with the whole query's allowance of edits spread over its words.
   */
  strict: number;
  /** Per facet value: how many items would match if that value were chosen, other choices kept. */
  facets: FacetCounts;
  /** The query words that were searched for (stopwords dropped). */
  words: string[];
}

/** The query words a search uses: normalised, stopwords dropped, duplicates removed. */
function queryWords(q: string): string[] {
  return [...new Set(words(q).filter((w) => !STOPWORDS.has(w)))];
}

export function search(index: LoadedIndex, state: SearchState): SearchOutcome {
  const { n, file } = index;
  const qWords = queryWords(state.q);
  const total = new Float64Array(n);
  let candidates: Uint8Array | undefined;

  // fuse.js reads a multi-word query as one pattern with one allowance of edits for all of it
  // (0.3 × its length), so one badly misspelt word can be carried by the others. Items that match
  // only that way come after the items in which every word matches on its own.
  const allowance = qWords.length > 1 ? allowedErrors(qWords.join(' ').length) : 0;
  let loose: Uint8Array | undefined;

  if (qWords.length) {
    const hits = new Uint8Array(n);
    const best = new Float32Array(n);
    const edits = allowance ? new Uint8Array(n) : undefined;
    loose = allowance ? new Uint8Array(n) : undefined;
    for (const word of qWords) {
      best.fill(0);
      const m = matchWord(index, word);
      for (let j = 0; j < m.terms.length; j++) {
        const t = m.terms[j]!;
        const from = index.offsets[t]!;
        const to = index.offsets[t + 1]!;
        const base = m.quality[j]! * Math.log(1 + n / (to - from));
        for (let x = from; x < to; x++) {
          const code = index.postings[x]!;
          const s = code & 1 ? base * TITLE_WEIGHT : base;
          const item = code >> 1;
          if (s > best[item]!) best[item] = s;
        }
      }
      for (const { target, quality } of m.tags) {
        const items = index.byTag[target.kind][target.index]!;
        const s = quality * Math.log(1 + n / Math.max(1, items.length)) * TAG_WEIGHT;
        for (let x = 0; x < items.length; x++) {
          const item = items[x]!;
          if (s > best[item]!) best[item] = s;
        }
      }
      for (let i = 0; i < n; i++) {
        if (best[i]! > 0) {
          hits[i]!++;
          total[i]! += best[i]!;
        }
      }
      if (edits && loose) {
        const budget = Math.min(allowance, word.length);
        // Deleting the whole word costs its length, so no item needs more edits than that; words
        // that cost it anyway need not be visited.
        const ceiling = budget === word.length ? budget : 255;
        edits.fill(ceiling);
        const lm = looseWord(index, word, budget);
        for (let j = 0; j < lm.terms.length; j++) {
          const t = lm.terms[j]!;
          const d = lm.edits[j]!;
          if (d >= ceiling) continue;
          for (let x = index.offsets[t]!; x < index.offsets[t + 1]!; x++) {
            const item = index.postings[x]! >> 1;
            if (d < edits[item]!) edits[item] = d;
          }
        }
        for (const { target } of m.tags)
          for (const item of index.byTag[target.kind][target.index]!) edits[item] = 0;
        for (let i = 0; i < n; i++) loose[i] = Math.min(255, loose[i]! + edits[i]!);
      }
    }
    candidates = hits;
  }

  const companyAt = state.company ? file.co.findIndex((c) => c[0] === state.company) : -1;
  const regionAt = state.region ? file.re.findIndex((r) => r[0] === state.region) : -1;
  const kindAt = state.kind ? file.ki.indexOf(state.kind) : -1;
  const year = state.year ? Number(state.year) : 0;
  // A filter naming a value the index does not know matches nothing, rather than being ignored.
  const filters = {
    company: state.company !== '',
    region: state.region !== '',
    kind: state.kind !== '',
    year: state.year !== '',
  };

  const facets: FacetCounts = {
    company: new Map(),
    region: new Map(),
    kind: new Map(),
    year: new Map(),
  };
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const countCompanies = (i: number) => {
    for (const c of file.c[i]!) bump(facets.company, file.co[c]![0]);
  };
  const countRegions = (i: number) => {
    for (const r of file.r[i]!) bump(facets.region, file.re[r]![0]);
  };
  const countKind = (i: number) => bump(facets.kind, file.ki[index.kinds[i]!]!);
  const countYear = (i: number) => bump(facets.year, String(index.years[i]));

  const ids: number[] = [];
  const wanted = qWords.length;
  for (let i = 0; i < n; i++) {
    if (candidates && candidates[i] !== wanted && !(loose && loose[i]! <= allowance)) continue;
    const missCompany = filters.company && !file.c[i]!.includes(companyAt);
    const missRegion = filters.region && !file.r[i]!.includes(regionAt);
    const missKind = filters.kind && index.kinds[i] !== kindAt;
    const missYear = filters.year && index.years[i] !== year;
    const misses = +missCompany + +missRegion + +missKind + +missYear;
    if (misses === 0) {
      ids.push(i);
      countCompanies(i);
      countRegions(i);
      countKind(i);
      countYear(i);
    } else if (misses === 1) {
      if (missCompany) countCompanies(i);
      else if (missRegion) countRegions(i);
      else if (missKind) countKind(i);
      else countYear(i);
    }
  }
  let strictCount = ids.length;
  if (wanted) {
    const strict = (i: number) => (candidates![i] === wanted ? 1 : 0);
    ids.sort((a, b) => strict(b) - strict(a) || total[b]! - total[a]! || a - b);
    strictCount = ids.reduce((k, i) => k + strict(i), 0);
  }
  return { ids, strict: strictCount, facets, words: qWords };
}
