/** What parsing yields before normalising: still untrusted, fields as the feed wrote them. */

export interface RawItem {
  title: unknown;
  /** The item's link as written (may be relative, missing or hostile). */
  link: unknown;
  /** guid / Atom id / JSON id: a link of last resort when it is an http(s) URL. */
  id: unknown;
  /** Candidate summaries, best first (description or summary before full content). */
  summaries: unknown[];
  /** Candidate dates, best first (published before updated). */
  dates: unknown[];
}

export interface ParsedFeed {
  format: 'rss' | 'rdf' | 'atom' | 'json';
  title: string;
  /** Base for relative links declared by the feed itself (`xml:base`), if any. */
  base?: string;
  items: RawItem[];
}
