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
 * The tags the queries that name a company, product or region stand for (the issue reads such a
 * name as its tag), and the rest of the query: recall for these is measured against the naive scan
 * over that tag's items, searching the rest (every tag item when nothing is left). Companies of
 * one query widen (X's items and xAI's for "x grok"), a company and a region narrow.
 */
export interface NamedQuery {
  companies?: readonly string[];
  regions?: readonly string[];
  rest: string;
}

export const NAMED_QUERIES: Readonly<Record<string, NamedQuery>> = {
  linkdin: { companies: ['linkedin'], rest: '' },
  'insta gram': { companies: ['meta'], rest: '' },
  'meta trainig': { companies: ['meta'], rest: 'trainig' },
  linkedin: { companies: ['linkedin'], rest: '' },
  openai: { companies: ['openai'], rest: '' },
  chatgpt: { companies: ['openai'], rest: '' },
  'irish dpc': { regions: ['IE'], rest: 'dpc' },
  'google gemini': { companies: ['google'], rest: '' },
  'x grok': { companies: ['x', 'xai'], rest: '' },
  eu: { regions: ['EU'], rest: '' },
  'reddit data deal': { companies: ['reddit'], rest: 'data deal' },
};

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
