/**
 * The query side of search, shared by the browser and the benchmark. A query is split into words;
 * words that are company, product or region names (or small typos of them) are read as tags (see
 * names.ts), and the rest are matched against the vocabulary with typo tolerance (each distinct
 * word is checked once, not every item). The posting lists of the matched words live in shards
 * that are loaded as queries need them: `neededShards` says which, `addShard` takes one in, and
 * `search` answers from what is loaded, saying when something it needed was missing.
 */
import {
  FORMAT_VERSION,
  checkedBody,
  decodeBits,
  decodeVocabulary,
  type SearchMeta,
} from './format.ts';
import { allowedErrors, matchQuality, wordMatcher, type WordMatcher } from './fuzzy.ts';
import { nameTable, readNames, type NameReading, type NameTable, type TagTarget } from './names.ts';
import { STOPWORDS, words } from './normalize.ts';
import { SHORT_WORD, matchesAsTyped, plausibleTypo } from './variants.ts';
import { readVarint } from './varint.ts';

/** Filter values as they appear in the URL; an empty string means "any". */
export interface SearchState {
  q: string;
  company: string;
  region: string;
  /** A curated entry kind (KINDS), or `news` for ingested stories. */
  kind: string;
  year: string;
  /** `1`: take the query's words as typed, without reading names in them. */
  literal: string;
}

export const EMPTY_STATE: SearchState = {
  q: '',
  company: '',
  region: '',
  kind: '',
  year: '',
  literal: '',
};

/** Query words searched; a longer query (a pasted paragraph) is cut, and the outcome says so. */
export const MAX_WORDS = 8;

const TITLE_WEIGHT = 2;
/** What a typo variant of a spelt word weighs, as matchQuality would rate a one-letter slip. */
const TYPO_QUALITY = 0.35;
const TAG_WEIGHT = 0.6;
/**
 * A tag word must look like the query word, not merely contain it: "ai" must not pick every Meta
 * item because of "Meta AI". Prefixes are fine (the reader is still typing).
 */
const tagLooksLike = (tagWord: string, word: string) =>
  tagWord.startsWith(word) ||
  Math.min(tagWord.length, word.length) / Math.max(tagWord.length, word.length) >= 0.75;

export interface LoadedIndex {
  readonly meta: SearchMeta;
  readonly n: number;
  readonly days: Int32Array;
  readonly years: Int32Array;
  readonly kinds: Uint8Array;
  /** Company and region indexes per item; regions include the blocs their members imply. */
  readonly companiesOf: readonly (readonly number[])[];
  readonly regionsOf: readonly (readonly number[])[];
  /** Items per company and per region index. */
  readonly byTag: readonly [Int32Array[], Int32Array[]];
  readonly vocabulary: readonly string[];
  /** 1 for vocabulary words in SearchMeta.common. */
  readonly common: Uint8Array;
  readonly shardStarts: Int32Array;
  /** Per vocabulary word, once its shard is loaded: its items as (item << 1) | inTitle. */
  readonly postings: (Int32Array | undefined)[];
  /** The same for the items only the word's typo variants have (see variants.ts). */
  readonly typoPostings: (Int32Array | undefined)[];
  readonly loaded: Set<number>;
  readonly names: NameTable;
  readonly tagWords: readonly string[];
  readonly tagTargets: readonly TagTarget[][];
  readonly cache: Map<string, WordMatches>;
}

interface WordMatches {
  terms: Int32Array;
  quality: Float32Array;
  /**
   * 1 for a term that differs from the query word by a typo (a word the archive lacks is matched
   * only so): an item found only through typos of a word comes after the items that have it.
   */
  typo: Uint8Array;
  /** The query word's own vocabulary position when it is spelt as the archive spells it, or -1. */
  spelt: number;
  /** Tags whose names look like the word (used only when a query is taken literally). */
  tags: { target: TagTarget; quality: number }[];
}

const yearOfDay = (day: number) => new Date(day * 86_400_000).getUTCFullYear();

