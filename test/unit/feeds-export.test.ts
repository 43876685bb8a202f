import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/lib/content/article.ts';
import { entrySchema, type Vocabulary } from '../../src/lib/content/entry.ts';
import {
  ARTICLE_FIELDS,
  ENTRY_FIELDS,
  articlesJsonSchema,
  entriesJsonSchema,
} from '../../src/lib/feeds/export-schema.ts';
import {
  articleRecords,
  articlesCsv,
  articlesFile,
  entriesCsv,
  entriesFile,
  spreadsheetSafe,
} from '../../src/lib/feeds/export.ts';

const site = new URL('https://aidatawatch.org');
const vocab: Vocabulary = {
  companyIds: ['linkedin', 'meta'],
  regionCodes: ['EU', 'GLOBAL', 'IE', 'US'],
  blocsOf: new Map([['IE', ['EU']]]),
};
const entries = [
  {
    id: '2024-09-18-linkedin-opts-in',
    data: entrySchema(vocab).parse({
      title: 'LinkedIn opts members into AI training',
      date: '2024-09-18',
      companies: ['linkedin'],
      regions: ['US'],
      kind: 'policy-change',
      summary: '=HYPERLINK("x") is not a formula here; members were opted in.',
      sources: [{ url: 'https://www.linkedin.com/a;b', title: 'Updates', date: '2024-09-18' }],
      status: [{ region: 'US', training: 'default-on', optOut: 'settings' }],
      effective: '2024-11-03',
    }),
  },
  {
    id: '2024-06-14-meta-pauses-eu',
    data: entrySchema(vocab).parse({
      title: 'Meta pauses EU training',
      date: '2024-06-14',
      companies: ['meta'],
      regions: ['IE'],
      kind: 'pause',
      summary: 'Meta paused.',
      sources: [{ url: 'https://example.org/m', title: 'Paused', publisher: 'Example' }],
    }),
  },
];
const articles = [
  articleSchema.parse({
    id: 'example-org-meta-1',
    url: 'https://example.org/meta-1',
    title: '-1 day: Meta, Instagram',
    summary: 'S',
    published: '2024-06-14T09:00:00+02:00',
    publisher: '@Example',
    feed: 'example',
    companies: ['meta'],
    regions: ['EU', 'IE'],
    score: 0.9,
    why: ["'Meta' → meta"],
    story: 'example-org-meta-1',
    fetchedAt: '2024-06-14T10:00:00Z',
  }),
];

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateEntries = ajv.compile(entriesJsonSchema(vocab, site));
const validateArticles = ajv.compile(articlesJsonSchema(site));
const errors = (v: { errors?: unknown }) => ajv.errorsText(v.errors as never);

describe('entriesFile', () => {
  const file = entriesFile(entries, site);

  it('writes dates as YYYY-MM-DD, adds the page address and fills each status row’s company', () => {
    expect(file.records[0]).toMatchObject({
      id: '2024-09-18-linkedin-opts-in',
      url: 'https://aidatawatch.org/entries/2024-09-18-linkedin-opts-in/',
      date: '2024-09-18',
      effective: '2024-11-03',
      sources: [{ url: 'https://www.linkedin.com/a;b', title: 'Updates', date: '2024-09-18' }],
      status: [{ company: 'linkedin', region: 'US', training: 'default-on', optOut: 'settings' }],
    });
  });

  it('lists records newest first with the count, licence and the newest date', () => {
    expect(file.records.map((r) => r.id)).toEqual([
      '2024-09-18-linkedin-opts-in',
      '2024-06-14-meta-pauses-eu',
    ]);
    expect(file.count).toBe(2);
    expect(file.updated).toBe('2024-09-18');
    expect(file.licence.name).toBe('CC BY 4.0');
  });

  it('leaves optional fields out rather than writing null', () => {
    expect(file.records[1]).not.toHaveProperty('effective');
    expect(JSON.stringify(file)).not.toContain('null');
  });

  it('validates against its published JSON Schema', () => {
    const ok = validateEntries(JSON.parse(JSON.stringify(file)));
    expect(ok, errors(validateEntries)).toBe(true);
  });

  it('has a schema that rejects unknown company ids, non-http links and unknown fields', () => {
    const bad = (change: (r: Record<string, unknown>) => void) => {
      const copy = JSON.parse(JSON.stringify(file));
      change(copy.records[0]);
      return validateEntries(copy);
    };
    expect(bad((r) => (r['companies'] = ['acme']))).toBe(false);
    expect(bad((r) => ((r['sources'] as { url: string }[])[0]!.url = 'javascript:alert(1)'))).toBe(
      false,
    );
    expect(bad((r) => (r['surprise'] = 1))).toBe(false);
    expect(bad((r) => (r['date'] = '18/09/2024'))).toBe(false);
  });

  it('documents every field the schema has, and nothing it lacks', () => {
    const record = entriesJsonSchema(vocab, site).$defs.record as {
      properties: Record<string, { description?: string; items?: { properties?: object } }>;
    };
    const paths = Object.entries(record.properties).flatMap(([k, v]) => [
      k,
      ...Object.keys(v.items?.properties ?? {}).map((c) => `${k}[].${c}`),
    ]);
    expect(ENTRY_FIELDS.map((f) => f.field).sort()).toEqual(paths.sort());
    expect(Object.values(record.properties).every((p) => p.description)).toBe(true);
  });
});

