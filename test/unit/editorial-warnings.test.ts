/**
 * The warnings npm run check prints without failing, each on deliberately broken content: sources
 * that do not hold up, statuses gone unconfirmed, and the errors of a misused `confirms: true`.
 */
import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../../src/lib/content/entry.ts';
import { primarySourcesSchema } from '../../src/lib/content/primary-sources.ts';
import { checkEntry, type CheckedEntry } from '../../src/lib/editorial/check-entry.ts';
import { formatProblem, type Problem } from '../../src/lib/editorial/problem.ts';
import { bracketedPublisher, sourceWarnings } from '../../src/lib/editorial/source-checks.ts';
import {
  confirmationProblems,
  staleStatusesOf,
  staleStatusWarnings,
  type CheckNames,
} from '../../src/lib/editorial/status-checks.ts';

const vocab: Vocabulary = {
  companyIds: ['linkedin', 'meta', 'openai'],
  regionCodes: ['CA', 'EU', 'GLOBAL', 'IE', 'UK', 'US'],
  blocsOf: new Map([['IE', ['EU']]]),
};
const today = new Date('2026-12-01T12:00:00Z');
const names: CheckNames = {
  company: (id) => ({ linkedin: 'LinkedIn', meta: 'Meta', openai: 'OpenAI' })[id] ?? id,
  region: (code) => ({ CA: 'Canada', GLOBAL: 'Global' })[code] ?? code,
};
const lines = (problems: Problem[]) => problems.map(formatProblem);

interface Fixture {
  date: string;
  slug?: string;
  companies?: string;
  regions?: string;
  sources: string;
  status?: string;
}

/** An entry file as an editor writes it, checked as npm run check checks it. */
function entry(f: Fixture): CheckedEntry {
  const file = `content/entries/${f.date}-${f.slug ?? 'event'}.md`;
  const text = `---
title: An event on ${f.date}
date: ${f.date}
companies: ${f.companies ?? '[linkedin]'}
regions: ${f.regions ?? '[CA]'}
kind: policy-change
summary: Something happened.
sources:
${f.sources}
${f.status ? `status:\n${f.status}\n` : ''}---

Notes on the event.
`;
  const { problems, entry: checked } = checkEntry(file, text, vocab, today);
  expect(problems, `${file} is a valid entry`).toEqual([]);
  return checked!;
}

const source = (url: string, title: string, publisher: string) =>
  `  - url: ${url}\n    title: "${title}"\n    publisher: ${publisher}`;

const primary = primarySourcesSchema(vocab).parse({
  primary: [
    { domain: 'priv.gc.ca', regions: ['CA'] },
    { domain: 'www.linkedin.com', companies: ['linkedin'] },
  ],
  aggregators: ['particle.news', 'pubt.io'],
});

describe('a source title that ends with a bracketed publisher', () => {
  it('is flagged when the bracket repeats the publisher, the site or says "via"', () => {
    expect(
      bracketedPublisher('Meta suspends AI training (Mezha)', 'Mezha', 'https://mezha.media/a'),
    ).toBe('Mezha');
    expect(
      bracketedPublisher(
        'OpenAI, Google may start paying Reddit (Livemint)',
        'Mint',
        'https://www.livemint.com/x',
      ),
    ).toBe('Livemint');
    expect(
      bracketedPublisher(
        'Meta to use public posts (Reuters via CNA)',
        'CNA',
        'https://www.channelnewsasia.com/x',
      ),
    ).toBe('Reuters via CNA');
  });

  it('is left alone when the brackets belong to the headline', () => {
    expect(
      bracketedPublisher(
        'Overview of the Joint Investigation of OpenAI OpCo, LLC (PIPEDA Findings #2026-002)',
        'Office of the Privacy Commissioner of Canada',
        'https://www.priv.gc.ca/en/x',
      ),
    ).toBeUndefined();
    expect(
      bracketedPublisher(
        'X.AI LLC v. Rob Bonta (C.D. Cal.)',
        'Nerdy Skynet',
        'https://nerdyskynet.com/x',
      ),
    ).toBeUndefined();
    expect(
      bracketedPublisher('A headline without brackets', 'Mezha', 'https://mezha.media/a'),
    ).toBeUndefined();
  });

  it('gets a warning with the line of the title and what to do', () => {
    const e = entry({
      date: '2024-06-17',
      sources: source(
        'https://mezha.media/en/2024/06/17/meta-suspends',
        'Meta suspends training of its AI in Europe (Mezha)',
        'Mezha',
      ),
    });
    expect(lines(sourceWarnings([e], primary))).toEqual([
      `${e.file}:10 sources[0].title — ends with "(Mezha)", which looks like the publisher rather than part of the headline — copy the page's own headline without it; the publisher goes in publisher`,
    ]);
  });
});

