/**
 * The search index as shipped to the browser, in files fetched only as a query needs them:
 *
 * - `index.<hash>.json` (this `SearchMeta`): the vocabulary, the company and region names, and the
 *   list of posting shards; fetched once, when the search box is first used.
 * - `items.<hash>.bin`: each item's day, kind, companies and regions (for filters, facet counts
 *   and names read as tags); fetched once, with the meta.
 * - `shard-<content hash>.bin`: the posting lists of one run of the sorted vocabulary (per word,
 *   its items, then the items only its typo variants have: see variants.ts); a query
 *   fetches only the shards holding the words it matches (Pagefind splits its word index the same
 *   way: chunks of a sorted word range, each named by its hash, listed in one meta file).
 * - `docs/<hash>/<n>.json`: display data (title, summary, links) of item n, fetched for the
 *   results on screen.
 *
 * Every name carries a hash, so the files are immutable and cacheable forever, and every binary
 * file starts with its build's hash, so a file from another build is recognised and refused.
 */

export const FORMAT_VERSION = 4;

/** Results shown at once (and ordered by fuse.js); "Show more results" adds as many again. */
export const RESULTS_PAGE = 10;

/**
 * Items per docs chunk. One: a page of results is scattered over the archive, so a bigger chunk
 * fetches mostly rows nobody asked for. Measured on the synthetic archive (npm run bench), a page
 * of 20 results fetches ~10 KB of docs at 1 item a chunk, ~15 KB at 2 and ~24 KB at 4; the extra
 * files cost the 10 000-article build about 3 s.
 */
export const DOCS_CHUNK = 1;

/**
 * Target raw size of a posting shard (a word whose list is longer gets a shard of its own).
 * Measured by `npm run bench` (its shard-size sweep) on the synthetic archive at 50 000 articles:
 * the shards the heaviest query needs weigh 18 KB gzip with 1 KB shards, 32 KB at 2 KB, 59 KB at
 * 4 KB and 107 KB at 8 KB (at 10 000 articles 12, 22, 39 and 64 KB), since a query's typo matches
 * are scattered over the sorted vocabulary and each pulls in its whole shard; requests stay as few.
 */
export const SHARD_BYTES = 1024;

/** First bytes of every binary search file, before the build hash. */
export const MAGIC = 'AIDW';

export interface SearchMeta {
  v: typeof FORMAT_VERSION;
  /** Content hash of this build's search data; binary files start with it, docs live under it. */
  h: string;
  /** Number of items, in timeline order (newest first). */
  n: number;
  /** Items per docs chunk: item i is in chunk ⌊i / cs⌋. */
  cs: number;
  /** Companies: [id, display name, other names (aliases, products) joined by " | "]. */
  co: [string, string, string][];
  /**
   * How many of `co`, from the first, have a company page; the rest are companies the classifier
   * proposed, named by their id, shown without a link.
   */
  cp: number;
  /** Regions: [code, display name, other names joined by " | ", indexes of the blocs it is in]. */
  re: [string, string, string, number[]][];
  /** Kind values by code: `news` (an ingested story) first, then the curated entry kinds. */
  ki: string[];
  /**
   * Vocabulary: every normalised word of titles, summaries and publishers, sorted and front-coded
   * (see encodeVocabulary): a quarter smaller gzipped than a JSON list of the words.
   */
  t: string;
  /**
   * One bit per vocabulary word, base64: set for words used by at least one item in 2 000 (three
   * at least), real words of the archive, which a query means as typed rather than as a misspelt
   * name.
   */
  common: string;
  /** Posting shards, in vocabulary order: [index of the shard's first word in `t`, file name]. */
  sh: [number, string][];
  /** File name of the per-item data. */
  items: string;
}

/** One item's display data, in a docs chunk. */
export interface DocRow {
  /** Item id (entry slug or story id). */
  id: string;
  title: string;
  summary: string;
  href: string;
  /** ISO date or date-time, as the timeline item has it. */
  date: string;
  /** True when only the month is known. */
  month?: true;
  type: 'entry' | 'story';
  effective?: string;
  /**
   * Each source, leaving out a url, title or date that equals the item's own (see sourcesOf); an
   * empty date means the source has none.
   */
  sources: { url?: string; title?: string; publisher?: string; date?: string }[];
  why?: string[];
  /** The `lang` of the title and summary, when they are not in the site's language (partLang). */
  lang?: string;
}

export interface Source {
  url: string;
  title: string;
  publisher?: string;
  date?: string;
}

