/**
 * JSON Schemas for the open-data files, derived from the same zod schemas that validate the
 * content, so the published contract cannot drift from what the site accepts. The field notes
 * below are both the schema's descriptions and the table on the /data/ page.
 */
import { z } from 'zod';
import { articleSchema } from '../content/article.ts';
import { entrySchema, type Vocabulary } from '../content/entry.ts';
import { LICENCE } from './export.ts';

export interface FieldDoc {
  /** Path in a record: `sources[].url` for a field of each source. */
  field: string;
  /** How the value is written, in words. */
  type: string;
  description: string;
}

export const ENTRY_FIELDS: FieldDoc[] = [
  {
    field: 'id',
    type: 'text',
    description: 'Stable id of the entry: its file name, YYYY-MM-DD-slug.',
  },
  { field: 'url', type: 'URL', description: 'The entry’s page on this site.' },
  { field: 'title', type: 'text', description: 'Headline, in our own words.' },
  {
    field: 'date',
    type: 'date (YYYY-MM-DD)',
    description: 'The day the event happened or was announced.',
  },
  {
    field: 'datePrecision',
    type: '"day" or "month"',
    description: '"month" when only the month is known: the date is then the 1st.',
  },
  {
    field: 'companies',
    type: 'list of company ids',
    description: 'The companies the event is about, e.g. meta, linkedin.',
  },
  {
    field: 'regions',
    type: 'list of region codes',
    description:
      'Where it applies: GLOBAL, EU, UK, US or an ISO 3166-1 country code. A member state implies its bloc (IE also lists EU).',
  },
  { field: 'kind', type: 'one of the kinds below', description: 'What sort of event it is.' },
  { field: 'summary', type: 'text', description: 'One or two sentences, in our own words.' },
  { field: 'sources', type: 'list', description: 'Where the facts come from; at least one.' },
  {
    field: 'sources[].url',
    type: 'URL',
    description: 'The page that reports or documents the event.',
  },
  {
    field: 'sources[].title',
    type: 'text',
    description: 'Its headline or title (the publisher’s words).',
  },
  {
    field: 'sources[].publisher',
    type: 'text, optional',
    description: 'Outlet, regulator, court or company that published it.',
  },
  {
    field: 'sources[].date',
    type: 'date, optional',
    description: 'When the source was published.',
  },
  {
    field: 'status',
    type: 'list',
    description:
      'What the event changed, per company and region; the comparison page is built from these.',
  },
  {
    field: 'status[].company',
    type: 'company id',
    description: 'The company whose practice changed.',
  },
  { field: 'status[].region', type: 'region code', description: 'The region where it changed.' },
  {
    field: 'status[].training',
    type: 'default-on, opt-in, off, paused or blocked',
    description: 'Whether the company now trains AI on people’s data there.',
  },
  {
    field: 'status[].optOut',
    type: 'settings, form, email, none or not-needed; optional',
    description: 'How people there can keep their data out.',
  },
  { field: 'status[].optOutUrl', type: 'URL, optional', description: 'Where to opt out.' },
  {
    field: 'status[].note',
    type: 'text, optional',
    description: 'A short qualification, e.g. “public posts of adults only”.',
  },
  {
    field: 'status[].confirms',
    type: 'true, optional',
    description:
      'Set when the line confirms, from a new source, that the status already in force is still the case, rather than changing it.',
  },
  {
    field: 'effective',
    type: 'date, optional',
    description:
      'When the change takes effect, or a deadline such as the last day to object. The calendar lists these.',
  },
  {
    field: 'articles',
    type: 'list of article ids',
    description: 'Ingested articles this entry covers (see articles.json).',
  },
];

export const ARTICLE_FIELDS: FieldDoc[] = [
  { field: 'id', type: 'text', description: 'Stable id derived from the canonical URL.' },
  {
    field: 'url',
    type: 'URL',
    description: 'Canonical address of the article: tracking parameters such as utm_* removed.',
  },
  { field: 'title', type: 'text', description: 'The publisher’s headline, as plain text.' },
  {
    field: 'summary',
    type: 'text, may be empty',
    description: 'The feed’s summary, as plain text.',
  },
  { field: 'published', type: 'date-time (ISO 8601, UTC)', description: 'When it was published.' },
  {
    field: 'dateEstimated',
    type: 'true or false',
    description: 'True when the feed gave no usable date and published is the time we fetched it.',
  },
  { field: 'publisher', type: 'text', description: 'Who published it.' },
  { field: 'feed', type: 'text', description: 'Id of the feed it came from.' },
  { field: 'companies', type: 'list of company ids', description: 'Companies it was tagged with.' },
  {
    field: 'proposedCompanies',
    type: 'list of company ids',
    description:
      'The ids in companies that have no company page yet: organisations the classifier named, slugs of their names, until an editor adds them.',
  },
  {
    field: 'regions',
    type: 'list of region codes',
    description: 'Regions it was tagged with, blocs included.',
  },
  {
    field: 'language',
    type: 'language code (ISO 639-1)',
    description: 'The language the article is written in, as detected; und when unknown.',
  },
  { field: 'score', type: 'number, 0–1', description: 'How relevant the classifier judged it.' },
  {
    field: 'why',
    type: 'list of text',
    description: "Human-readable reasons for the tags, e.g. “'ICO' → UK”. JSON only.",
  },
  { field: 'story', type: 'text', description: 'Id shared by all articles about the same story.' },
  {
    field: 'fetchedAt',
    type: 'date-time (ISO 8601, UTC)',
    description: 'When we first stored it.',
  },
];