describe('two sources of one entry that are one page', () => {
  it('are flagged even when tracking parameters and fragments differ', () => {
    const e = entry({
      date: '2024-12-10',
      sources: [
        source(
          'https://priv.gc.ca/en/opc-news/nr-c_241210b',
          'Privacy Commissioner welcomes commitment from LinkedIn',
          'OPC',
        ),
        source(
          'https://priv.gc.ca/en/opc-news/nr-c_241210b?utm_source=x&utm_medium=y#top',
          'The same release',
          'OPC',
        ),
      ].join('\n'),
    });
    expect(lines(sourceWarnings([e], primary))).toEqual([
      `${e.file}:12 sources[1].url — is the same page as sources[0] (https://priv.gc.ca/en/opc-news/nr-c_241210b) — delete one of the two, or cite a different page that reports the event`,
    ]);
  });

  it('are flagged when only the scheme, www. or a trailing slash differ', () => {
    const e = entry({
      date: '2024-12-10',
      sources: [
        source(
          'https://www.priv.gc.ca/en/opc-news/nr-c_241210b/',
          'Privacy Commissioner welcomes commitment from LinkedIn',
          'OPC',
        ),
        source('http://priv.gc.ca/en/opc-news/nr-c_241210b', 'The same release', 'OPC'),
      ].join('\n'),
    });
    expect(sourceWarnings([e], primary).map((w) => w.field)).toEqual(['sources[1].url']);
  });

  it('are not flagged when they are different pages of one site', () => {
    const e = entry({
      date: '2024-12-10',
      sources: [
        source('https://priv.gc.ca/en/opc-news/a', 'First release', 'OPC'),
        source('https://priv.gc.ca/en/opc-news/b', 'Second release', 'OPC'),
      ].join('\n'),
    });
    expect(sourceWarnings([e], primary)).toEqual([]);
  });
});

describe('an entry whose only sources are aggregators', () => {
  const onlyAggregators = () =>
    entry({
      date: '2025-11-03',
      sources: source(
        'https://particle.news/story/linkedin-switches-on-ai-training',
        'LinkedIn switches on AI training',
        'Particle',
      ),
    });

  it('is flagged when a primary domain is known for its company or region, naming both', () => {
    const e = onlyAggregators();
    expect(lines(sourceWarnings([e], primary))).toEqual([
      `${e.file}:8 sources — cites only aggregators (particle.news), while the regulator's or company's own pages are known for this entry: linkedin.com, priv.gc.ca — add the regulator’s or company’s own page (or the outlet that first reported it) as a source; the list of such domains is content/primary-sources.yaml`,
    ]);
  });

  it('is not flagged once it also cites the primary page, or when no primary domain is known', () => {
    const cited = entry({
      date: '2025-11-03',
      sources: [
        source(
          'https://particle.news/story/linkedin-switches-on-ai-training',
          'LinkedIn switches on AI training',
          'Particle',
        ),
        source('https://news.linkedin.com/2025/ai-training', 'Our AI training update', 'LinkedIn'),
      ].join('\n'),
    });
    expect(sourceWarnings([cited], primary)).toEqual([]);
    const unknown = entry({
      date: '2025-11-03',
      companies: '[meta]',
      regions: '[US]',
      sources: source('https://pubt.io/view/123', 'Meta press release', 'Public'),
    });
    expect(sourceWarnings([unknown], primary)).toEqual([]);
  });

  it('names at most four of the known primary domains', () => {
    const many = primarySourcesSchema(vocab).parse({
      primary: ['a.ca', 'b.ca', 'c.ca', 'd.ca', 'e.ca', 'f.ca'].map((domain) => ({
        domain,
        regions: ['CA'],
      })),
      aggregators: ['particle.news'],
    });
    expect(sourceWarnings([onlyAggregators()], many)[0]!.problem).toMatch(
      /known for this entry: a\.ca, b\.ca, c\.ca, d\.ca and 2 more$/,
    );
  });

  it('is not checked without a list of primary domains', () => {
    expect(sourceWarnings([onlyAggregators()], undefined)).toEqual([]);
  });
});