/** A row's sources in full, the item's own link, title and date filled in where left out. */
export function sourcesOf(row: DocRow): Source[] {
  return row.sources.map((s) => ({
    url: s.url ?? row.href,
    title: s.title ?? row.title,
    ...(s.publisher ? { publisher: s.publisher } : {}),
    ...(s.date === undefined ? { date: row.date } : s.date ? { date: s.date } : {}),
  }));
}

export interface DocsChunk {
  /** The index hash this chunk belongs to. */
  h: string;
  /** Position of the first row in the timeline. */
  from: number;
  rows: DocRow[];
}

type Packed = string | number | Packed[];

/** Drops trailing empty fields (0), so a row carries only what it has. */
const trimmed = (fields: Packed[]) => {
  let end = fields.length;
  while (end > 0 && fields[end - 1] === 0) end--;
  return fields.slice(0, end);
};

/**
 * A docs chunk as the file served: rows and sources as arrays of their fields in a fixed order,
 * 0 for a field a row does not have, since the names of the fields would be a tenth of what a
 * page of results fetches.
 */
export function docsFile(chunk: DocsChunk): string {
  const rows = chunk.rows.map((r) =>
    trimmed([
      r.id,
      r.title,
      r.summary,
      r.href,
      r.date,
      r.type === 'entry' ? 1 : 0,
      r.sources.map((s) => trimmed([s.publisher ?? 0, s.url ?? 0, s.title ?? 0, s.date ?? 0])),
      r.why ?? 0,
      r.month ? 1 : 0,
      r.effective ?? 0,
      r.lang ?? 0,
    ]),
  );
  return JSON.stringify([chunk.h, chunk.from, rows]);
}

/** Reads a docs file written by docsFile; throws on anything else. */
export function readDocsFile(text: string): DocsChunk {
  const data: unknown = JSON.parse(text);
  if (!Array.isArray(data) || typeof data[0] !== 'string' || !Array.isArray(data[2]))
    throw new Error('not a search docs file');
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const rows = (data[2] as unknown[][]).map((f): DocRow => {
    const sources = (f[6] as unknown[][]).map((s) => {
      const [publisher, url, title, date] = s.map(str);
      return {
        ...(url !== undefined ? { url } : {}),
        ...(title !== undefined ? { title } : {}),
        ...(publisher !== undefined ? { publisher } : {}),
        ...(date !== undefined ? { date } : {}),
      };
    });
    const row: DocRow = {
      id: String(f[0]),
      title: String(f[1]),
      summary: String(f[2]),
      href: String(f[3]),
      date: String(f[4]),
      type: f[5] === 1 ? 'entry' : 'story',
      sources,
    };
    if (Array.isArray(f[7])) row.why = f[7].map(String);
    if (f[8] === 1) row.month = true;
    if (typeof f[9] === 'string') row.effective = f[9];
    if (typeof f[10] === 'string') row.lang = f[10];
    return row;
  });
  return { h: data[0], from: Number(data[1]), rows };
}

/** The bytes every binary file of a build starts with. */
export function fileHeader(hash: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${MAGIC}${hash}`);
}

/**
 * The body of a binary search file after checking it belongs to the build `hash`; throws, naming
 * the file, when it comes from another build or is not a search file at all.
 */
export function checkedBody(bytes: Uint8Array, hash: string, name: string): Uint8Array {
  const header = fileHeader(hash);
  const ok = bytes.length >= header.length && header.every((b, i) => bytes[i] === b);
  if (!ok) throw new Error(`${name} is not part of this build's search index (${hash})`);
  return bytes.subarray(header.length);
}

/**
 * Sorted words as one string: each word is the number of leading letters it shares with the word
 * before (one base-36 digit, at most 35) followed by the rest, one word a line.
 */
export function encodeVocabulary(words: readonly string[]): string {
  let prev = '';
  return words
    .map((w) => {
      let k = 0;
      while (k < 35 && k < prev.length && k < w.length && prev[k] === w[k]) k++;
      prev = w;
      return k.toString(36) + w.slice(k);
    })
    .join('\n');
}

export function decodeVocabulary(text: string): string[] {
  if (!text) return [];
  let prev = '';
  return text.split('\n').map((line) => {
    prev = prev.slice(0, parseInt(line[0]!, 36)) + line.slice(1);
    return prev;
  });
}

export function encodeBits(set: readonly boolean[]): string {
  const bytes = new Uint8Array(Math.ceil(set.length / 8));
  set.forEach((on, i) => {
    if (on) bytes[i >> 3]! |= 1 << (i & 7);
  });
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

export function decodeBits(base64: string, size: number): Uint8Array {
  const text = atob(base64);
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (text.charCodeAt(i >> 3) >> (i & 7)) & 1;
  return out;
}