describe('articlesFile', () => {
  const file = articlesFile(articles, site);

  it('keeps the stored article fields, times in UTC', () => {
    expect(file.records[0]).toMatchObject({
      published: '2024-06-14T07:00:00.000Z',
      why: ["'Meta' → meta"],
    });
    expect(file.updated).toBe('2024-06-14T07:00:00.000Z');
  });

  it('validates against its published JSON Schema, which is the stored article schema', () => {
    const ok = validateArticles(JSON.parse(JSON.stringify(file)));
    expect(ok, errors(validateArticles)).toBe(true);
    const broken = JSON.parse(JSON.stringify(file));
    broken.records[0].score = 3;
    expect(validateArticles(broken)).toBe(false);
  });

  it('documents every article field', () => {
    const record = articlesJsonSchema(site).$defs.record as { properties: object };
    expect(ARTICLE_FIELDS.map((f) => f.field).sort()).toEqual(
      Object.keys(record.properties).sort(),
    );
  });
});

describe('CSV export', () => {
  const rows = (csv: string) => parseCsv(csv, { columns: true }) as Record<string, string>[];

  it('writes one row per entry with lists joined by semicolons and status as company:REGION:training:optOut', () => {
    const [first, second] = rows(entriesCsv(entriesFile(entries, site).records));
    expect(first).toMatchObject({
      id: '2024-09-18-linkedin-opts-in',
      companies: 'linkedin',
      sourceUrls: 'https://www.linkedin.com/a%3Bb',
      status: 'linkedin:US:default-on:settings',
      effective: '2024-11-03',
    });
    expect(second!['regions']).toBe('IE;EU');
  });

  it('marks a status line that only confirms the status in force with :confirms', () => {
    const confirming = entries.map((e, i) =>
      i === 0
        ? {
            ...e,
            data: {
              ...e.data,
              status: e.data.status.map((s) => ({ ...s, confirms: true as const })),
            },
          }
        : e,
    );
    const [first] = rows(entriesCsv(entriesFile(confirming, site).records));
    expect(first!['status']).toBe('linkedin:US:default-on:settings:confirms');
  });

  it('keeps spreadsheet programs from running text cells as formulas', () => {
    const [entry] = rows(entriesCsv(entriesFile(entries, site).records));
    expect(entry!['summary']!.startsWith("'=HYPERLINK")).toBe(true);
    const [article] = rows(articlesCsv(articleRecords(articles)));
    expect(article!['title']).toBe("'-1 day: Meta, Instagram");
    expect(article!['publisher']).toBe("'@Example");
    expect(spreadsheetSafe('Meta = Facebook')).toBe('Meta = Facebook');
  });

  it('uses CRLF line ends and a header row', () => {
    const csv = articlesCsv(articleRecords(articles));
    expect(csv.split('\r\n')[0]).toBe(
      'id,url,title,summary,published,dateEstimated,publisher,feed,companies,proposedCompanies,regions,language,score,story,fetchedAt',
    );
    expect(rows(csv)[0]).toMatchObject({ regions: 'EU;IE', score: '0.9', dateEstimated: 'false' });
  });
});