function invert(perItem: readonly (readonly number[])[], size: number): Int32Array[] {
  const lists: number[][] = Array.from({ length: size }, () => []);
  perItem.forEach((tags, i) => {
    for (const t of tags) lists[t]?.push(i);
  });
  return lists.map((l) => Int32Array.from(l));
}

/**
 * Reads the meta and the per-item file into the arrays queries scan; no posting shard is loaded
 * yet. Throws on a wrong format version or an items file from another build.
 */
export function loadIndex(meta: SearchMeta, itemBytes: Uint8Array): LoadedIndex {
  if (meta.v !== FORMAT_VERSION) {
    throw new Error(
      `search index has format ${String(meta.v)}, this page reads ${FORMAT_VERSION}; reload the page`,
    );
  }
  const body = checkedBody(itemBytes, meta.h, meta.items);
  const n = meta.n;
  const pos = { at: 0 };
  const next = () => readVarint(body, pos);
  const days = new Int32Array(n);
  const years = new Int32Array(n);
  let day = 0;
  for (let i = 0; i < n; i++) {
    const d = next();
    const value = i === 0 ? d : day - d;
    if (i === 0 || value !== day) years[i] = yearOfDay(value);
    else years[i] = years[i - 1]!;
    day = value;
    days[i] = day;
  }
  const kinds = new Uint8Array(n);
  for (let i = 0; i < n; i++) kinds[i] = next();
  const lists = () => {
    const counts = Array.from({ length: n }, next);
    return counts.map((k) => Array.from({ length: k }, next));
  };
  const companiesOf = lists();
  const withBlocs = (own: number[]) => {
    const out = [...own];
    for (let k = 0; k < out.length; k++)
      for (const bloc of meta.re[out[k]!]?.[3] ?? []) if (!out.includes(bloc)) out.push(bloc);
    return out;
  };
  const regionsOf = lists().map(withBlocs);

  const tagIndex = new Map<string, TagTarget[]>();
  const addTag = (text: string, target: TagTarget) => {
    for (const w of words(text)) {
      let targets = tagIndex.get(w);
      if (!targets) tagIndex.set(w, (targets = []));
      if (!targets.some((t) => t.kind === target.kind && t.index === target.index))
        targets.push(target);
    }
  };
  meta.co.forEach(([id, name, more], index) => addTag(`${id} ${name} ${more}`, { kind: 0, index }));
  meta.re.forEach(([code, name, more], index) =>
    addTag(`${code} ${name} ${more}`, { kind: 1, index }),
  );
  const vocabulary = decodeVocabulary(meta.t);
  const common = decodeBits(meta.common, vocabulary.length);

  return {
    meta,
    n,
    days,
    years,
    kinds,
    companiesOf,
    regionsOf,
    byTag: [invert(companiesOf, meta.co.length), invert(regionsOf, meta.re.length)],
    vocabulary,
    common,
    shardStarts: Int32Array.from(meta.sh.map((s) => s[0])),
    postings: new Array<Int32Array | undefined>(vocabulary.length),
    typoPostings: new Array<Int32Array | undefined>(vocabulary.length),
    loaded: new Set(),
    names: nameTable(meta.co, meta.re),
    tagWords: [...tagIndex.keys()],
    tagTargets: [...tagIndex.values()],
    cache: new Map(),
  };
}

