/**
 * The search index as shipped to the browser. It is built from the timeline items at build time
 * and has two parts fetched together on first use: `index.json` (this shape) and `postings.bin`
 * (the posting lists). Item display data (title, summary, links) is not in it: at 10 000 items the
 * text alone is over 1 MB gzipped, so it ships in small `docs` chunks fetched only for the results
 * on screen.
 */

export const FORMAT_VERSION = 1;

/** Items per docs chunk: small enough that a page of scattered results costs little. */
export const DOCS_CHUNK = 16;

export interface SearchIndexFile {
  v: typeof FORMAT_VERSION;
  /** Content hash of this build's index; docs chunks are fetched with it so caches never mix builds. */
  h: string;
  /** Number of items, in timeline order (newest first). */
  n: number;
  /** Items per docs chunk: item i is in chunk ⌊i / cs⌋. */
  cs: number;
  /** Companies: [id, display name, other searchable names (aliases, products) joined by " | "]. */
  co: [string, string, string][];
  /** Regions: [code, display name, other searchable names joined by " | "]. */
  re: [string, string, string][];
  /** Publisher names. */
  pu: string[];
  /** Vocabulary: every normalised word of titles and summaries, in postings.bin order. */
  t: string[];
  /**
   * Days: d[0] is the first item's day (days since 1970-01-01 UTC), then each entry is how many
   * days older the next item is than the one before it (items are newest first, so never negative).
   */
  d: number[];
  /** Kind values by code: `news` (an ingested story) first, then the curated entry kinds. */
  ki: string[];
  /** Kind code per item, an index into `ki`. */
  k: number[];
  /** Company indexes (into `co`) per item. */
  c: number[][];
  /** Region indexes (into `re`) per item. */
  r: number[][];
  /** Publisher indexes (into `pu`) per item. */
  p: number[][];
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
  sources: { url: string; title: string; publisher?: string; date?: string }[];
  why?: string[];
}

export interface DocsChunk {
  /** The index hash this chunk belongs to. */
  h: string;
  /** Position of the first row in the timeline. */
  from: number;
  rows: DocRow[];
}
