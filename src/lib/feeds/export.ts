/**
 * The open-data export: curated entries and ingested articles as JSON records and CSV rows, for
 * researchers and journalists. Records keep the stored field names and values; only dates become
 * YYYY-MM-DD strings, and every entry gains its id and page URL.
 */
import { stringify } from 'csv-stringify/sync';
import { ARTICLE_FIELDS, type Article } from '../content/article.ts';
import type { Kind, OptOut, Training } from '../content/entry.ts';
import { isoDay } from '../content/fields.ts';
import { byNewest, sourceLinks, statusChanges, type EntryRecord } from '../timeline/items.ts';

export const LICENCE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

export interface EntryExport {
  id: string;
  url: string;
  title: string;
  date: string;
  datePrecision: 'day' | 'month';
  companies: string[];
  regions: string[];
  kind: Kind;
  summary: string;
  sources: { url: string; title: string; publisher?: string; date?: string }[];
  status: {
    company: string;
    region: string;
    training: Training;
    optOut?: OptOut;
    optOutUrl?: string;
    note?: string;
    confirms?: true;
  }[];
  effective?: string;
  articles: string[];
}

/** Optional fields are left out rather than written as null, as in the entry files. */
type Defined<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};
function defined<T extends object>(o: T): Defined<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Defined<T>;
}

function entryRecord({ id, data }: EntryRecord, site: URL): EntryExport {
  return defined({
    id,
    url: new URL(`/entries/${id}/`, site).href,
    title: data.title,
    date: isoDay(data.date),
    datePrecision: data.datePrecision,
    companies: data.companies,
    regions: data.regions,
    kind: data.kind,
    summary: data.summary,
    sources: sourceLinks(data.sources).map(defined),
    status: statusChanges(data.status).map(defined),
    effective: data.effective && isoDay(data.effective),
    articles: data.articles,
  });
}

/** Newest first, ties by id, so the file is stable from build to build. */
export function entryRecords(entries: readonly EntryRecord[], site: URL): EntryExport[] {
  return entries.map((e) => entryRecord(e, site)).sort(byNewest);
}

/**
 * An article as published: every stored field but `review` (the site publishes no held article),
 * with the optional ones filled in so every record has the same fields.
 */
export type ArticleExport = Omit<Article, 'review' | 'proposedCompanies' | 'language'> & {
  proposedCompanies: string[];
  language: string;
};

export function articleRecords(articles: readonly Article[]): ArticleExport[] {
  return articles
    .map(({ review: _held, ...a }) => ({
      ...a,
      proposedCompanies: a.proposedCompanies ?? [],
      language: a.language ?? 'und',
    }))
    .sort((a, b) => b.published.localeCompare(a.published) || a.id.localeCompare(b.id));
}

export interface ExportFile<T> {
  $schema: string;
  title: string;
  description: string;
  licence: { name: string; url: string; note: string };
  homepage: string;
  /** The newest record's date; absent when there are none. */
  updated?: string;
  count: number;
  records: T[];
}

export const LICENCE_NOTES = {
  entries: `Our curated entries (titles, summaries, status) are published under ${LICENCE.name}: reuse them freely with credit to AI Data Watch and a link to the entry. Source titles and links belong to their publishers.`,
  articles:
    'Metadata and links only: headlines and summaries belong to their publishers and are given so you can find the original. Our tags, scores and story groupings are ' +
    `${LICENCE.name}.`,
} as const;

function envelope<K extends 'entries' | 'articles', T>(
  kind: K,
  records: T[],
  site: URL,
  updated: string | undefined,
  description: string,
): ExportFile<T> {
  return {
    $schema: new URL(`/data/schema/${kind}.schema.json`, site).href,
    title: `AI Data Watch: ${kind}`,
    description,
    licence: { ...LICENCE, note: LICENCE_NOTES[kind] },
    homepage: new URL('/data/', site).href,
    ...(updated ? { updated } : {}),
    count: records.length,
    records,
  };
}

export function entriesFile(entries: readonly EntryRecord[], site: URL) {
  const records = entryRecords(entries, site);
  return envelope(
    'entries',
    records,
    site,
    records[0]?.date,
    'Curated entries: events in how online platforms use people’s data to train AI, with sources and what each changed per region.',
  );
}

export function articlesFile(articles: readonly Article[], site: URL) {
  const records = articleRecords(articles);
  return envelope(
    'articles',
    records,
    site,
    records[0]?.published,
    'News articles collected from RSS and Atom feeds and tagged by company and region. Editors’ corrections are applied; hidden articles are left out.',
  );
}

/**
 * Spreadsheet programs run cells that start with = + - @ (or a tab or carriage return) as
 * formulas; such cells get a leading apostrophe (OWASP's advice). The JSON files are unaltered.
 */
export function spreadsheetSafe(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** List cells are joined with ";"; a ";" inside a URL is percent-encoded so the list stays unambiguous. */
const urls = (xs: readonly string[]) => xs.map((u) => u.replace(/;/g, '%3B')).join(';');

export const ENTRY_CSV_COLUMNS = [
  'id',
  'url',
  'title',
  'date',
  'datePrecision',
  'kind',
  'companies',
  'regions',
  'summary',
  'effective',
  'sourceUrls',
  'status',
  'articles',
] as const;

export function entriesCsv(records: readonly EntryExport[]): string {
  return stringify(
    records.map((r) => ({
      id: r.id,
      url: r.url,
      title: spreadsheetSafe(r.title),
      date: r.date,
      datePrecision: r.datePrecision,
      kind: r.kind,
      companies: r.companies.join(';'),
      regions: r.regions.join(';'),
      summary: spreadsheetSafe(r.summary),
      effective: r.effective ?? '',
      sourceUrls: urls(r.sources.map((s) => s.url)),
      status: r.status
        .map((s) =>
          [
            s.company,
            s.region,
            s.training,
            s.optOut ?? '',
            ...(s.confirms ? ['confirms'] : []),
          ].join(':'),
        )
        .join(';'),
      articles: r.articles.join(';'),
    })),
    { header: true, columns: [...ENTRY_CSV_COLUMNS], record_delimiter: 'windows' },
  );
}

/** The article fields, but the tag reasons: a list of sentences does not fit a spreadsheet cell. */
export const ARTICLE_CSV_COLUMNS = ARTICLE_FIELDS.filter((f) => f !== 'why' && f !== 'review');

export function articlesCsv(records: readonly ArticleExport[]): string {
  return stringify(
    records.map((a) => ({
      id: a.id,
      url: a.url,
      title: spreadsheetSafe(a.title),
      summary: spreadsheetSafe(a.summary),
      published: a.published,
      dateEstimated: a.dateEstimated ? 'true' : 'false',
      publisher: spreadsheetSafe(a.publisher),
      feed: a.feed,
      companies: a.companies.join(';'),
      proposedCompanies: a.proposedCompanies.join(';'),
      regions: a.regions.join(';'),
      language: a.language,
      score: a.score,
      story: a.story,
      fetchedAt: a.fetchedAt,
    })),
    { header: true, columns: [...ARTICLE_CSV_COLUMNS], record_delimiter: 'windows' },
  );
}
