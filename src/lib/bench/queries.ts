/**
 * The benchmark's fixed queries: what readers type, typos included ("linkdin", "insta gram",
 * "meta trainig", "opt out" for "opt-out"), over companies, regions, regulators and topics.
 */
export const BENCH_QUERIES = [
  'linkdin',
  'insta gram',
  'opt out',
  'meta trainig',
  'linkedin',
  'openai',
  'chatgpt',
  'regulator',
  'irish dpc',
  'gdpr',
  'privacy policy',
  'lawsuit',
  'consent',
  'google gemini',
  'x grok',
  'eu',
  'training data',
  'artsts',
  'opt-out settings',
  'reddit data deal',
] as const;

/**
 * What the browser side types, key by key: names spelt right and wrong, ordinary words, and
 * two- and three-word queries.
 */
export const BROWSER_QUERIES = [
  'linkdin',
  'goggle',
  'chatgtp',
  'irland',
  'regulator',
  'meta trainig',
  'privacy policy',
  'training data',
  'opt-out settings',
  'reddit data deal',
] as const;
