/** "How to fix" for each field check can complain about, in the words EDITING.md uses. */
import { OPT_OUT, TRAINING } from '../content/entry.ts';

export type FileKind =
  | 'entry'
  | 'company'
  | 'region'
  | 'feeds'
  | 'classifier'
  | 'overrides'
  | 'region-groups'
  | 'primary-sources'
  | 'article'
  | 'health';

const ARTICLE_FIX =
  'articles are written by npm run ingest: do not edit them; correct or hide one in content/overrides.yaml, or delete a broken file and run npm run ingest again';

const BY_FIELD: Record<FileKind, Record<string, string>> = {
  entry: {
    title: 'write a headline in our own words, at most 160 characters',
    date: 'write the day as YYYY-MM-DD, e.g. 2024-09-18',
    datePrecision: 'write day or month',
    companies:
      'use company ids, the file names in content/companies/ without .yaml (to add a company, see EDITING.md "Add a company")',
    regions:
      'use region codes from content/regions/, or GLOBAL when it applies everywhere (to add one, see EDITING.md "Add a region")',
    kind: 'choose the kind that fits the event best (EDITING.md describes each)',
    summary: 'write one or two sentences in our own words, at most 600 characters',
    sources: 'list at least one source as "- url: https://…" with a title on the next line',
    url: 'paste the full address, starting with https://',
    publisher: 'name who published the page, or delete the line',
    company: 'use one of the entry’s companies, or add that company to companies',
    region: 'use a region code from content/regions/',
    training: `write one of: ${TRAINING.join(', ')}`,
    optOut: `write one of: ${OPT_OUT.join(', ')}`,
    optOutUrl: 'paste the full address of the opt-out page, starting with https://',
    note: 'write a short qualification, or delete the line',
    confirms:
      'write confirms: true when the line confirms the status already in force, or delete the line to record a change',
    effective: 'write the day as YYYY-MM-DD, e.g. 2024-11-03',
    articles: 'list article ids: the file names in content/articles/ without .json',
    draft: 'write true or false, or delete the line',
  },
  company: {
    name: 'write the company’s name as readers know it',
    aliases: 'write a list such as [Meta Platforms, Facebook parent]',
    products: 'write a list such as [Instagram, WhatsApp]',
    caseSensitive: 'write a list of names from name, aliases or products',
    builtIn:
      'list products that another company’s file lists under products, such as [Grok], or delete the line',
    parent: 'use the id (file name without .yaml) of another company in content/companies/',
    website: 'paste the full address, starting with https://',
    url: 'paste the full address, starting with https://',
    summary: 'write one or two sentences on how to opt out',
    steps: 'write a list of steps, one plain sentence each',
  },
  region: {
    code: 'write the upper-case code, the file name in capitals (eu.yaml → EU)',
    name: 'write the region’s name as readers know it',
    aliases: 'write a list such as [Europe, European]',
    regulators: 'write a list of regulators, each with a name (and abbr, url if known)',
    laws: 'write a list of laws, each with a name (and abbr if known)',
    memberOf: 'use codes of other regions in content/regions/, e.g. [EU]',
    url: 'paste the full address, starting with https://',
  },
  feeds: {
    id: 'write a short lowercase id such as ico-news; it must be unique',
    url: 'paste the feed’s full address, starting with https://',
    publisher: 'write who publishes the feed, as readers should see it',
    companies: 'use company ids, the file names in content/companies/ without .yaml',
    regions: 'use region codes from content/regions/',
    enabled: 'write true or false',
    feeds: 'list the feeds under "feeds:", each starting with "- id:"',
  },
  classifier: {
    threshold: 'write a number between 0 and 1, e.g. 0.5',
    window: 'write a whole number of words, e.g. 10',
    pairWindow: 'write a whole number of words, e.g. 4',
    concepts:
      'list patterns under each concept, one "- word" per line, as the comments in the file show',
    weights: 'write a number for each weight, as the comments in the file show',
    shadows: 'write a list of phrases, one "- phrase" per line',
  },
  overrides: {
    articles: 'list corrections under "articles:", keyed by article id',
    hide: 'write true or false',
    companies: 'use company ids, the file names in content/companies/ without .yaml',
    regions: 'use region codes from content/regions/',
    story:
      'use the story id of the article it belongs with, or the article’s own id to split it off',
    reason: 'write why you changed it, in a few words',
  },
  'region-groups': {
    name: 'write the group’s name as readers know it, e.g. G7',
    aliases: 'write a list such as [Group of Seven, Gruppe der Sieben]',
    members:
      'list at least two region codes, e.g. [CA, FR, DE]: codes from content/regions/ or ISO 3166-1 country codes (UK, not GB)',
  },
  'primary-sources': {
    primary:
      'list domains under "primary:", each as "- { domain: …, companies: […] }" or with regions',
    domain: 'write the bare domain, e.g. priv.gc.ca: no https://, no path',
    companies: 'use company ids, the file names in content/companies/ without .yaml',
    regions: 'use region codes from content/regions/',
    aggregators: 'list domains under "aggregators:", one "- domain" per line',
  },
  article: {},
  health: {},
};

export function fixFor(kind: FileKind, path: readonly PropertyKey[]): string {
  if (kind === 'article') return ARTICLE_FIX;
  if (kind === 'health')
    return 'this file is written by npm run ingest: delete it and run npm run ingest again';
  const named = [...path].reverse().find((p): p is string => typeof p === 'string');
  const byField = BY_FIELD[kind];
  return (named && byField[named]) ?? 'see "What check messages mean" in EDITING.md';
}
