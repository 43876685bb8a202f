import { describe, expect, it } from 'vitest';
import {
  entrySchema,
  KINDS,
  OPT_OUT,
  TRAINING,
  type Vocabulary,
} from '../../src/lib/content/entry.ts';

const vocab: Vocabulary = {
  companyIds: ['linkedin', 'meta', 'microsoft', 'stack-overflow'],
  regionCodes: ['GLOBAL', 'EU', 'IE', 'UK', 'US'],
  blocsOf: new Map([['IE', ['EU']]]),
};
const schema = entrySchema(vocab);

/** A complete, valid entry as an editor would write it; tests override one field at a time. */
function valid(): Record<string, unknown> {
  return {
    title: 'LinkedIn opts members in to AI training',
    date: '2024-09-18',
    companies: ['linkedin'],
    regions: ['US'],
    kind: 'opt-out',
    summary: 'LinkedIn switched on a setting that lets it train AI on members’ data.',
    sources: [{ url: 'https://example.org/linkedin-ai', title: 'LinkedIn and AI' }],
  };
}

/** Every problem as `path — message`, the way the build and `check` report them. */
function problems(input: Record<string, unknown>): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join('.')} — ${i.message}`);
}

describe('entrySchema accepts and cleans', () => {
  it('parses a minimal valid entry and fills the defaults', () => {
    const entry = schema.parse(valid());
    expect(entry).toMatchObject({
      title: 'LinkedIn opts members in to AI training',
      datePrecision: 'day',
      companies: ['linkedin'],
      regions: ['US'],
      kind: 'opt-out',
      status: [],
      articles: [],
      draft: false,
    });
    expect(entry.effective).toBeUndefined();
  });

  it('trims text and collapses runs of whitespace in titles and summaries', () => {
    const entry = schema.parse({
      ...valid(),
      title: '  LinkedIn   opts members in\n to AI training ',
      summary: '\tOne sentence,\n\n  then another.  ',
    });
    expect(entry.title).toBe('LinkedIn opts members in to AI training');
    expect(entry.summary).toBe('One sentence, then another.');
  });

  it('lowercases company ids and uppercases region codes', () => {
    const entry = schema.parse({
      ...valid(),
      companies: [' LinkedIn ', 'Stack-Overflow'],
      regions: ['us', ' Uk'],
    });
    expect(entry.companies).toEqual(['linkedin', 'stack-overflow']);
    expect(entry.regions).toEqual(['US', 'UK']);
  });

  it('files an entry tagged with a member state under its bloc as well', () => {
    expect(schema.parse({ ...valid(), regions: ['IE'] }).regions).toEqual(['IE', 'EU']);
  });

  it('does not repeat a bloc the editor already listed', () => {
    expect(schema.parse({ ...valid(), regions: ['EU', 'IE'] }).regions).toEqual(['EU', 'IE']);
  });

  it('turns a written date into midnight UTC of that day', () => {
    const entry = schema.parse({ ...valid(), date: '2024-09-18', effective: '2024-11-03' });
    expect(entry.date.toISOString()).toBe('2024-09-18T00:00:00.000Z');
    expect(entry.effective?.toISOString()).toBe('2024-11-03T00:00:00.000Z');
  });

  it('accepts a date the YAML parser already turned into a Date', () => {
    const entry = schema.parse({ ...valid(), date: new Date('2024-02-29T00:00:00Z') });
    expect(entry.date.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('accepts month precision for events known only to the month', () => {
    const entry = schema.parse({ ...valid(), date: '2023-04-01', datePrecision: 'month' });
    expect(entry.datePrecision).toBe('month');
  });

  it('fills in the company of a status line when the entry tags a single company', () => {
    const entry = schema.parse({
      ...valid(),
      status: [
        { region: 'us', training: 'default-on', optOut: 'settings' },
        { region: 'EU', training: 'off' },
      ],
    });
    expect(entry.status).toEqual([
      { company: 'linkedin', region: 'US', training: 'default-on', optOut: 'settings' },
      { company: 'linkedin', region: 'EU', training: 'off' },
    ]);
  });

  it('keeps the named company of each status line on a multi-company entry', () => {
    const entry = schema.parse({
      ...valid(),
      companies: ['linkedin', 'microsoft'],
      status: [{ company: 'LinkedIn', region: 'US', training: 'default-on' }],
    });
    expect(entry.status[0]?.company).toBe('linkedin');
  });

  it('accepts an empty company list for an event about no company in particular', () => {
    const entry = schema.parse({ ...valid(), companies: [], kind: 'regulator-action' });
    expect(entry.companies).toEqual([]);
  });

  it('keeps source publisher and date, and trims the URL', () => {
    const entry = schema.parse({
      ...valid(),
      sources: [
        {
          url: '  https://example.org/a  ',
          title: 'A',
          publisher: ' Example News ',
          date: '2024-09-19',
        },
        { url: 'http://example.com/b', title: 'B' },
      ],
    });
    expect(entry.sources[0]).toEqual({
      url: 'https://example.org/a',
      title: 'A',
      publisher: 'Example News',
      date: new Date('2024-09-19T00:00:00Z'),
    });
    expect(entry.sources[1]?.url).toBe('http://example.com/b');
  });
});

describe('entrySchema rejects, naming the field and the valid values', () => {
  it('refuses an unknown company id and lists the known ones', () => {
    expect(problems({ ...valid(), companies: ['linkedin', 'facebook'] })).toEqual([
      'companies.1 — unknown company id "facebook"; valid values: linkedin, meta, microsoft, stack-overflow',
    ]);
  });

  it('refuses an unknown region code and lists the known ones', () => {
    expect(problems({ ...valid(), regions: ['US', 'Europe'] })).toEqual([
      'regions.1 — unknown region code "EUROPE"; valid values: EU, GLOBAL, IE, UK, US',
    ]);
  });

  it('refuses a missing company list, pointing to [] for company-less events', () => {
    const { companies: _, ...rest } = valid();
    expect(problems(rest)).toEqual([
      'companies — must be a list of company ids, or [] for an event about no company in particular',
    ]);
  });

  it('refuses an empty region list', () => {
    expect(problems({ ...valid(), regions: [] })).toEqual([
      'regions — must list at least one region code, or GLOBAL',
    ]);
  });

  it.each(['2024-13-01', '2024-02-30', '2023-02-29', '2024-00-10'])(
    'refuses the impossible date %s rather than rolling it over',
    (date) => {
      expect(problems({ ...valid(), date })).toEqual([`date — ${date} is not a real calendar day`]);
    },
  );

  it.each(['yesterday', '18/09/2024', '2024-9-18', ''])(
    'refuses the date "%s" and shows the expected form',
    (date) => {
      expect(problems({ ...valid(), date })).toEqual([
        'date — must be a date written YYYY-MM-DD, e.g. 2024-09-18',
      ]);
    },
  );

  it('refuses a bad effective date by its own field name', () => {
    expect(problems({ ...valid(), effective: '2025-11-31' })).toEqual([
      'effective — 2025-11-31 is not a real calendar day',
    ]);
  });

  it('refuses an entry without sources', () => {
    const { sources: _, ...rest } = valid();
    expect(problems(rest)).toEqual(['sources — must be a list of sources']);
  });

  it('refuses an empty source list', () => {
    expect(problems({ ...valid(), sources: [] })).toEqual([
      'sources — must list at least one source with a url',
    ]);
  });

  it('refuses a source without a url', () => {
    expect(problems({ ...valid(), sources: [{ title: 'No link' }] })).toEqual([
      'sources.0.url — must be a URL starting with https:// or http://',
    ]);
  });

  it.each([
    'javascript:alert(1)',
    'ftp://example.org/file',
    'data:text/html,hi',
    '/entries/local',
    'example.org/no-scheme',
  ])('refuses the source URL %s', (url) => {
    expect(problems({ ...valid(), sources: [{ url, title: 'T' }] })).toEqual([
      'sources.0.url — must be an absolute URL starting with https:// or http://',
    ]);
  });

  it('refuses a non-http opt-out link in a status line', () => {
    expect(
      problems({
        ...valid(),
        status: [{ region: 'US', training: 'default-on', optOutUrl: 'javascript:void(0)' }],
      }),
    ).toEqual(['status.0.optOutUrl — must be an absolute URL starting with https:// or http://']);
  });

  it('refuses a status for a company the entry does not tag', () => {
    expect(
      problems({
        ...valid(),
        status: [{ company: 'meta', region: 'US', training: 'default-on' }],
      }),
    ).toEqual([
      'status.0.company — "meta" is not among the entry\'s companies (linkedin); add it to companies or fix the id',
    ]);
  });

  it('refuses a status without a company on an entry that tags several', () => {
    expect(
      problems({
        ...valid(),
        companies: ['linkedin', 'microsoft'],
        status: [{ region: 'US', training: 'default-on' }],
      }),
    ).toEqual([
      'status.0.company — is required when the entry tags several companies (linkedin, microsoft)',
    ]);
  });

  it('refuses a status on an entry that tags no company', () => {
    expect(
      problems({ ...valid(), companies: [], status: [{ region: 'US', training: 'off' }] }),
    ).toEqual([
      'status.0 — needs a company, but the entry tags none; add the company to companies',
    ]);
  });

  it('refuses a status for an unknown region and lists the known ones', () => {
    expect(problems({ ...valid(), status: [{ region: 'FR', training: 'off' }] })).toEqual([
      'status.0.region — unknown region code "FR"; valid values: EU, GLOBAL, IE, UK, US',
    ]);
  });

  it('refuses an unknown training state and opt-out route, listing the valid ones', () => {
    expect(
      problems({
        ...valid(),
        status: [{ region: 'US', training: 'on', optOut: 'phone' }],
      }),
    ).toEqual([
      `status.0.training — must be one of: ${TRAINING.join(', ')}`,
      `status.0.optOut — must be one of: ${OPT_OUT.join(', ')}`,
    ]);
  });

  it('refuses an unknown kind and lists the kinds', () => {
    expect(problems({ ...valid(), kind: 'lawsuit' })).toEqual([
      `kind — must be one of: ${KINDS.join(', ')}`,
    ]);
    expect(KINDS).toContain('regulator-action');
  });

  it('refuses a blank title and an overlong one', () => {
    expect(problems({ ...valid(), title: '   ' })).toEqual(['title — must not be empty']);
    expect(problems({ ...valid(), title: 'x'.repeat(161) })).toEqual([
      'title — must be at most 160 characters',
    ]);
  });

  it('refuses a missing summary', () => {
    const { summary: _, ...rest } = valid();
    expect(problems(rest)).toEqual(['summary — must be a summary']);
  });

  it('reports every problem in an entry at once', () => {
    expect(
      problems({ ...valid(), companies: ['nope'], regions: ['XX'], date: 'soon', sources: [] }),
    ).toHaveLength(4);
  });
});