/** The shard holding vocabulary word `t`. */
export function shardOf(index: LoadedIndex, t: number): number {
  const starts = index.shardStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Takes in shard `s`'s file; throws, naming the file, when it belongs to another build. */
export function addShard(index: LoadedIndex, s: number, bytes: Uint8Array): void {
  const entry = index.meta.sh[s];
  if (!entry) throw new Error(`search index has no shard ${s}`);
  const body = checkedBody(bytes, index.meta.h, entry[1]);
  const from = entry[0];
  const to = index.meta.sh[s + 1]?.[0] ?? index.vocabulary.length;
  const pos = { at: 0 };
  const list = () => {
    const codes: number[] = [];
    let item = -1;
    for (;;) {
      const v = readVarint(body, pos);
      if (v === 0) break;
      item += Math.floor(v / 2);
      if (item >= index.n) throw new Error(`${entry[1]} names an item this index does not have`);
      codes.push((item << 1) | (v & 1));
    }
    return Int32Array.from(codes);
  };
  const decoded: [Int32Array, Int32Array][] = [];
  for (let t = from; t < to; t++) decoded.push([list(), list()]);
  decoded.forEach(([own, typos], k) => {
    index.postings[from + k] = own;
    index.typoPostings[from + k] = typos;
  });
  index.loaded.add(s);
}

function* range(from: number, to: number) {
  for (let t = from; t < to; t++) yield t;
}

/** Position of the first vocabulary word not sorting before `word`. */
function lowerBound(vocabulary: readonly string[], word: string): number {
  let lo = 0;
  let hi = vocabulary.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (vocabulary[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function findTerm(vocabulary: readonly string[], word: string): number {
  let lo = 0;
  let hi = vocabulary.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = vocabulary[mid]!;
    if (v === word) return mid;
    if (v < word) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * A short word with few items of its own would leave the list nearly empty, so, as fuse.js does,
 * it also matches its typos inside longer words ("gdpr" in "ingprsa", "gepr" in "stgeprli"), when
 * there are at most this many: a word like "daia" has hundreds (everything holding "data").
 */
const MAX_IN_WORD_TYPOS = 16;

/**
 * Adds the vocabulary's plausible typos of the matcher's word (see plausibleTypo) and, for a short
 * word, its few typos inside longer words.
 */
function addTypos(
  index: LoadedIndex,
  matcher: WordMatcher,
  found: number[],
  qualities: number[],
  typo: number[],
): void {
  const { word } = matcher;
  if (matcher.maxErrors === 0) return;
  const inWord: [number, number][] = [];
  index.vocabulary.forEach((term, t) => {
    if (matchesAsTyped(word, term, true)) return;
    const q = matchQuality(matcher, term);
    if (q <= 0) return;
    if (plausibleTypo(word, term)) {
      found.push(t);
      qualities.push(q);
      typo.push(1);
    } else if (word.length <= SHORT_WORD) inWord.push([t, q]);
  });
  if (inWord.length <= MAX_IN_WORD_TYPOS)
    for (const [t, q] of inWord) {
      found.push(t);
      qualities.push(q);
      typo.push(1);
    }
}

/**
 * Whether the word is one of the archive's that no common word of the archive starts with: a
 * word the reader has most likely finished typing, so what it brings from other shards (its
 * typos, its looser matches) is fetched once rather than at every keystroke on the way to a
 * longer word.
 */
function finished(index: LoadedIndex, word: string): boolean {
  const vocabulary = index.vocabulary;
  const from = lowerBound(vocabulary, word);
  if (vocabulary[from] !== word) return false;
  for (let t = from + 1; t < vocabulary.length && vocabulary[t]!.startsWith(word); t++)
    if (index.common[t] === 1) return false;
  return true;
}

/**
 * The vocabulary words a query word matches. `commonOnly`: only the archive's real words (for the
 * words beside a name, which order the name's items and so need no rare spellings).
 */
function matchWord(index: LoadedIndex, word: string, commonOnly = false): WordMatches {
  const key = commonOnly ? `${word}~common` : word;
  const hit = index.cache.get(key);
  if (hit) return hit;
  const found: number[] = [];
  const qualities: number[] = [];
  const typo: number[] = [];
  const tags: WordMatches['tags'] = [];
  let spelt = -1;
  if (word.length <= 2) {
    // One or two letters would match much of the vocabulary from inside or as a prefix (and make
    // a query fetch most shards before the reader typed the third letter): whole words only.
    const t = findTerm(index.vocabulary, word);
    if (t >= 0) {
      found.push(t);
      qualities.push(1);
      typo.push(0);
    }
    index.tagWords.forEach((tagWord, i) => {
      if (tagWord === word)
        for (const target of index.tagTargets[i]!) tags.push({ target, quality: 1 });
    });
  } else {
    const matcher = wordMatcher(word);
    const vocabulary = index.vocabulary;
    const from = lowerBound(vocabulary, word);
    let to = from;
    while (to < vocabulary.length && vocabulary[to]!.startsWith(word)) to++;
    if (to > from) {
      // The archive has words starting with this one, so it is taken as spelt (or still being
      // typed): it matches those words and longer words that hold it (see matchesAsTyped). A
      // whole word also brings the items of its misspellings, stored with its own; one the
      // archive rarely uses may itself be a slip, so it also matches what a word the archive
      // lacks would.
      const scan = word.length > SHORT_WORD ? vocabulary.keys() : range(from, to);
      for (const t of scan) {
        if (matchesAsTyped(word, vocabulary[t]!, index.common[t] === 1)) {
          found.push(t);
          qualities.push(matchQuality(matcher, vocabulary[t]!));
          typo.push(0);
        }
      }
      if (vocabulary[from] === word) {
        spelt = from;
        // …unless a common word starts with it: then it is most likely being typed ("setting" on
        // the way to "settings"), and its typos would fetch shards at every such keystroke.
        if (!index.common[from] && finished(index, word))
          addTypos(index, matcher, found, qualities, typo);
      }
    } else {
      vocabulary.forEach((term, t) => {
        if (matchesAsTyped(word, term, true)) {
          found.push(t);
          qualities.push(matchQuality(matcher, term));
          typo.push(0);
        }
      });
      addTypos(index, matcher, found, qualities, typo);
    }
    index.tagWords.forEach((tagWord, i) => {
      const q = tagLooksLike(tagWord, word) ? matchQuality(matcher, tagWord) : 0;
      if (q > 0) for (const target of index.tagTargets[i]!) tags.push({ target, quality: q });
    });
  }
  // A word the archive uses only rarely still ranks by its rare matches.
  const common = found.map((t) => index.common[t] === 1);
  const keep = commonOnly && common.includes(true) ? common : found.map(() => true);
  // Beside a name, its typo variants would only add rare spellings.
  const result = {
    terms: Int32Array.from(found.filter((_, k) => keep[k])),
    quality: Float32Array.from(qualities.filter((_, k) => keep[k])),
    typo: Uint8Array.from(typo.filter((_, k) => keep[k])),
    spelt: commonOnly ? -1 : spelt,
    tags,
  };
  if (index.cache.size > 500) index.cache.clear();
  index.cache.set(key, result);
  return result;
}

interface LooseMatches {
  terms: Int32Array;
  edits: Uint8Array;
}

/**
 * Every vocabulary word within `maxErrors` edits of the query word, with the edits it takes, among
 * the words of `shards` only: the shards the query needs (see shardsFor).
 */
function looseWord(
  index: LoadedIndex,
  word: string,
  maxErrors: number,
  shards: ReadonlySet<number>,
): LooseMatches {
  const matcher = wordMatcher(word, maxErrors);
  const found: number[] = [];
  const edits: number[] = [];
  index.vocabulary.forEach((term, t) => {
    if (!shards.has(shardOf(index, t))) return;
    const d = matcher.distance(term);
    if (d >= 0) {
      found.push(t);
      edits.push(d);
    }
  });
  return { terms: Int32Array.from(found), edits: Uint8Array.from(edits) };
}

export type FacetName = 'company' | 'region' | 'kind' | 'year';
export type FacetCounts = Record<FacetName, Map<string, number>>;

export interface SearchOutcome {
  /** Matching item positions (timeline order indexes), best match first; newest first without a query. */
  ids: number[];
  /**
   * How many of `ids` (the first ones) match every searched word on its own; the rest match only
   * with the whole query's allowance of edits spread over its words, or (for a name) are the
   * name's items that the other words do not match.
   */
  strict: number;
  /** Per facet value: how many items would match if that value were chosen, other choices kept. */
  facets: FacetCounts;
  /** The words searched as text (stopwords and names left out), for ordering the results shown. */
  words: string[];
  /** The names read in the query, when there were any. */
  reading: NameReading | undefined;
  /** True when the query had words but none with letters or digits (only punctuation). */
  noWords: boolean;
  /** True when the query had more than MAX_WORDS words and only the first were searched. */
  capped: boolean;
  /** True when a shard the query needed was not loaded: the results are those of the others. */
  incomplete: boolean;
}

interface Plan {
  words: string[];
  reading: NameReading | undefined;
  /** Words searched as text. */
  text: string[];
  /** Per text word, its extra edits under the whole query's allowance (0: none). */
  looseBudget: number[];
  allowance: number;
  noWords: boolean;
  capped: boolean;
}

/**
 * Below this length a word gets no share of the query's allowance: four edits on "data" would
 * match nearly every word of the archive and fetch every shard.
 */
const MIN_LOOSE_WORD = 5;

function plan(index: LoadedIndex, state: SearchState): Plan {
  const all = [...new Set(words(state.q).filter((w) => !STOPWORDS.has(w)))];
  const noWords = state.q.trim() !== '' && words(state.q).length === 0;
  const capped = all.length > MAX_WORDS;
  const qWords = all.slice(0, MAX_WORDS);
  // "opt-out s" is "opt-out" with the next word begun: a last word of one letter, or of two that
  // is no word of the archive, waits for more letters instead of emptying (or, with the "s" of
  // "Slack's", jumbling) the results; unless it is a name ("meta x", "opt out uk").
  const last = qWords.at(-1);
  if (
    qWords.length > 1 &&
    last !== undefined &&
    last.length <= 2 &&
    (last.length === 1 || findTerm(index.vocabulary, last) < 0) &&
    !index.names.byKey.has(last)
  )
    qWords.pop();
  const literal = state.literal === '1';
  const reading = literal
    ? undefined
    : readNames(index.names, qWords, (w) => {
        const t = findTerm(index.vocabulary, w);
        return t >= 0 && index.common[t] === 1;
      });
  const named = reading && reading.names.length > 0;
  const text = named ? reading.rest : qWords;
  // fuse.js reads a multi-word query as one pattern with one allowance of edits for all of it
  // (0.3 × its length), so one badly misspelt word can be carried by the others. Items that match
  // only that way come after the items in which every word matches on its own. A name's results
  // are never padded this way.
  const allowance = !named && text.length > 1 ? allowedErrors(text.join(' ').length) : 0;
  const looseBudget = text.map((w) => {
    if (!allowance || w.length < MIN_LOOSE_WORD) return 0;
    const own = allowedErrors(Math.min(w.length, 31));
    return Math.min(allowance, own + 1) > own ? own + 1 : 0;
  });
  return {
    words: qWords,
    reading: named ? reading : undefined,
    text,
    looseBudget,
    allowance,
    noWords,
    capped,
  };
}

/** The names this query would be read as, ignoring `literal` (for offering the other reading). */
export function readQuery(index: LoadedIndex, state: SearchState): NameReading | undefined {
  return plan(index, { ...state, literal: '' }).reading;
}

/** The shards this query's words need, loaded or not, in vocabulary order. */
export function neededShards(index: LoadedIndex, state: SearchState): number[] {
  return [...shardsFor(index, plan(index, state))].sort((a, b) => a - b);
}

/**
 * The shards of the query's own matches and, for a finished word (see finished) with a share of
 * the query's allowance, of its likeliest looser matches wherever they are in the vocabulary:
 * common words of the archive within that share, starting with the same letter (readers seldom
 * slip on the first) and no longer than a typo of it may be (plausibleTypo). So "opt-out
 * settings" finds "opt-out seingilmo", three edits from "settings", as fuse.js does, for a few
 * more shards. Other loose matches come only from these shards, never costing a fetch of their
 * own (the whole vocabulary is within four edits of "data"), and nor does a word being typed.
 */
function shardsFor(index: LoadedIndex, p: Plan): Set<number> {
  const shards = new Set<number>();
  p.text.forEach((word, w) => {
    for (const t of matchWord(index, word, !!p.reading).terms) shards.add(shardOf(index, t));
    const budget = p.looseBudget[w]!;
    if (!budget || !finished(index, word)) return;
    const matcher = wordMatcher(word, budget);
    index.vocabulary.forEach((term, t) => {
      if (
        index.common[t] === 1 &&
        term[0] === word[0] &&
        plausibleTypo(word, term) &&
        matcher.distance(term) >= 0
      )
        shards.add(shardOf(index, t));
    });
  });
  return shards;
}

/** The shards this query needs that are not loaded yet. */
export function missingShards(index: LoadedIndex, state: SearchState): number[] {
  return neededShards(index, state).filter((s) => !index.loaded.has(s));
}

export function search(index: LoadedIndex, state: SearchState): SearchOutcome {
  const { n, meta } = index;
  const p = plan(index, state);
  const literal = state.literal === '1';
  const total = new Float64Array(n);
  let incomplete = false;
  /** Items that must be in the results (a name's items), or undefined for any. */
  let required: Uint8Array | undefined;
  let hits: Uint8Array | undefined;
  /** Per item, how many words it matches only through typos. */
  let typoWords: Uint8Array | undefined;
  let loose: Uint8Array | undefined;
  let unavailable = 0;

  if (p.reading) {
    // Names of one kind widen the results ("x grok": X's items and xAI's), names of both kinds
    // narrow them ("meta ireland": Meta's items in Ireland).
    required = new Uint8Array(n);
    const seen = new Uint8Array(n);
    const kinds = [0, 1].filter((k) =>
      p.reading!.names.some((nm) => nm.targets.some((t) => t.kind === k)),
    );
    for (const kind of kinds) {
      seen.fill(0);
      for (const name of p.reading.names)
        for (const target of name.targets)
          if (target.kind === kind)
            for (const item of index.byTag[kind][target.index]!) seen[item] = 1;
      for (let i = 0; i < n; i++) required[i]! += seen[i]!;
    }
    for (let i = 0; i < n; i++) required[i] = required[i] === kinds.length ? 1 : 0;
  }

  if (p.text.length) {
    hits = new Uint8Array(n);
    typoWords = new Uint8Array(n);
    const best = new Float32Array(n);
    const asTyped = new Uint8Array(n);
    const edits = p.allowance ? new Uint8Array(n) : undefined;
    loose = p.allowance ? new Uint8Array(n) : undefined;
    let ownShards: Set<number> | undefined;
    p.text.forEach((word, w) => {
      best.fill(0);
      asTyped.fill(0);
      const m = matchWord(index, word, !!p.reading);
      // A word none of whose shards could load is left out, rather than emptying the results:
      // the reader sees what the other words find, and is told the answer is incomplete.
      if (m.terms.length && m.terms.every((t) => !index.postings[t])) {
        incomplete = true;
        unavailable++;
        return;
      }
      // While a word is being typed its completions share one weight, scaled by how much each is
      // used: the likeliest completion ranks first and the list stays put as the word grows,
      // instead of jumping to the items of some rare word at every letter (and fetching their
      // docs).
      const completes = (t: number) =>
        index.vocabulary[t]!.length > word.length && index.vocabulary[t]!.startsWith(word);
      let widest = 0;
      for (const t of m.terms)
        if (completes(t)) widest = Math.max(widest, index.postings[t]?.length ?? 0);
      for (let j = 0; j < m.terms.length; j++) {
        const list = index.postings[m.terms[j]!];
        if (!list) {
          incomplete = true;
          continue;
        }
        const base = completes(m.terms[j]!)
          ? m.quality[j]! * Math.log(1 + n / widest) * Math.sqrt(list.length / widest)
          : m.quality[j]! * Math.log(1 + n / list.length);
        const exact = m.typo[j] === 0;
        for (let x = 0; x < list.length; x++) {
          const code = list[x]!;
          const s = code & 1 ? base * TITLE_WEIGHT : base;
          const item = code >> 1;
          if (s > best[item]!) best[item] = s;
          if (exact) asTyped[item] = 1;
        }
      }
      const typos = m.spelt >= 0 ? index.typoPostings[m.spelt] : undefined;
      if (typos) {
        const base = TYPO_QUALITY * Math.log(1 + n / Math.max(1, typos.length));
        for (let x = 0; x < typos.length; x++) {
          const code = typos[x]!;
          const s = code & 1 ? base * TITLE_WEIGHT : base;
          const item = code >> 1;
          if (s > best[item]!) best[item] = s;
        }
      }
      if (literal) {
        for (const { target, quality } of m.tags) {
          const items = index.byTag[target.kind][target.index]!;
          const s = quality * Math.log(1 + n / Math.max(1, items.length)) * TAG_WEIGHT;
          for (let x = 0; x < items.length; x++) {
            const item = items[x]!;
            if (s > best[item]!) best[item] = s;
            asTyped[item] = 1;
          }
        }
      }
      for (let i = 0; i < n; i++) {
        if (best[i]! > 0) {
          hits![i]!++;
          total[i]! += best[i]!;
          if (!asTyped[i]) typoWords![i]!++;
        }
      }
      if (edits && loose) {
        // Deleting the whole word costs its length: within the allowance, any item may do that.
        // fuse.js aligns a word of three letters or fewer with the text beside the others for one
        // edit less, since one of its letters is nearly always there ("opt-out settings" matches
        // "not settings" with four edits).
        const missing = word.length <= 3 ? word.length - 1 : word.length;
        const ceiling = missing <= p.allowance ? missing : 255;
        edits.fill(ceiling);
        for (let i = 0; i < n; i++) if (best[i]! > 0) edits[i] = 0;
        const budget = p.looseBudget[w]!;
        if (budget) {
          const lm = looseWord(index, word, budget, (ownShards ??= shardsFor(index, p)));
          for (let j = 0; j < lm.terms.length; j++) {
            const list = index.postings[lm.terms[j]!];
            const d = lm.edits[j]!;
            if (!list) {
              incomplete = true;
              continue;
            }
            for (let x = 0; x < list.length; x++) {
              const item = list[x]! >> 1;
              if (d < edits[item]!) edits[item] = d;
            }
          }
        }
        for (let i = 0; i < n; i++) loose[i] = Math.min(255, loose[i]! + edits[i]!);
      }
    });
  }

  const companyAt = state.company ? meta.co.findIndex((c) => c[0] === state.company) : -1;
  const regionAt = state.region ? meta.re.findIndex((r) => r[0] === state.region) : -1;
  const kindAt = state.kind ? meta.ki.indexOf(state.kind) : -1;
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
    for (const c of index.companiesOf[i]!) bump(facets.company, meta.co[c]![0]);
  };
  const countRegions = (i: number) => {
    for (const r of index.regionsOf[i]!) bump(facets.region, meta.re[r]![0]);
  };
  const countKind = (i: number) => bump(facets.kind, meta.ki[index.kinds[i]!]!);
  const countYear = (i: number) => bump(facets.year, String(index.years[i]));

  const wanted = p.text.length - unavailable;
  // Every word's shards failed: nothing is known to match (not: everything does).
  const nothing = p.noWords || (p.text.length > 0 && wanted === 0 && !required);
  const strictOf = (i: number) => (!hits || hits[i] === wanted ? 1 : 0);
  const ids: number[] = [];
  if (!nothing) {
    for (let i = 0; i < n; i++) {
      if (required) {
        if (!required[i]) continue;
      } else if (hits && hits[i] !== wanted && !(loose && loose[i]! <= p.allowance)) continue;
      const missCompany = filters.company && !index.companiesOf[i]!.includes(companyAt);
      const missRegion = filters.region && !index.regionsOf[i]!.includes(regionAt);
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
  }
  let strict = ids.length;
  if (hits) {
    const typos = typoWords!;
    ids.sort(
      (a, b) =>
        strictOf(b) - strictOf(a) || typos[a]! - typos[b]! || total[b]! - total[a]! || a - b,
    );
    strict = ids.reduce((k, i) => k + strictOf(i), 0);
  }
  return {
    ids,
    strict,
    facets,
    words: p.text,
    reading: p.reading,
    noWords: p.noWords,
    capped: p.capped,
    incomplete,
  };
}

/** Loads every shard from a built index in memory (tests and the benchmark's Node side). */
export function addAllShards(index: LoadedIndex, files: ReadonlyMap<string, Uint8Array>): void {
  index.meta.sh.forEach(([, name], s) => {
    const bytes = files.get(name);
    if (!bytes) throw new Error(`missing search shard ${name}`);
    addShard(index, s, bytes);
  });
}