describe('the list of primary domains', () => {
  it('cleans domains written with www. and capitals', () => {
    expect(primary.primary[1]!.domain).toBe('linkedin.com');
  });

  it('refuses an address where a domain belongs, a domain that speaks for no one, and unknown ids', () => {
    const result = primarySourcesSchema(vocab).safeParse({
      primary: [
        { domain: 'https://priv.gc.ca/en/', regions: ['CA'] },
        { domain: 'example.org' },
        { domain: 'meta.com', companies: ['facebook'] },
      ],
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual([
      'primary.0.domain: must be a bare domain such as priv.gc.ca, without https:// or a path',
      'primary.1: needs companies or regions: say whose own voice this domain is',
      expect.stringMatching(
        /^primary\.2\.companies\.0: unknown company id "facebook"; valid values: linkedin, meta, openai$/,
      ),
    ]);
  });
});

describe('statuses not confirmed for twelve months', () => {
  const pause = (date = '2024-12-10') =>
    entry({
      date,
      slug: 'linkedin-pauses-canada',
      sources: source('https://priv.gc.ca/en/a', 'LinkedIn pauses', 'OPC'),
      status: '  - { region: CA, training: paused }',
    });

  it('are listed with company, region, status and the date they were last set or confirmed', () => {
    const e = pause();
    expect(lines(staleStatusWarnings([e], staleStatusesOf([e], today, names)))).toEqual([
      `${e.file}:13 status[0] — LinkedIn in Canada: "Paused" was last set or confirmed on 2024-12-10, over 12 months ago — check it is still the case and add an entry from a newer source with this status and confirms: true, or record what changed`,
    ]);
  });

  it('drop off once a newer entry confirms the status', () => {
    const confirm = entry({
      date: '2026-03-01',
      slug: 'linkedin-still-paused',
      sources: source('https://priv.gc.ca/en/b', 'Still paused', 'OPC'),
      status: '  - { region: CA, training: paused, confirms: true }',
    });
    expect(staleStatusesOf([pause(), confirm], today, names)).toEqual([]);
  });

  it('leave out a status set within the last twelve months', () => {
    expect(staleStatusesOf([pause('2026-01-10')], today, names)).toEqual([]);
  });
});

describe('a status line marked confirms: true', () => {
  const set = entry({
    date: '2023-04-25',
    slug: 'chatgpt-history-switch',
    companies: '[openai]',
    regions: '[GLOBAL]',
    sources: source(
      'https://openai.com/blog/new-ways',
      'New ways to manage your data in ChatGPT',
      'OpenAI',
    ),
    status: '  - { region: GLOBAL, training: default-on, optOut: settings }',
  });
  const confirming = (status: string, regions = '[GLOBAL]') =>
    entry({
      date: '2026-01-07',
      slug: 'chatgpt-health',
      companies: '[openai]',
      regions,
      sources: source(
        'https://openai.com/index/chatgpt-health',
        'Introducing ChatGPT Health',
        'OpenAI',
      ),
      status,
    });

  it('is accepted when it states the status in force', () => {
    const c = confirming(
      '  - { region: GLOBAL, training: default-on, optOut: settings, confirms: true }',
    );
    expect(confirmationProblems([set, c], names)).toEqual([]);
  });

  it('is a problem when it states another training status than the one in force', () => {
    const c = confirming('  - region: GLOBAL\n    training: paused\n    confirms: true');
    expect(lines(confirmationProblems([set, c], names))).toEqual([
      `${c.file}:14 status[0].training — is paused, but the status it confirms for OpenAI in Global is default-on (set by ${set.file}) — write default-on to confirm the status in force, or delete confirms: true to record a change`,
    ]);
  });

  it('is a problem when it names another opt-out route', () => {
    const c = confirming(
      '  - region: GLOBAL\n    training: default-on\n    optOut: form\n    confirms: true',
    );
    expect(lines(confirmationProblems([set, c], names))[0]).toContain(
      'status[0].optOut — is form, but the status it confirms for OpenAI in Global is settings',
    );
  });

  it('is a problem when no earlier entry sets a status there', () => {
    const c = confirming(
      '  - region: CA\n    training: default-on\n    confirms: true',
      '[GLOBAL, CA]',
    );
    expect(lines(confirmationProblems([set, c], names))).toEqual([
      `${c.file}:15 status[0].confirms — confirms a status for OpenAI in Canada, but no earlier entry sets one there — delete confirms: true to record this status as a change, or correct the company or region`,
    ]);
  });

  it('accepts only true, so a stray false is caught', () => {
    const file = 'content/entries/2026-01-07-chatgpt-health.md';
    const { problems } = checkEntry(
      file,
      `---
title: ChatGPT Health
date: 2026-01-07
companies: [openai]
regions: [GLOBAL]
kind: policy-change
summary: Health chats are kept out of training.
sources:
  - { url: 'https://openai.com/index/chatgpt-health', title: Introducing ChatGPT Health, publisher: OpenAI }
status:
  - { region: GLOBAL, training: default-on, confirms: false }
---

Notes.
`,
      vocab,
      today,
    );
    expect(lines(problems)).toEqual([
      `${file}:11 status[0].confirms — write confirms: true, or leave the line out — write confirms: true when the line confirms the status already in force, or delete the line to record a change`,
    ]);
  });
});