type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
};

/** Adds each field's description, and forbids fields the export never writes. */
function document(schema: JsonSchema, docs: readonly FieldDoc[], prefix = ''): JsonSchema {
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, prop]) => {
      const path = `${prefix}${name}`;
      const description = docs.find((d) => d.field === path)?.description;
      const items = prop.items?.properties ? document(prop.items, docs, `${path}[].`) : prop.items;
      return [
        name,
        { ...prop, ...(items ? { items } : {}), ...(description ? { description } : {}) },
      ];
    }),
  );
  return { ...schema, properties, additionalProperties: false };
}

const URL_FORMAT = { type: 'string', format: 'uri', pattern: '^https?://' };

function envelope(
  kind: 'entries' | 'articles',
  site: URL,
  record: JsonSchema,
  description: string,
) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: new URL(`/data/schema/${kind}.schema.json`, site).href,
    title: `AI Data Watch: ${kind}`,
    description,
    type: 'object',
    required: ['$schema', 'title', 'description', 'licence', 'homepage', 'count', 'records'],
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', format: 'uri' },
      title: { type: 'string' },
      description: { type: 'string' },
      licence: {
        type: 'object',
        required: ['name', 'url', 'note'],
        additionalProperties: false,
        properties: {
          name: { const: LICENCE.name },
          url: { const: LICENCE.url },
          note: { type: 'string' },
        },
      },
      homepage: { type: 'string', format: 'uri' },
      updated: { type: 'string', description: 'Date of the newest record.' },
      count: { type: 'integer', minimum: 0, description: 'Number of records.' },
      records: { type: 'array', items: { $ref: '#/$defs/record' } },
    },
    $defs: { record },
  };
}

/**
 * The schema of /data/entries.json. The entry front-matter schema, as editors write it, plus the
 * id and page URL; company ids and region codes are limited to the site's taxonomy.
 */
export function entriesJsonSchema(vocab: Vocabulary, site: URL) {
  const front = z.toJSONSchema(entrySchema(vocab), { io: 'input' }) as JsonSchema;
  const { draft: _draft, ...props } = front.properties ?? {};
  const companyIds = { type: 'string', enum: [...vocab.companyIds] };
  const regionCodes = { type: 'string', enum: [...vocab.regionCodes] };
  const sources = props['sources']!;
  const status = props['status']!;
  const record: JsonSchema = {
    type: 'object',
    required: ['id', 'url', ...(front.required ?? []), 'datePrecision', 'status', 'articles'],
    properties: {
      id: { type: 'string', minLength: 1 },
      url: URL_FORMAT,
      ...props,
      companies: { ...props['companies'], items: companyIds },
      regions: { ...props['regions'], items: regionCodes },
      sources: {
        ...sources,
        items: {
          ...sources.items,
          properties: { ...sources.items?.properties, url: URL_FORMAT },
        },
      },
      status: {
        ...status,
        items: {
          ...status.items,
          required: ['company', 'region', 'training'],
          properties: {
            ...status.items?.properties,
            company: companyIds,
            region: regionCodes,
            optOutUrl: URL_FORMAT,
          },
        },
      },
    },
  };
  return envelope(
    'entries',
    site,
    document(record, ENTRY_FIELDS),
    'Curated entries published by AI Data Watch.',
  );
}

/** The schema of /data/articles.json: the stored article schema itself. */
export function articlesJsonSchema(site: URL) {
  const stored = z.toJSONSchema(articleSchema, { io: 'input' }) as JsonSchema;
  const { $schema: _s, ...record } = stored;
  const { review: _held, ...published } = stored.properties ?? {};
  return envelope(
    'articles',
    site,
    document(
      {
        ...record,
        required: Object.keys(published),
        properties: { ...published, url: URL_FORMAT },
      },
      ARTICLE_FIELDS,
    ),
    'Articles ingested from news feeds by AI Data Watch, with editors’ corrections applied.',
  );
}
